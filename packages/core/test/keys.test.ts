import { describe, expect, it } from "vitest";
import { db } from "../src/db/entities";
import { planListKeys, sessionKey } from "../src/db/keys";

/** The plain reads of the hot path address the very items ElectroDB writes. */
describe("table keys written out", () => {
  it("a session's key is ElectroDB's", () => {
    for (const tokenHash of [
      "0f3a",
      "ABCdef0123",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ]) {
      const params = db().session.get({ tokenHash }).params() as { Key: Record<string, string> };
      expect(sessionKey(tokenHash)).toEqual(params.Key);
    }
  });

  it("a commune's plan list reads ElectroDB's index, partition and sort-key prefix", () => {
    type QueryParams = {
      IndexName: string;
      ExpressionAttributeNames: Record<string, string>;
      ExpressionAttributeValues: Record<string, string>;
    };
    const expectSame = (keys: ReturnType<typeof planListKeys>, params: QueryParams) =>
      expect(keys).toEqual({
        index: params.IndexName,
        pkField: params.ExpressionAttributeNames["#pk"],
        skField: params.ExpressionAttributeNames["#sk1"],
        pk: params.ExpressionAttributeValues[":pk"],
        skPrefix: params.ExpressionAttributeValues[":sk1"],
      });
    for (const communeId of ["xa-tu-ky", "Quang-Nghiep", "đại-hợp"]) {
      expectSame(planListKeys(communeId), db().plan.query.byCommune({ communeId }).params() as QueryParams);
      for (const status of ["draft", "in_progress"] as const) {
        expectSame(
          planListKeys(communeId, status),
          db().plan.query.byCommuneStatus({ communeId, status }).params() as QueryParams,
        );
      }
    }
  });
});
