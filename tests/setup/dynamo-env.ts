import { inject } from "vitest";

// Point this worker at the DynamoDB Local started by the global setup.
process.env.DYNAMODB_ENDPOINT = inject("dynamoEndpoint");
process.env.KEHOACH_TABLE = inject("tableName");
process.env.AWS_REGION = "ap-southeast-1";
