/**
 * The one DynamoDB table, defined once. Imported by the local bootstrap (CreateTable),
 * the tests and `infra/` (sst.aws.Dynamo), so the three can never disagree.
 *
 * Generic keys let ElectroDB put every entity in it: pk/sk for the entity itself,
 * gsi1 for "children of a parent" listings (plans of a commune, units of a parent),
 * gsi2 for scope-keyed reads (the overseer board's per-commune summaries, sessions of a user).
 */
export const TABLE = {
  fields: {
    pk: "string",
    sk: "string",
    gsi1pk: "string",
    gsi1sk: "string",
    gsi2pk: "string",
    gsi2sk: "string",
  },
  primaryIndex: { hashKey: "pk", rangeKey: "sk" },
  globalIndexes: {
    gsi1: { hashKey: "gsi1pk", rangeKey: "gsi1sk" },
    gsi2: { hashKey: "gsi2pk", rangeKey: "gsi2sk" },
  },
  /** Epoch seconds; sessions and login-throttle windows expire through it. */
  ttl: "expiresAt",
} as const;

export type TableDefinition = typeof TABLE;

/** The CreateTable input for DynamoDB Local (on AWS, SST creates the table from TABLE). */
export function createTableInput(tableName: string) {
  const attributeNames = Object.keys(TABLE.fields) as (keyof typeof TABLE.fields)[];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST" as const,
    AttributeDefinitions: attributeNames.map((name) => ({
      AttributeName: name,
      AttributeType: "S" as const,
    })),
    KeySchema: [
      { AttributeName: TABLE.primaryIndex.hashKey, KeyType: "HASH" as const },
      { AttributeName: TABLE.primaryIndex.rangeKey, KeyType: "RANGE" as const },
    ],
    GlobalSecondaryIndexes: Object.entries(TABLE.globalIndexes).map(([IndexName, idx]) => ({
      IndexName,
      KeySchema: [
        { AttributeName: idx.hashKey, KeyType: "HASH" as const },
        { AttributeName: idx.rangeKey, KeyType: "RANGE" as const },
      ],
      Projection: { ProjectionType: "ALL" as const },
    })),
  };
}
