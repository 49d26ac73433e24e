import { isIP } from "node:net";
import { now } from "../clock";
import { db, dbService } from "../db/entities";
import { acrossShards } from "../db/shard";
import { tooManyAttempts } from "./failures";

/**
 * Sign-in throttling after OWASP's Authentication and Credential Stuffing cheat sheets:
 * attempts are counted per account and per client address, and past a few free attempts the
 * next one must wait a delay that doubles with each attempt, up to a cap — never a hard lockout.
 *
 * The account's cap is small, so an attacker hammering someone's account from elsewhere costs
 * the real owner at most that delay; the address's cap is larger, and its free allowance higher
 * because a commune office signs in from behind one shared address.
 *
 * Attempts are counted *before* the password is checked, in one conditional transaction on
 * both counters, so a burst of parallel requests cannot slip extra guesses through a gap.
 * A correct password then ends the account's count and gives the address its attempt back.
 */
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
export const THROTTLE_RULES = {
  account: { free: 5, maxDelay: 30 },
  address: { free: 20, maxDelay: 120 },
} as const;

export type ThrottleKind = keyof typeof THROTTLE_RULES;
type Counter = { kind: ThrottleKind; subject: string; failures: number; lastFailureAt: number };
type Key = { kind: ThrottleKind; subject: string };

const nowSeconds = () => Math.floor(now().getTime() / 1000);

/** The delay after `attempts` counted attempts: 0 while free, then 2, 4, 8 … seconds up to the cap. */
export function delayAfter(kind: ThrottleKind, attempts: number): number {
  const { free, maxDelay } = THROTTLE_RULES[kind];
  if (attempts < free) return 0;
  return Math.min(2 ** (attempts - free + 1), maxDelay);
}

const live = (c: Counter | null | undefined, nowS: number): c is Counter =>
  Boolean(c) && nowS < (c as Counter).lastFailureAt + THROTTLE_WINDOW_SECONDS;

/** Seconds before this counter lets the next attempt through (0: now). */
function waitOf(c: Counter | null | undefined, nowS: number): number {
  if (!live(c, nowS)) return 0;
  return Math.max(0, c.lastFailureAt + delayAfter(c.kind, c.failures) - nowS);
}

/**
 * One client address as a throttling subject: IPv4 as is (also when IPv4-mapped in IPv6);
 * IPv6 by its /64, which is what one household or office is usually given.
 */
export function addressSubject(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const a = raw
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped?.[1]) return mapped[1];
  if (isIP(a) === 4) return a;
  if (isIP(a) !== 6) return undefined;
  const [head = "", tail = ""] = a.split("::");
  const h = head ? head.split(":") : [];
  const t = a.includes("::") && tail ? tail.split(":") : [];
  const groups = a.includes("::") ? [...h, ...Array(8 - h.length - t.length).fill("0"), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** A DynamoDB condition that did not hold (ElectroDB wraps the SDK's error in `cause`). */
export function isConditionFailure(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; e && typeof e === "object" && i < 5; i++) {
    const name = (e as { name?: string }).name ?? "";
    if (name === "ConditionalCheckFailedException" || name === "TransactionCanceledException") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

async function read(keys: Key[]): Promise<(Counter | null)[]> {
  return Promise.all(
    keys.map(async (k) => (await db().loginThrottle.get(k).go({ consistent: true })).data as Counter | null),
  );
}

/**
 * Count one sign-in attempt against every key, or refuse it (429) while any of them asks to
 * wait. Concurrent attempts serialise on the counters' values; a loser re-reads, a few times.
 */
export async function countAttempt(keys: Key[]): Promise<void> {
  for (let round = 0; round < 4; round++) {
    const nowS = nowSeconds();
    const current = await read(keys);
    const wait = Math.max(0, ...current.map((c) => waitOf(c, nowS)));
    if (wait > 0) throw tooManyAttempts(wait);
    const res = await dbService()
      .transaction.write(({ loginThrottle }) =>
        keys.map((k, i) => {
          const c = current[i];
          const fresh = !live(c, nowS);
          return loginThrottle
            .put({
              ...k,
              failures: fresh ? 1 : (c as Counter).failures + 1,
              lastFailureAt: nowS,
              expiresAt: nowS + THROTTLE_WINDOW_SECONDS,
            })
            .where((attr, op) =>
              c
                ? `${op.eq(attr.failures, c.failures)} AND ${op.eq(attr.lastFailureAt, c.lastFailureAt)}`
                : op.notExists(attr.subject),
            )
            .commit();
        }),
      )
      .go();
    if (!res.canceled) return;
  }
  throw tooManyAttempts(1);
}

/** A correct password: the account starts afresh; the address gets this attempt back. */
export async function attemptSucceeded(keys: Key[]): Promise<void> {
  await Promise.all(
    keys.map(async (k) => {
      if (k.kind === "account") return db().loginThrottle.delete(k).go();
      try {
        await db().loginThrottle.patch(k).add({ failures: -1 }).go();
      } catch (e) {
        if (!isConditionFailure(e)) throw e; // the counter expired meanwhile: nothing to give back
      }
    }),
  );
}

export type ThrottleView = {
  kind: ThrottleKind;
  subject: string;
  failures: number;
  lastFailureAt: string;
  retryAfter: number;
  expiresAt: string;
};

export const THROTTLE_LIST_LIMIT = 200;

/** The counters of the last window, most recent first (one bounded Query). */
export async function recentThrottles(): Promise<ThrottleView[]> {
  const nowS = nowSeconds();
  const data = await acrossShards(
    async (shard) =>
      (
        await db()
          .loginThrottle.query.recent({ shard })
          .gte({ lastFailureAt: nowS - THROTTLE_WINDOW_SECONDS })
          .go({ order: "desc", limit: THROTTLE_LIST_LIMIT })
      ).data as Counter[],
  );
  return data
    .sort((a, b) => b.lastFailureAt - a.lastFailureAt)
    .slice(0, THROTTLE_LIST_LIMIT)
    .filter((c) => live(c, nowS) && c.failures > 0)
    .map((c) => ({
      kind: c.kind,
      subject: c.subject,
      failures: c.failures,
      lastFailureAt: new Date(c.lastFailureAt * 1000).toISOString(),
      retryAfter: waitOf(c, nowS),
      expiresAt: new Date((c.lastFailureAt + THROTTLE_WINDOW_SECONDS) * 1000).toISOString(),
    }));
}

/** Forget one counter (an admin lifting a delay). Answers whether there was one. */
export async function clearThrottle(k: Key): Promise<boolean> {
  const res = await db().loginThrottle.delete(k).go({ response: "all_old" });
  return Boolean(res.data);
}
