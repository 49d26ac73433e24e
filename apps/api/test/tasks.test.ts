import { withActor } from "@kehoach/core/actor";
import { createUser } from "@kehoach/core/admin";
import { setClock } from "@kehoach/core/clock";
import { db } from "@kehoach/core/db/entities";
import { insertPlan } from "@kehoach/core/plan";
import { transition } from "@kehoach/core/plan/lifecycle";
import { issuableSeedPlan } from "@kehoach/core/seed/issuable";
import { runReminders } from "@kehoach/core/task/reminders";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { app } from "../src/app";
import { call, ensureSeed, login, PASSWORD } from "./helpers";

const PLAN = "tan-ky-api-tasks";
const TASK = `/api/tasks/${PLAN}/a1-t1`;
let staff = "";
let otherOffice = "";
let leader = "";

beforeAll(async () => {
  await ensureSeed();
  setClock(() => new Date("2026-06-10T03:00:00Z"));
  const admin = { username: "t", displayName: "t", role: "admin" as const, communeIds: [] };
  await withActor(admin, async () => {
    // A leader of this file's own: auth.test.ts changes tanky.chutich's password meanwhile.
    await createUser({
      username: "tanky.phochutich",
      displayName: "Phó Chủ tịch UBND xã Tân Kỳ",
      role: "commune_leader",
      unitId: "tan-ky",
      password: PASSWORD,
    });
    for (const [username, officeId] of [
      ["tanky.vanphong", "van-phong"],
      ["tanky.tuphap", "tu-phap"],
    ] as const) {
      await createUser({
        username,
        displayName: username,
        role: "commune_staff",
        unitId: "tan-ky",
        officeId,
        password: PASSWORD,
      });
    }
  });
  const chairman = {
    username: "tanky.phochutich",
    displayName: "Chủ tịch",
    role: "commune_leader" as const,
    unitId: "tan-ky",
    communeIds: ["tan-ky"],
  };
  await withActor(chairman, async () => {
    const c = { ...issuableSeedPlan("2026-06-20"), subject: "Kế hoạch thử nhiệm vụ qua API" };
    const first = c.assignments[0]?.tasks[0];
    const second = c.assignments[1]?.tasks[0];
    if (!first || !second) throw new Error("seed shape");
    first.deadline = { kind: "date", date: "2026-06-12" };
    second.deadline = { kind: "relative_to_event", days: -11 }; // 9/6: overdue on the 10th
    await insertPlan({ planId: PLAN, communeId: "tan-ky", content: c, status: "approved" });
    await transition(PLAN, { action: "issue", version: 1 });
  });
  staff = await login("tanky.vanphong");
  otherOffice = await login("tanky.tuphap");
  leader = await login("tanky.phochutich");
});
afterAll(() => setClock(undefined));

async function upload(cookie: string, name: string, bytes: Uint8Array, type = "application/octet-stream") {
  const form = new FormData();
  form.append("file", new File([bytes], name, { type }));
  const res = await app.request(`${TASK}/evidence`, {
    method: "POST",
    headers: { cookie, origin: "http://localhost" },
    body: form,
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      evidence?: { evidenceId: string }[];
      error?: { message: { vi: string; en: string }; issues?: { path: string[] }[] };
    },
  };
}

