import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { type Actor, actor, ROLES, type Role } from "../actor";
import { now, todayInVietnam } from "../clock";
import { getItemDirect } from "../db/direct";
import { db } from "../db/entities";
import { sessionKey } from "../db/keys";
import { DomainError } from "../errors";
import { requiredText } from "../plan/schema";
import { OFFICE_IDS } from "../unit/offices";
import { unitId } from "../unit/schema";
import { parse } from "../validate";
import { accountDisabled, badCredentials } from "./failures";
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from "./password";
import { addressSubject, attemptSucceeded, countAttempt, isConditionFailure } from "./throttle";

export const SESSION_TTL_SECONDS = 12 * 3600;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export const loginInput = z.object({
  username: z
    .string({ message: "Nhập tên đăng nhập / Enter your username" })
    .trim()
    .toLowerCase()
    .min(1, { message: "Nhập tên đăng nhập / Enter your username" })
    .max(100),
  password: z
    .string({ message: "Nhập mật khẩu / Enter your password" })
    .min(1, { message: "Nhập mật khẩu / Enter your password" })
    .max(200),
});

export type SessionInfo = { token: string; expiresAt: number };

/**
 * Check credentials and open a session. Every attempt is counted against the account and the
 * client's address first (throttle.ts); a wrong password gets the same answer, after the same
 * work, whether or not the account exists. A disabled account is named only to someone who
 * knows its password.
 */
export async function login(
  input: unknown,
  meta: { userAgent?: string; address?: string } = {},
): Promise<SessionInfo> {
  const { username, password } = parse(loginInput, input);
  const address = addressSubject(meta.address);
  const keys = [
    { kind: "account" as const, subject: username },
    ...(address ? [{ kind: "address" as const, subject: address }] : []),
  ];
  await countAttempt(keys);
  const user = (await db().user.get({ username }).go()).data;
  const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
  if (!user || !ok) throw badCredentials();
  await attemptSucceeded(keys);
  if (user.disabled) throw accountDisabled();
  return openSession(user, meta.userAgent);
}

/** The account as the actor needs it, carried by each of its sessions. */
type UserSnapshot = Pick<
  Parameters<typeof resolveActor>[0],
  "displayName" | "role" | "unitId" | "officeId" | "grants"
>;

function snapshotOf(u: UserSnapshot): UserSnapshot {
  return {
    displayName: u.displayName,
    role: u.role,
    ...(u.unitId ? { unitId: u.unitId } : {}),
    ...(u.officeId ? { officeId: u.officeId } : {}),
    ...(u.role === "overseer" && Array.isArray(u.grants) ? { grants: u.grants } : {}),
  };
}

async function openSession(
  user: UserSnapshot & { username: string },
  userAgent?: string,
): Promise<SessionInfo> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = sha256(token);
  const expiresAt = Math.floor(now().getTime() / 1000) + SESSION_TTL_SECONDS;
  const snapshot = snapshotOf(
    user.role === "overseer" && user.unitId && !Array.isArray(user.grants)
      ? { ...user, grants: await grantsOf(user.unitId) }
      : user,
  );
  await db()
    .session.create({
      tokenHash,
      sessionId: randomBytes(9).toString("base64url"),
      username: user.username,
      createdAt: now().toISOString(),
      expiresAt,
      user: snapshot,
      ...(userAgent ? { userAgent: userAgent.slice(0, 300) } : {}),
    })
    .go();
  // A change to the account made while this session was being written may have missed it (changes
  // update or end the sessions they find): read the account once more and follow it.
  const after = (await db().user.get({ username: user.username }).go({ consistent: true })).data;
  if (!after || after.disabled) {
    await db().session.delete({ tokenHash }).go();
    throw after ? accountDisabled() : badCredentials();
  }
  const current = snapshotOf({ ...after, grants: after.grants ?? snapshot.grants });
  if (JSON.stringify(current) !== JSON.stringify(snapshot)) {
    await db().session.patch({ tokenHash }).set({ user: current }).go();
  }
  return { token, expiresAt };
}

export async function logout(token: string) {
  await db()
    .session.delete({ tokenHash: sha256(token) })
    .go();
}

