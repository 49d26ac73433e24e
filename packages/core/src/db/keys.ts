/**
 * The table keys of the hot reads, written out as ElectroDB writes them (service "kehoach", entity
 * version 1, composite values lower-cased), so that those reads can go to DynamoDB as plain
 * requests without ElectroDB building and formatting them. db/keys.test.ts holds them equal to
 * ElectroDB's own params.
 */
const SERVICE = "$kehoach";

/** A session's item (entity session, index byToken). */
export function sessionKey(tokenHash: string) {
  return { pk: `${SERVICE}#tokenhash_${tokenHash.toLowerCase()}`, sk: "$session_1" };
}

/**
 * A commune's plans, newest first: the partition and sort-key prefix of byCommune (gsi1), or of
 * byCommuneStatus (gsi2) when a status is given.
 */
export function planListKeys(communeId: string, status?: string) {
  const commune = `${SERVICE}#communeid_${communeId.toLowerCase()}`;
  return status
    ? {
        index: "gsi2",
        pkField: "gsi2pk",
        skField: "gsi2sk",
        pk: `${commune}#status_${status.toLowerCase()}`,
        skPrefix: "$plan_1#createdat_",
      }
    : { index: "gsi1", pkField: "gsi1pk", skField: "gsi1sk", pk: commune, skPrefix: "$plan_1#createdat_" };
}
