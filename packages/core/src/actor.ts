import { AsyncLocalStorage } from "node:async_hooks";
import { DomainError } from "./errors";
import { isCommuneWriter } from "./plan/transitions";

export const ROLES = ["commune_staff", "commune_leader", "overseer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, resolved by the server from the session — never from the request body or path. */
export type Actor = {
  username: string;
  displayName: string;
  role: Role;
  /** The user's own unit: a commune for staff/leaders, the overseeing unit for overseers. */
  unitId?: string;
  /** Commune staff: the commune office they work in (unit/offices.ts); decides which tasks they update. */
  officeId?: string;
  /** Communes whose plans this actor may read. */
  communeIds: string[];
  /**
   * Overseers: those of `communeIds` read only as history (from scopes that have ended). The
   * body no longer oversees them: no comments, revision requests or letters.
   */
  historyCommuneIds?: string[];
};

const storage = new AsyncLocalStorage<Actor>();

export function withActor<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, fn);
}

export function actor(): Actor {
  const a = storage.getStore();
  if (!a) throw new DomainError(401, "unauthenticated", { vi: "Bạn cần đăng nhập.", en: "Please sign in." });
  return a;
}

export function canRead(communeId: string) {
  return actor().communeIds.includes(communeId);
}

/** The same rule the dashboard uses to show write controls (plan/transitions.ts). */
export function canWrite(communeId: string) {
  return isCommuneWriter(actor(), communeId);
}

/** Staff or leader of this very commune (who see its drafts); overseers see plans from issue on. */
export function isMember(communeId: string) {
  const a = actor();
  return (a.role === "commune_staff" || a.role === "commune_leader") && a.unitId === communeId;
}

/** Whether the caller may see this plan: a member of its commune, or in scope once it is issued. */
export function canSeePlan(p: { communeId: string; issuedAt?: string | undefined }) {
  return canRead(p.communeId) && (isMember(p.communeId) || Boolean(p.issuedAt));
}