/** The actor behind a session token, or null when the session is unknown, revoked or expired. */
export async function actorForToken(token: string): Promise<(Actor & { sessionId: string }) | null> {
  // Every request reads its session, strongly consistent (a revoked session is refused on the very
  // next request): one plain GetItem, without ElectroDB's request building and item formatting,
  // and without the SDK's per-call middleware (db/direct.ts).
  // The whole item (a few hundred bytes): a projection would cost more to parse than it saves.
  const s = (await getItemDirect(sessionKey(sha256(token)))) as
    | { sessionId: string; username: string; expiresAt: number; user?: unknown }
    | undefined;
  if (!s || !(s.expiresAt > Math.floor(now().getTime() / 1000))) return null;
  // The session carries the account (one read per request); sessions opened before it did, read it.
  const carried = s.user as UserSnapshot | undefined;
  if (carried?.role)
    return { ...(await resolveActor({ ...carried, username: s.username })), sessionId: s.sessionId };
  const user = (await db().user.get({ username: s.username }).go()).data;
  if (!user || user.disabled) return null;
  return { ...(await resolveActor(user)), sessionId: s.sessionId };
}

export type Grant = { scopeId: string; validFrom: string; validTo?: string; unitIds: string[] };

/** The scopes an overseeing body holds, as grants of reading. */
export async function grantsOf(unitId: string): Promise<Grant[]> {
  const scopes = await db().scope.query.byOverseer({ overseerUnitId: unitId }).go({ pages: "all" });
  return scopes.data.map((s) => ({
    scopeId: s.scopeId,
    validFrom: s.validFrom,
    ...(s.validTo ? { validTo: s.validTo } : {}),
    unitIds: s.unitIds,
  }));
}

/**
 * After a scope change: every account of the overseeing body gets the body's grants, and so does
 * each of their open sessions (a session carries its account's grants), effective on the next request.
 */
export async function refreshGrants(unitId: string) {
  const grants = await grantsOf(unitId);
  const users = await db().user.query.byUnit({ unitId }).go({ pages: "all" });
  for (const u of users.data) {
    if (u.role !== "overseer") continue;
    await db().user.patch({ username: u.username }).set({ grants }).go();
    const snapshot = snapshotOf({ ...u, grants });
    for (const s of await listSessionsOf(u.username)) {
      await db()
        .session.patch({ tokenHash: s.tokenHash })
        .set({ user: snapshot })
        .go()
        .catch((e: unknown) => {
          // Ended meanwhile (patch requires the item): nothing to follow.
          if (!isConditionFailure(e)) throw e;
        });
    }
  }
}

/** The communes a user may read, from their unit (commune roles) or their oversight scopes. */
export async function resolveActor(user: {
  username: string;
  displayName: string;
  role: Role;
  unitId?: string;
  officeId?: string;
  grants?: unknown;
}): Promise<Actor> {
  const base = {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    ...(user.unitId ? { unitId: user.unitId } : {}),
    ...(user.officeId && user.role === "commune_staff" ? { officeId: user.officeId } : {}),
  };
  if (user.role === "commune_staff" || user.role === "commune_leader") {
    return { ...base, communeIds: user.unitId ? [user.unitId] : [] };
  }
  if (user.role === "overseer" && user.unitId) {
    const today = todayInVietnam();
    const grants = Array.isArray(user.grants) ? (user.grants as Grant[]) : await grantsOf(user.unitId);
    // Scopes in force, and ended ones for their history (a dissolved district's view stays readable).
    const started = grants.filter((s) => s.validFrom <= today);
    const ids = started.flatMap((s) => s.unitIds);
    const inForce = new Set(
      started.filter((s) => !s.validTo || s.validTo >= today).flatMap((s) => s.unitIds),
    );
    const history = [...new Set(ids)].filter((id) => !inForce.has(id)).sort();
    return {
      ...base,
      communeIds: [...new Set(ids)].sort(),
      ...(history.length ? { historyCommuneIds: history } : {}),
    };
  }
  return { ...base, communeIds: [] };
}

export const changePasswordInput = z.object({
  oldPassword: z.string().min(1, { message: "Nhập mật khẩu hiện tại / Enter your current password" }),
  newPassword: z
    .string()
    .min(10, { message: "Mật khẩu mới tối thiểu 10 ký tự / New password needs at least 10 characters" })
    .max(200),
});

