import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { dynamo, tableName } from "../db/client";
import { db } from "../db/entities";
import { DomainError } from "../errors";
import {
  boardRowKey,
  FIGURE_ATTR,
  MAX_TARGETS,
  membershipCheck,
  type Op,
  put,
  rawUpdate,
  splitTarget,
  writeItems,
} from "../write";

/**
 * Which board rows a commune's figures are added to, and moving them when that changes.
 *
 * A commune counts once in every scope that reaches it: in its own row where the scope lists it,
 * otherwise in the row of its nearest successor the scope lists (a merged commune's past rolls up
 * under the new commune, never beside it); and once in its province's total for the national view
 * (today's province, after province merges). When scopes or lineage change, each commune's figures
 * move between rows in one transaction that checks nothing was written meanwhile.
 */

type UnitRow = {
  unitId: string;
  kind: "province" | "district" | "commune";
  name: string;
  parentId: string;
  successorId?: string;
  predecessorIds?: string[];
};

async function unit(unitId: string): Promise<UnitRow | null> {
  return (await db().unit.get({ unitId }).go({ consistent: true })).data as UnitRow | null;
}

/** Today's province of a unit: its province ancestor, followed along province mergers. */
export async function todaysProvince(u: UnitRow): Promise<UnitRow | null> {
  let cur: UnitRow | null = u;
  for (let hop = 0; cur && cur.kind !== "province" && hop < 5; hop++) {
    cur = cur.parentId !== "-" ? await unit(cur.parentId) : null;
  }
  for (let hop = 0; cur?.successorId && hop < 10; hop++) {
    const next: UnitRow | null = await unit(cur.successorId);
    if (!next) break;
    cur = next;
  }
  return cur;
}

export const totalScope = (provinceId: string) => `total:${provinceId}`;

async function scopeIdsOf(communeId: string): Promise<string[]> {
  return (await db().membership.get({ communeId }).go({ consistent: true })).data?.scopeIds ?? [];
}

/** The rows a commune counts in, given its own scopes (`scopeIds`). */
async function targetsOf(
  c: UnitRow,
  scopeIds: string[],
): Promise<{ targets: string[]; names: Map<string, string>; provinceId: string }> {
  const targets: string[] = [];
  const names = new Map<string, string>([[c.unitId, c.name]]);
  const seen = new Set<string>();
  for (const s of scopeIds) {
    targets.push(`${s}|${c.unitId}`);
    seen.add(s);
  }
  let last = c;
  const visited = new Set([c.unitId]);
  for (let next = c.successorId; next && !visited.has(next); ) {
    visited.add(next);
    const d = await unit(next);
    if (!d) break;
    names.set(d.unitId, d.name);
    for (const s of await scopeIdsOf(d.unitId)) {
      if (seen.has(s)) continue;
      targets.push(`${s}|${d.unitId}`);
      seen.add(s);
    }
    last = d;
    next = d.successorId;
  }
  const province = await todaysProvince(last);
  const provinceId = province?.unitId ?? "-";
  if (province) {
    targets.push(`${totalScope(province.unitId)}|${province.unitId}`);
    names.set(province.unitId, province.name);
  }
  if (targets.length > MAX_TARGETS) {
    throw new DomainError(400, "too_many_scopes", {
      vi: `Xã ${c.name} đã thuộc quá nhiều phạm vi theo dõi (tối đa ${MAX_TARGETS - 1}).`,
      en: `Commune ${c.name} is in too many oversight scopes (at most ${MAX_TARGETS - 1}).`,
    });
  }
  return { targets, names, provinceId };
}

/** The additive figures of a commune's summary item as read. */
async function summaryFigures(communeId: string) {
  const key = db().communeSummary.get({ communeId }).params().Key as Record<string, unknown>;
  const item = (
    await dynamo().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))
  ).Item;
  const figures: Record<string, number> = {};
  for (const [k, v] of Object.entries(item ?? {})) {
    if (FIGURE_ATTR.test(k) && typeof v === "number" && v !== 0) figures[k] = v;
  }
  return {
    key,
    exists: Boolean(item),
    rev: typeof item?.rev === "number" ? item.rev : 0,
    lastActivityAt: typeof item?.lastActivityAt === "string" ? item.lastActivityAt : undefined,
    figures,
  };
}

function rowOp(
  target: string,
  figures: Record<string, number>,
  sign: 1 | -1,
  communeId: string,
  extra: {
    rowName?: string;
    communeName?: string;
    lastActivityAt?: string | undefined;
  },
): Op {
  const { scopeKey, rowId } = splitTarget(target);
  const names: Record<string, string> = {
    "#e": "__edb_e__",
    "#v": "__edb_v__",
    "#s": "scopeKey",
    "#r": "rowId",
    "#c": "contributors",
    "#cn": `name_${communeId}`,
  };
  const values: Record<string, unknown> = {
    ":e": "boardRow",
    ":v": "1",
    ":s": scopeKey,
    ":r": rowId,
    ":c": new Set([communeId]),
  };
  const set = ["#e = :e", "#v = :v", "#s = :s", "#r = :r"];
  const add: string[] = [];
  Object.entries(figures).forEach(([attr, n], i) => {
    names[`#n${i}`] = attr;
    values[`:n${i}`] = sign * n;
    add.push(`#n${i} :n${i}`);
  });
  if (sign === 1) {
    add.push("#c :c");
    values[":cn"] = extra.communeName ?? communeId;
    set.push("#cn = :cn");
    if (extra.rowName) {
      names["#name"] = "name";
      values[":name"] = extra.rowName;
      set.push("#name = :name");
    }
    if (extra.lastActivityAt) {
      names["#l"] = "lastActivityAt";
      values[":l"] = extra.lastActivityAt;
      set.push("#l = :l");
    }
    return rawUpdate(boardRowKey(scopeKey, rowId), { set, add }, names, values);
  }
  return rawUpdate(
    boardRowKey(scopeKey, rowId),
    { set, add, delete: ["#c :c"], remove: ["#cn"] },
    names,
    values,
  );
}

