import type { PlanStatus } from "@kehoach/core/plan/schema";

export type Role = "commune_staff" | "commune_leader" | "overseer" | "admin";
export type Step = "submit" | "return" | "approve" | "issue" | "start" | "complete" | "cancel" | "amend";

const STAFF: readonly Role[] = ["commune_staff", "commune_leader"];
const LEADER: readonly Role[] = ["commune_leader"];

/**
 * Who may take each step, from which states. Mirrors TRANSITIONS in
 * packages/core/src/plan/lifecycle.ts (not importable in the browser: it reaches the database);
 * the server decides, this only chooses which buttons to show.
 */
export const STEPS: Record<Step, { from: readonly PlanStatus[]; roles: readonly Role[] }> = {
  submit: { from: ["draft"], roles: STAFF },
  return: { from: ["submitted", "approved"], roles: LEADER },
  approve: { from: ["submitted"], roles: LEADER },
  issue: { from: ["approved"], roles: LEADER },
  start: { from: ["issued"], roles: STAFF },
  complete: { from: ["in_progress"], roles: LEADER },
  cancel: { from: ["draft", "submitted", "approved", "issued", "in_progress"], roles: LEADER },
  amend: { from: ["issued", "in_progress"], roles: STAFF },
};

/** Steps open to this user on this plan, in the order the buttons appear (the main one first). */
export function availableSteps(
  me: { role: string; unit: { id: string } | null },
  plan: { status: PlanStatus; communeId: string },
): Step[] {
  if (me.unit?.id !== plan.communeId) return [];
  const order: Step[] = ["submit", "approve", "issue", "start", "complete", "return", "amend", "cancel"];
  return order.filter((s) => STEPS[s].from.includes(plan.status) && STEPS[s].roles.includes(me.role as Role));
}

export function isCommuneWriter(me: { role: string; unit: { id: string } | null }, communeId: string) {
  return (me.role === "commune_staff" || me.role === "commune_leader") && me.unit?.id === communeId;
}