/** Change the caller's password; every other session of theirs is revoked. */
export async function changePassword(input: unknown, currentSessionId: string) {
  const { oldPassword, newPassword } = parse(changePasswordInput, input);
  const me = actor();
  const user = (await db().user.get({ username: me.username }).go()).data;
  if (!user || !(await verifyPassword(oldPassword, user.passwordHash))) {
    throw new DomainError(
      400,
      "wrong_password",
      { vi: "Mật khẩu hiện tại không đúng.", en: "The current password is wrong." },
      {
        issues: [
          { path: ["oldPassword"], message: { vi: "Mật khẩu hiện tại không đúng", en: "Wrong password" } },
        ],
      },
    );
  }
  await db()
    .user.patch({ username: me.username })
    .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: now().toISOString() })
    .go();
  await endSessions(me.username, currentSessionId);
}

/** End every session of an account, except the one given (the caller's own). */
export async function endSessions(username: string, keepSessionId?: string) {
  const sessions = await listSessionsOf(username);
  await Promise.all(
    sessions
      .filter((s) => s.sessionId !== keepSessionId)
      .map((s) => db().session.delete({ tokenHash: s.tokenHash }).go()),
  );
}

async function listSessionsOf(username: string) {
  const res = await db().session.query.byUser({ username }).go({ pages: "all" });
  const nowS = Math.floor(now().getTime() / 1000);
  return res.data.filter((s) => s.expiresAt > nowS);
}

export async function mySessions(currentSessionId: string) {
  const sessions = await listSessionsOf(actor().username);
  return sessions.map((s) => ({
    id: s.sessionId,
    createdAt: s.createdAt,
    expiresAt: new Date(s.expiresAt * 1000).toISOString(),
    userAgent: s.userAgent ?? "",
    current: s.sessionId === currentSessionId,
  }));
}

/** Revoke one of the caller's sessions; refused on its very next request. */
export async function revokeSession(sessionId: string) {
  const s = (await listSessionsOf(actor().username)).find((x) => x.sessionId === sessionId);
  if (!s) throw new DomainError(404, "not_found", { vi: "Không tìm thấy phiên.", en: "Session not found." });
  await db().session.delete({ tokenHash: s.tokenHash }).go();
}

export const userInput = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,62}$/, {
    message:
      "Tên đăng nhập gồm a-z, 0-9, '.', '_', '-' (3–63 ký tự) / Username: a-z, 0-9, '.', '_', '-' (3–63 chars)",
  }),
  displayName: requiredText(200),
  role: z.enum(ROLES),
  unitId: unitId.optional(),
  /** Commune staff: their office in the commune. */
  officeId: z
    .enum(OFFICE_IDS, { message: "Chọn bộ phận trong danh sách / Choose an office from the list" })
    .optional(),
  password: z
    .string()
    .min(10, { message: "Mật khẩu tối thiểu 10 ký tự / Password needs at least 10 characters" })
    .max(200),
});

/** Provision (or reset) an account. Used by admins and by the local demo seed. */
export async function upsertUser(input: z.input<typeof userInput>) {
  const u = parse(userInput, input);
  if (u.role !== "admin" && !u.unitId) {
    throw new DomainError(
      400,
      "validation_failed",
      { vi: "Tài khoản cần thuộc một đơn vị.", en: "The account needs a unit." },
      { issues: [{ path: ["unitId"], message: { vi: "Chọn đơn vị", en: "Choose a unit" } }] },
    );
  }
  const existing = (await db().user.get({ username: u.username }).go()).data;
  await db()
    .user.put({
      username: u.username,
      displayName: u.displayName.normalize("NFC"),
      role: u.role,
      ...(u.unitId ? { unitId: u.unitId } : {}),
      ...(u.officeId && u.role === "commune_staff" ? { officeId: u.officeId } : {}),
      passwordHash: await hashPassword(u.password),
      ...(u.role === "overseer" && u.unitId ? { grants: await grantsOf(u.unitId) } : {}),
      disabled: existing?.disabled ?? false,
      createdAt: existing?.createdAt ?? now().toISOString(),
      ...(existing ? { passwordChangedAt: now().toISOString() } : {}),
    })
    .go();
  // A reset password (or changed role/unit) ends every session opened under the old one.
  if (existing) await endSessions(u.username);
  return { created: !existing };
}

export async function getUser(username: string) {
  return (await db().user.get({ username }).go()).data;
}
