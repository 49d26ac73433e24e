import { createHash, randomBytes } from "node:crypto";
import ical from "ical-generator";
import { type Actor, actor, canRead, withActor } from "../actor";
import { addDays, now, todayInVietnam } from "../clock";
import { db } from "../db/entities";
import { acrossShards } from "../db/shard";
import { DomainError, notFound } from "../errors";
import type { NotificationKind } from "../notifications";
import { isCommuneWriter } from "../plan/transitions";
import { completeTasks, type TaskItem } from "./index";

/**
 * The daily reminder job and what it leaves: notifications for tasks due within three days and
 * for tasks that became overdue today, for the responsible office's staff and the commune's
 * leaders. The same function runs under croner in `npm start` and as the CronV2 handler on AWS.
 */

export const REMINDER_DAYS_AHEAD = 3;
/** Notifications expire from the table after this long (TTL). */
export const NOTIFICATION_TTL_DAYS = 90;

const SYSTEM: Actor = { username: "system", displayName: "Hệ thống", role: "admin", communeIds: [] };

/** Open tasks of a commune with a due date in [from, to] — one bounded query. */
async function openDueBetween(communeId: string, from: string, to: string): Promise<TaskItem[]> {
  const res = await db()
    .task.query.byCommune({ communeId })
    .between({ state: "open", dueKey: from }, { state: "open", dueKey: addDays(to, 1) })
    .go({ pages: "all" });
  return (res.data as TaskItem[]).filter((t) => t.dueKey >= from && t.dueKey <= to);
}

export type ReminderRun = { day: string; communes: number; created: number; existing: number };

/** Run for today in Vietnam. Running it twice on one day creates nothing new. */
export function runReminders(): Promise<ReminderRun> {
  return withActor(SYSTEM, async () => {
    const day = todayInVietnam();
    const communes = {
      data: await acrossShards(
        async (shard) => (await db().unit.query.all({ shard, kind: "commune" }).go({ pages: "all" })).data,
      ),
    };
    let created = 0;
    let existing = 0;
    for (const c of communes.data) {
      // Finish any task step an interrupted issue left behind before reading the commune's tasks.
      const summary = (await db().communeSummary.get({ communeId: c.unitId }).go()).data;
      for (const planId of summary?.pendingTaskPlans ?? []) await completeTasks(planId);
      const dueSoon = await openDueBetween(c.unitId, day, addDays(day, REMINDER_DAYS_AHEAD));
      const newlyOverdue = await openDueBetween(c.unitId, addDays(day, -1), addDays(day, -1));
      if (!dueSoon.length && !newlyOverdue.length) continue;
      const users = (await db().user.query.byUnit({ unitId: c.unitId }).go({ pages: "all" })).data.filter(
        (u) => !u.disabled,
      );
      const items = [
        ...dueSoon.map((t) => ({ t, kind: "due_soon" as const })),
        ...newlyOverdue.map((t) => ({ t, kind: "overdue" as const })),
      ];
      for (const { t, kind } of items) {
        const to = users.filter(
          (u) => u.role === "commune_leader" || (u.role === "commune_staff" && u.officeId === t.leadOfficeId),
        );
        for (const u of to) {
          const notificationId = `${kind}:${t.seriesId}:${t.taskId}`;
          try {
            await db()
              .notification.create({
                username: u.username,
                notificationId,
                day,
                kind,
                communeId: t.communeId,
                seriesId: t.seriesId,
                taskId: t.taskId,
                planId: t.planId,
                description: t.description.slice(0, 500),
                deadline: t.dueKey,
                read: false,
                createdAt: now().toISOString(),
                expiresAt: Math.floor(now().getTime() / 1000) + NOTIFICATION_TTL_DAYS * 86400,
              })
              .go();
            created++;
          } catch (e) {
            if (!/conditional/i.test(String((e as Error).message))) throw e;
            existing++;
          }
        }
      }
    }
    return { day, communes: communes.data.length, created, existing };
  });
}

export type NotificationOut = {
  id: string;
  day: string;
  kind: NotificationKind;
  communeId: string;
  /** A task's notice: reminders, and comments on a task. */
  seriesId?: string;
  taskId?: string;
  planId: string;
  /** The task's description (reminders), or the comment's first words. */
  description: string;
  /** Reminders: the task's due date. */
  deadline?: string;
  /** Comment notices: the thread, who wrote, and what it is about. */
  commentId?: string;
  actorName?: string;
  subjectTitle?: string;
  read: boolean;
  createdAt: string;
};