describe("tasks over HTTP", () => {
  it("a progress update needs a note; the plan's tasks and the board answer", async () => {
    const list = await call("GET", `/api/plans/${PLAN}/tasks`, { cookie: staff });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(7);
    const t = await call("GET", TASK, { cookie: staff });
    const noNote = await call("PATCH", TASK, {
      cookie: staff,
      json: { version: t.body.version, progress: 50 },
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.issues[0].path).toEqual(["note"]);
    const ok = await call("PATCH", TASK, {
      cookie: staff,
      json: { version: t.body.version, progress: 50, note: "Đã in tài liệu" },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe("in_progress");
    const other = await call("PATCH", TASK, {
      cookie: otherOffice,
      json: { version: ok.body.version, progress: 60, note: "thử" },
    });
    expect(other.status).toBe(403);
    const board = await call("GET", "/api/communes/tan-ky/tasks?view=overdue", { cookie: leader });
    expect(board.status).toBe(200);
    expect(board.body.items.map((x: { taskId: string }) => x.taskId)).toEqual(["a2-t1"]);
    const bad = await call("GET", "/api/communes/tan-ky/tasks?view=open&cursor=abc", { cookie: leader });
    expect(bad.status).toBe(400);
  });

  it("evidence: pdf, docx, xlsx, jpg, png up to 20 MB; anything else refused with a clear message, nothing written", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");
    const ok = await upload(staff, "Biên bản hội nghị.pdf", pdf, "application/pdf");
    expect(ok.status).toBe(200);
    const ev = ok.body.evidence?.[0];
    expect(ev).toBeDefined();
    const back = await app.request(`${TASK}/evidence/${ev?.evidenceId}`, { headers: { cookie: leader } });
    expect(back.status).toBe(200);
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(pdf);

    const before = (await call("GET", TASK, { cookie: staff })).body;
    const exe = await upload(staff, "virus.exe", new Uint8Array([0x4d, 0x5a, 0, 0]));
    expect(exe.status).toBe(415);
    expect(exe.body.error?.message.vi).toMatch(/PDF, DOCX, XLSX, JPG hoặc PNG/);
    const fake = await upload(staff, "anh.png", pdf);
    expect(fake.status).toBe(415);
    const big = await upload(staff, "lon.pdf", new Uint8Array(21 * 1024 * 1024));
    expect(big.status).toBe(413);
    const other = await upload(otherOffice, "x.pdf", pdf);
    expect(other.status).toBe(403);
    const after = (await call("GET", TASK, { cookie: staff })).body;
    expect(after.version).toBe(before.version);
    expect(after.evidence).toHaveLength(1);
  });

  it("the reminder job run twice gives one notification per task and day; the bell lists and marks them", async () => {
    const first = await runReminders();
    const second = await runReminders();
    expect(first.created).toBeGreaterThan(0);
    expect(second.created).toBe(0);
    expect(second.existing).toBe(first.created);
    const mine = await call("GET", "/api/notifications", { cookie: staff });
    const keys = mine.body.items.map((n: { kind: string; taskId: string }) => `${n.kind}:${n.taskId}`);
    // Văn phòng leads a1-t1 (due 12/6, within 3 days); a2-t1 (9/6) is Tài chính's, not theirs.
    expect(keys).toEqual(expect.arrayContaining(["due_soon:a1-t1"]));
    expect(keys).not.toContain("overdue:a2-t1");
    expect(new Set(keys).size).toBe(keys.length);
    const chair = await call("GET", "/api/notifications", { cookie: leader });
    const chairKeys = chair.body.items.map((n: { kind: string; taskId: string }) => `${n.kind}:${n.taskId}`);
    expect(chairKeys).toEqual(expect.arrayContaining(["due_soon:a1-t1", "overdue:a2-t1"]));
    expect(chair.body.unread).toBe(chair.body.items.length);
    const one = await call("POST", "/api/notifications/read", {
      cookie: leader,
      json: { id: chair.body.items[0].id },
    });
    expect(one.body.unread).toBe(chair.body.items.length - 1);
    const all = await call("POST", "/api/notifications/read", { cookie: leader, json: { id: "all" } });
    expect(all.body.unread).toBe(0);
  });

  it("the iCalendar feed parses: all-day event and deadlines; a new URL revokes the old", async () => {
    const made = await call("POST", "/api/communes/tan-ky/calendar", { cookie: leader });
    expect(made.status).toBe(201);
    const path = new URL(made.body.url).pathname;
    const feed = await app.request(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toMatch(/text\/calendar/);
    const comp = new ICAL.Component(ICAL.parse(await feed.text()));
    const events = comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const byDate = new Map(events.map((e) => [e.startDate.toString(), e]));
    expect(events.every((e) => e.startDate.isDate)).toBe(true);
    expect(byDate.get("2026-06-20")?.summary).toMatch(/Hội nghị/);
    expect(events.some((e) => e.startDate.toString() === "2026-06-12" && /^Hạn: /.test(e.summary))).toBe(
      true,
    );
    const again = await call("POST", "/api/communes/tan-ky/calendar", { cookie: staff });
    expect(again.status).toBe(201);
    expect((await app.request(path)).status).toBe(404);
    await call("DELETE", "/api/communes/tan-ky/calendar", { cookie: leader });
    expect((await app.request(new URL(again.body.url).pathname)).status).toBe(404);
    expect((await db().calendarFeed.get({ communeId: "tan-ky" }).go()).data).toBeNull();
  });
});
