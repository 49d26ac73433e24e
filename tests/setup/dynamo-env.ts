import { inject } from "vitest";

// Deployed functions run Node 22+; the SDK's Node 20 notice is noise in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

// Point this worker at the DynamoDB Local started by the global setup.
process.env.DYNAMODB_ENDPOINT = inject("dynamoEndpoint");
process.env.KEHOACH_TABLE = inject("tableName");
process.env.AWS_REGION = "ap-southeast-1";
process.env.DATA_DIR = inject("dataDir");
// The suites fire 20–50 concurrent transactions at one DynamoDB Local on a shared machine; they
// check correctness, not latency, so they wait longer than a user would (db-faults.test.ts
// checks the product's own deadline).
process.env.DYNAMODB_REQUEST_TIMEOUT_MS ??= "30000";
