import { TABLE } from "../packages/core/src/db/table";
import { isProduction } from "./stage";

/** The one table. Its shape comes from packages/core, the same definition DynamoDB Local uses. */
export const table = new sst.aws.Dynamo("Table", {
  fields: TABLE.fields,
  primaryIndex: TABLE.primaryIndex,
  globalIndexes: TABLE.globalIndexes,
  ttl: TABLE.ttl,
  deletionProtection: isProduction,
});

/** Generated exports (DOCX/XLSX/CSV), served through presigned GETs by the API. */
export const files = new sst.aws.Bucket("Files");
