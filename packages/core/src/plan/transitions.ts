import type { Role } from "../actor";
import type { PlanStatus } from "./schema";

/**
 * Who may take each lifecycle step, from which states (DOMAIN.md "Who uses the product").
 * Browser-safe: the server enforces these in lifecycle.ts, the dashboard uses the same table
 * to choose which buttons to show.
 */
export const ACTIONS = [
  "submit",
  "return",
  "approve",
  "issue",
  "start",
  "complete",
  "cancel",
  "amend",
] as const;
export type Action = (typeof ACTIONS)[number];

const STAFF: readonly Role[] = ["commune_staff", "commune_leader"];
const LEADER: readonly Role[] = ["commune_leader"];

export const TRANSITIONS: Record<
  Action,
  { from: readonly PlanStatus[]; to?: PlanStatus; roles: readonly Role[] }
> = {
  submit: { from: ["draft"], to: "submitted", roles: STAFF },
  return: { from: ["submitted", "approved"], to: "draft", roles: LEADER },
  approve: { from: ["submitted"], to: "approved", roles: LEADER },
  issue: { from: ["approved"], to: "issued", roles: LEADER },
  start: { from: ["issued"], to: "in_progress", roles: STAFF },
  complete: { from: ["in_progress"], to: "completed", roles: LEADER },
  cancel: {
    from: ["draft", "submitted", "approved", "issued", "in_progress"],
    to: "cancelled",
    roles: LEADER,
  },
  /** Not a state change: a new draft linked to the issued plan it replaces. */
  amend: { from: ["issued", "in_progress"], roles: STAFF },
};

/** Commune staff and leaders write their own commune's plans; nobody else writes any. */
export function isCommuneWriter(me: { role: string; unitId?: string | undefined }, communeId: string) {
  return (me.role === "commune_staff" || me.role === "commune_leader") && me.unitId === communeId;
}

/** Steps open to this user on this plan, the main one first. */
export function availableActions(
  me: { role: string; unitId?: string | undefined },
  plan: { status: PlanStatus; communeId: string },
): Action[] {
  if (!isCommuneWriter(me, plan.communeId)) return [];
  const order: Action[] = ["submit", "approve", "issue", "start", "complete", "return", "amend", "cancel"];
  return order.filter(
    (a) => TRANSITIONS[a].from.includes(plan.status) && TRANSITIONS[a].roles.includes(me.role as Role),
  );
}