/**
 * Recompute a commune's rows (after its scopes, its unit or the lineage changed) and move its
 * figures from the rows it leaves to the rows it joins, in one transaction per commune.
 * `scopes` adds or removes a scope id in the commune's own list first.
 */
export async function refreshCommune(
  communeId: string,
  scopes: { add?: string; remove?: string } = {},
): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const c = await unit(communeId);
    if (c?.kind !== "commune") return;
    const current = (await db().membership.get({ communeId }).go({ consistent: true })).data;
    let scopeIds = current?.scopeIds ?? [];
    if (scopes.remove) scopeIds = scopeIds.filter((s) => s !== scopes.remove);
    if (scopes.add && !scopeIds.includes(scopes.add)) scopeIds = [...scopeIds, scopes.add];
    const { targets, names, provinceId } = await targetsOf(c, scopeIds);
    const self = await summaryFigures(communeId);
    const before = new Set(current?.targets ?? []);
    const after = new Set(targets);
    const ops: Op[] = [
      put(
        db()
          .membership.put({
            communeId,
            name: c.name,
            provinceId,
            scopeIds,
            targets,
            rev: (current?.rev ?? 0) + 1,
          })
          .params() as Record<string, unknown>,
      ),
      // The membership as read is the one replaced …
      membershipCheck(communeId, current ? { targets: current.targets, rev: current.rev } : null),
      // … and the summary as read is the one moved.
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: self.key,
          ConditionExpression: self.exists ? "#rev = :rev" : "attribute_not_exists(#pk)",
          ExpressionAttributeNames: self.exists ? { "#rev": "rev" } : { "#pk": "pk" },
          ...(self.exists ? { ExpressionAttributeValues: { ":rev": self.rev } } : {}),
        },
      },
    ];
    // The put and the check of one item cannot share a transaction: fold the check into the put.
    const putOp = ops[0] as { Put: Record<string, unknown> };
    const check = (ops[1] as { ConditionCheck: Record<string, unknown> }).ConditionCheck;
    putOp.Put.ConditionExpression = check.ConditionExpression;
    putOp.Put.ExpressionAttributeNames = check.ExpressionAttributeNames;
    if (check.ExpressionAttributeValues)
      putOp.Put.ExpressionAttributeValues = check.ExpressionAttributeValues;
    ops.splice(1, 1);
    for (const t of before) if (!after.has(t)) ops.push(rowOp(t, self.figures, -1, communeId, {}));
    for (const t of after) {
      if (before.has(t)) continue;
      ops.push(
        rowOp(t, self.figures, 1, communeId, {
          rowName: names.get(splitTarget(t).rowId),
          communeName: c.name,
          lastActivityAt: self.lastActivityAt,
        }),
      );
    }
    if ((await writeItems(ops)).ok) return;
    // Someone wrote to this commune meanwhile (or a slow database is still finishing an earlier
    // attempt): back off a little longer each time, then read again.
    await new Promise((r) =>
      setTimeout(r, Math.min(2000, 20 * 2 ** Math.min(attempt, 7)) * (0.5 + Math.random())),
    );
  }
  throw new DomainError(409, "busy", {
    vi: "Dữ liệu của xã đang thay đổi, vui lòng thử lại.",
    en: "The commune's data is changing, please retry.",
  });
}

/** A commune and every commune whose past rolls up through it (their rows depend on its scopes). */
export async function withPredecessors(communeId: string): Promise<string[]> {
  const out: string[] = [];
  const queue = [communeId];
  const seen = new Set<string>();
  while (queue.length) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    const u = await unit(id);
    queue.push(...(u?.predecessorIds ?? []));
  }
  return out;
}

/** Every commune under a unit (a province's districts' communes too), by the tree index. */
export async function communesUnder(unitId: string): Promise<string[]> {
  const out: string[] = [];
  const queue = [unitId];
  for (let i = 0; i < queue.length && i < 10_000; i++) {
    const res = await db()
      .unit.query.byParent({ parentId: queue[i] as string })
      .go({ pages: "all" });
    for (const u of res.data) {
      if (u.kind === "commune") out.push(u.unitId);
      else queue.push(u.unitId);
    }
  }
  return out;
}

/** The row id of a scope's header in its board partition (name, validity, members, owner). */
export const SCOPE_HEADER = "_scope";

export type ScopeHeader = {
  scopeId: string;
  overseerUnitId: string;
  name: string;
  unitIds: string[];
  validFrom: string;
  validTo?: string | undefined;
};

/** Keep the scope's header beside its rows, so one query reads a whole board. */
export async function putScopeHeader(s: ScopeHeader) {
  await dynamo().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...boardRowKey(s.scopeId, SCOPE_HEADER),
        __edb_e__: "boardRow",
        __edb_v__: "1",
        scopeKey: s.scopeId,
        rowId: SCOPE_HEADER,
        header: {
          scopeId: s.scopeId,
          overseerUnitId: s.overseerUnitId,
          name: s.name,
          unitIds: s.unitIds,
          validFrom: s.validFrom,
          ...(s.validTo ? { validTo: s.validTo } : {}),
        },
      },
    }),
  );
}
