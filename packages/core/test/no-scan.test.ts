import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { describe, expect, it } from "vitest";
import { withActor } from "../src/actor";
import { listUsers } from "../src/admin";
import { ensureTable, reindexShards } from "../src/db/bootstrap";
import { dynamo, tableName } from "../src/db/client";
import { db } from "../src/db/entities";
import { SHARD_COUNT, shardOf } from "../src/db/shard";

const ROOT = join(import.meta.dirname, "../../..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) out.push(p);
  }
  return out;
}

describe("data access at national scale", () => {
  it("no Scan anywhere in the product's code", () => {
    const dirs = [
      ...["packages", "apps"].flatMap((top) =>
        readdirSync(join(ROOT, top)).map((pkg) => join(ROOT, top, pkg, "src")),
      ),
      join(ROOT, "infra"),
      join(ROOT, "bench"),
    ];
    const files = dirs.flatMap((d) => {
      try {
        return sources(d);
      } catch {
        return [];
      }
    });
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) =>
      /\bScanCommand\b|\.scan\s*[.(]|"Scan"/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("no index is keyed by a constant: every partition key has a part that varies", () => {
    const entities = db() as unknown as Record<
      string,
      { schema: { indexes: Record<string, { pk: { composite: string[] } }> } }
    >;
    const constant = Object.entries(entities).flatMap(([name, e]) =>
      Object.entries(e.schema.indexes)
        .filter(([, idx]) => idx.pk.composite.length === 0)
        .map(([index]) => `${name}.${index}`),
    );
    expect(constant).toEqual([]);
  });

  it("spreads ids evenly over the shards", () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3321; i++) {
      const s = shardOf(`xa-${i}`);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect(counts.size).toBe(SHARD_COUNT);
    expect(Math.max(...counts.values())).toBeLessThan((3321 / SHARD_COUNT) * 1.3);
  });

  it("moves items of the former one-partition listings to their shards", async () => {
    await ensureTable(tableName());
    const { Item } = db()
      .user.put({
        username: "tai-khoan-cu",
        displayName: "Tài khoản tạo trước khi chia phân vùng",
        role: "commune_staff",
        unitId: "quang-nghiep",
        passwordHash: "x",
        createdAt: "2025-01-01T00:00:00.000Z",
      })
      .params() as { Item: Record<string, unknown> };
    // As written before: one partition for every account, no shard.
    const { shard: _s, ...old } = Item;
    await dynamo().send(new PutCommand({ TableName: tableName(), Item: { ...old, gsi2pk: "$kehoach" } }));
    const admin = { username: "admin", displayName: "Admin", role: "admin" as const, communeIds: [] };
    const before = await withActor(admin, () => listUsers());
    expect(before.map((u) => u.username)).not.toContain("tai-khoan-cu");
    await reindexShards(tableName());
    const after = await withActor(admin, () => listUsers());
    expect(after.map((u) => u.username)).toContain("tai-khoan-cu");
  });
});
