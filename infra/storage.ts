import { TABLE } from "../packages/core/src/db/table";
import { RETENTION_DAYS } from "../packages/core/src/schedule/schema";
import { isProduction } from "./stage";

/**
 * The one table. Its shape comes from packages/core, the same definition DynamoDB Local uses.
 * On-demand capacity (SST's default), point-in-time recovery (35 days of restores to any second),
 * and on production deletion protection on top of the app's `retain` removal.
 */
export const table = new sst.aws.Dynamo("Table", {
  fields: TABLE.fields,
  primaryIndex: TABLE.primaryIndex,
  globalIndexes: TABLE.globalIndexes,
  ttl: TABLE.ttl,
  deletionProtection: isProduction,
  transform: {
    table: (args) => {
      args.pointInTimeRecovery = { enabled: true };
    },
  },
});

/**
 * Keys under `exports/` older than any unit may keep them (RETENTION_DAYS.max): the dispatcher
 * deletes expired exports itself each run; this rule only catches what it never saw.
 */
const EXPORTS_BACKSTOP_DAYS = RETENTION_DAYS.max + 10;

/**
 * The files: imported source texts (`sources/`, kept for good), task evidence (`evidence/`, kept for
 * good) and generated exports (`exports/`, kept as each unit chose). Private (no public access;
 * the API hands out short presigned GETs), HTTPS only (SST's default).
 */
export const files = new sst.aws.Bucket("Files", {
  lifecycle: [{ id: "exports-backstop", prefix: "exports/", expiresIn: `${EXPORTS_BACKSTOP_DAYS} days` }],
});

/**
 * The first administrator's password on a new stage (README, "First admin"): set with
 * `npx sst secret set AdminPassword … --stage <name>` and read only by the `admin create` command
 * run through `sst shell`. No function is linked to it.
 */
export const adminPassword = new sst.Secret("AdminPassword");