/** The caller's latest notifications (newest first) and how many are unread among them. */
export async function myNotifications(limit = 50): Promise<{ items: NotificationOut[]; unread: number }> {
  const me = actor();
  const res = await db()
    .notification.query.byUser({ username: me.username })
    .go({ order: "desc", limit, count: limit });
  const items = res.data.map((n) => ({
    id: `${n.day}|${n.notificationId}`,
    day: n.day,
    kind: n.kind,
    communeId: n.communeId,
    ...(n.seriesId ? { seriesId: n.seriesId } : {}),
    ...(n.taskId ? { taskId: n.taskId } : {}),
    planId: n.planId,
    description: n.description,
    ...(n.deadline ? { deadline: n.deadline } : {}),
    ...(n.commentId ? { commentId: n.commentId } : {}),
    ...(n.actorName ? { actorName: n.actorName } : {}),
    ...(n.subjectTitle ? { subjectTitle: n.subjectTitle } : {}),
    read: n.read,
    createdAt: n.createdAt,
  }));
  return { items, unread: items.filter((n) => !n.read).length };
}

/** Mark one of the caller's notifications read (`id` as listed), or all of the listed ones. */
export async function markRead(id: string | "all"): Promise<{ unread: number }> {
  const me = actor();
  const { items } = await myNotifications();
  const targets = id === "all" ? items.filter((n) => !n.read) : items.filter((n) => n.id === id);
  if (id !== "all" && !targets.length) throw notFound("notification");
  for (const n of targets) {
    const [day, notificationId] = n.id.split("|") as [string, string];
    await db().notification.patch({ username: me.username, day, notificationId }).set({ read: true }).go();
  }
  return { unread: (await myNotifications()).unread };
}

// ---- iCalendar feed: event dates and task deadlines of a commune, at a secret, revocable URL.

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

function requireFeedOwner(communeId: string) {
  if (!isCommuneWriter(actor(), communeId)) {
    throw new DomainError(403, "forbidden", {
      vi: "Chỉ cán bộ, lãnh đạo của xã tạo hoặc thu hồi được lịch của xã.",
      en: "Only the commune's staff and leaders may create or revoke its calendar.",
    });
  }
}

/** A new secret feed token for the commune; any earlier one stops working. */
export async function createCalendarFeed(communeId: string): Promise<{ token: string }> {
  requireFeedOwner(communeId);
  const token = randomBytes(24).toString("base64url");
  await db()
    .calendarFeed.put({
      communeId,
      tokenHash: sha256(token),
      createdBy: actor().username,
      createdAt: now().toISOString(),
    })
    .go();
  return { token };
}

export async function calendarFeedStatus(
  communeId: string,
): Promise<{ active: boolean; createdAt?: string }> {
  if (!canRead(communeId)) throw notFound("commune");
  const f = (await db().calendarFeed.get({ communeId }).go()).data;
  return f ? { active: true, createdAt: f.createdAt } : { active: false };
}

export async function revokeCalendarFeed(communeId: string): Promise<void> {
  requireFeedOwner(communeId);
  await db().calendarFeed.delete({ communeId }).go();
}

/** The feed for a token, or null when the token is not the commune's current one. */
export async function calendarIcs(communeId: string, token: string): Promise<string | null> {
  const f = (await db().calendarFeed.get({ communeId }).go()).data;
  if (!f || f.tokenHash !== sha256(token)) return null;
  const unit = (await db().unit.get({ unitId: communeId }).go()).data;
  const cal = ical({ name: `KeHoach – ${unit?.name ?? communeId}`, timezone: "Asia/Ho_Chi_Minh" });
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const tasks = await db().task.query.byCommune({ communeId, state: "open" }).go({ limit: 500, count: 500 });
  for (const t of tasks.data as TaskItem[]) {
    if (!t.deadline) continue;
    cal.createEvent({
      id: `task-${t.seriesId}-${t.taskId}@kehoach`,
      start: day(t.deadline),
      allDay: true,
      floating: true,
      summary: `Hạn: ${t.description.slice(0, 120)}`,
      description: `${t.planSymbol ?? ""} ${t.planSubject}\n${t.leadUnit ?? t.assignmentUnit}`.trim(),
    });
  }
  const plans = await db().plan.query.byCommune({ communeId }).go({ order: "desc", limit: 200, count: 200 });
  for (const p of plans.data) {
    const content = p.content as {
      subject: string;
      event?: { name?: string; date?: string; venue?: string };
    };
    if (!p.issuedAt || p.status === "cancelled" || p.amendedBy || !content.event?.date) continue;
    cal.createEvent({
      id: `event-${p.planId}@kehoach`,
      start: day(content.event.date),
      allDay: true,
      floating: true,
      summary: content.event.name ?? content.subject,
      ...(content.event.venue ? { location: content.event.venue } : {}),
      description: content.subject,
    });
  }
  return cal.toString();
}
