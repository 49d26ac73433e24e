/**
 * Listings that span every unit, account or scope (admin screens, the daily jobs) are spread over
 * SHARD_COUNT index partitions by a stable hash of the item's id, so no partition holds the whole
 * country; a listing reads each shard with one bounded query.
 */
export const SHARD_COUNT = 16;
export const SHARDS: readonly string[] = Array.from({ length: SHARD_COUNT }, (_, i) => i.toString(16));

/** FNV-1a of the id, reduced to a shard ("0"–"f"). */
export function shardOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % SHARD_COUNT).toString(16);
}

/** An attribute holding the shard of another attribute's value (ElectroDB `watch`). */
export function shardAttribute(of: string) {
  return {
    type: "string",
    hidden: true,
    watch: [of],
    set: (_: unknown, item: Record<string, unknown>) => shardOf(String(item[of] ?? "")),
  } as const;
}

/** Run a per-shard listing on every shard and join the results. */
export async function acrossShards<T>(list: (shard: string) => Promise<T[]>): Promise<T[]> {
  return (await Promise.all(SHARDS.map(list))).flat();
}
