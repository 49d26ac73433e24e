import { withActor } from "@kehoach/core/actor";
import { createUser, putScope } from "@kehoach/core/admin";
import { postComment } from "@kehoach/core/board/comments";
import { db } from "@kehoach/core/db/entities";
import { insertPlan } from "@kehoach/core/plan";
import { transition } from "@kehoach/core/plan/lifecycle";
import { issuableSeedPlanToday } from "@kehoach/core/seed/issuable";
import { SEED_PLAN, SEED_PLAN_ID } from "@kehoach/core/seed/seed-plan";
import { putUnit } from "@kehoach/core/unit";
import { beforeAll, describe, expect, it } from "vitest";
import { call, ensureSeed, login, PASSWORD } from "./helpers";
import { apiRoutes } from "./openapi.test";

/**
 * Walks the app's route table. Every route must declare an access rule (x-access in the
 * OpenAPI document) and a sample request here; then it is called as anonymous, as staff of
 * another commune and as the overseer of another district, aimed at Quảng Nghiệp's data.
 */
const QN = { communeId: "quang-nghiep", planId: SEED_PLAN_ID };
/** An issued Quảng Nghiệp plan with tracked tasks (made in beforeAll). */
const QN_TASKS = { planId: "quang-nghiep-isolation-tasks", taskId: "a1-t1" };
const QN_TASK = `/api/tasks/${QN_TASKS.planId}/${QN_TASKS.taskId}`;
let qnSessionId = "";
/** Open revision requests of the overseer on Quảng Nghiệp's issued plan and on one of its tasks (beforeAll). */
const QN_REQUESTS = { plan: "", task: "" };
/** A finished export of Quảng Nghiệp's task list and one of its schedules (made in beforeAll). */
const QN_EXPORT = { exportId: "", file: "" };
let qnScheduleId = "";
const QN_EXPORTS = `/api/exports/commune/${QN.communeId}`;
const QN_SCHEDULES = `/api/schedules/commune/${QN.communeId}`;

type Sample = { path: string; json?: unknown; public?: true };
const SAMPLES: Record<string, () => Sample> = {
  "GET /api/health": () => ({ path: "/api/health", public: true }),
  "POST /api/auth/login": () => ({
    path: "/api/auth/login",
    json: { username: "nobody", password: "x" },
    public: true,
  }),
  // The login page's plain form (a form body in real use; any body is a refusal back to /login).
  "POST /api/auth/login-form": () => ({
    path: "/api/auth/login-form",
    json: { username: "nobody", password: "x" },
    public: true,
  }),
  "POST /api/auth/logout": () => ({ path: "/api/auth/logout" }),
  "GET /api/me": () => ({ path: "/api/me" }),
  "POST /api/me/password": () => ({
    path: "/api/me/password",
    json: { oldPassword: "khong-dung", newPassword: "mat-khau-moi-2025" },
  }),
  "GET /api/me/sessions": () => ({ path: "/api/me/sessions" }),
  "DELETE /api/me/sessions/:id": () => ({ path: `/api/me/sessions/${qnSessionId}` }),
  "GET /api/communes": () => ({ path: "/api/communes" }),
  "GET /api/communes/offices": () => ({ path: "/api/communes/offices" }),
  "GET /api/plans": () => ({ path: `/api/plans?communeId=${QN.communeId}` }),
  "POST /api/plans": () => ({ path: "/api/plans", json: { communeId: QN.communeId, content: SEED_PLAN } }),
  "GET /api/plans/:id": () => ({ path: `/api/plans/${QN.planId}` }),
  "PUT /api/plans/:id": () => ({ path: `/api/plans/${QN.planId}`, json: { version: 1, content: SEED_PLAN } }),
  "DELETE /api/plans/:id": () => ({ path: `/api/plans/${QN.planId}?version=1` }),
  "GET /api/plans/:id/history": () => ({ path: `/api/plans/${QN.planId}/history` }),
  "POST /api/plans/:id/transitions": () => ({
    path: `/api/plans/${QN.planId}/transitions`,
    json: { action: "cancel", version: 1, reason: "phá hoại" },
  }),
  "POST /api/plans/:id/copy-next-period": () => ({ path: `/api/plans/${QN.planId}/copy-next-period` }),
  "GET /api/plans/:id/findings": () => ({ path: `/api/plans/${QN.planId}/findings` }),
  "GET /api/plans/:id/issue-findings": () => ({ path: `/api/plans/${QN.planId}/issue-findings` }),
  "GET /api/plans/:id/document.docx": () => ({ path: `/api/plans/${QN.planId}/document.docx` }),
  "POST /api/communes/:communeId/reports": () => ({
    path: `/api/communes/${QN.communeId}/reports`,
    json: { period: "2025-H1" },
  }),
  "GET /api/communes/:communeId/reports": () => ({ path: `/api/communes/${QN.communeId}/reports?year=2025` }),
  "GET /api/plans/:id/annex.xlsx": () => ({ path: `/api/plans/${QN.planId}/annex.xlsx` }),
  "GET /api/communes/:communeId/templates": () => ({ path: `/api/communes/${QN.communeId}/templates` }),
  "GET /api/communes/:communeId/register": () => ({
    path: `/api/communes/${QN.communeId}/register?year=2026`,
  }),
  "GET /api/communes/:communeId/register.xlsx": () => ({
    path: `/api/communes/${QN.communeId}/register.xlsx?year=2026`,
  }),
  // The caller's own unsaved text: nothing of Quảng Nghiệp in it, nothing of it in the answer.
  "POST /api/documents/check": () => ({
    path: "/api/documents/check",
    json: {
      content: {
        ...SEED_PLAN,
        issuer: { name: "UBND xã Thử Nghiệm", headerLines: ["ỦY BAN NHÂN DÂN", "XÃ THỬ NGHIỆM"] },
        place: "Thử Nghiệm",
        preamble: [],
        basis: [],
        signer: { authority: "TM.", onBehalfOf: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn An" },
      },
    },
  }),
  "POST /api/documents/import-text": () => ({
    path: "/api/documents/import-text",
    json: { text: "KẾ HOẠCH\nTổ chức tập huấn\nI. MỤC ĐÍCH\nNâng cao năng lực." },
  }),
  // Multipart in real use; a JSON body still has to pass the access rule first.
  "POST /api/documents/import": () => ({ path: "/api/documents/import", json: { file: "x" } }),
  "GET /api/admin/units": () => ({ path: "/api/admin/units" }),
  "PUT /api/admin/units": () => ({
    path: "/api/admin/units",
    json: { id: "quang-nghiep", kind: "commune", name: "Bị chiếm", shortName: "X", validFrom: "2000-01-01" },
  }),
  "GET /api/admin/scopes": () => ({ path: "/api/admin/scopes" }),
  "PUT /api/admin/scopes": () => ({
    path: "/api/admin/scopes",
    json: {
      scopeId: "steal",
      overseerUnitId: "thanh-ha",
      name: "x",
      unitIds: ["quang-nghiep"],
      validFrom: "2000-01-01",
    },
  }),
  "GET /api/admin/users": () => ({ path: "/api/admin/users" }),
  "POST /api/admin/users": () => ({
    path: "/api/admin/users",
    json: {
      username: "quangnghiep.gia",
      displayName: "x",
      role: "commune_leader",
      unitId: "quang-nghiep",
      password: "0123456789ab",
    },
  }),
  "GET /api/plans/:id/tasks": () => ({ path: `/api/plans/${QN_TASKS.planId}/tasks` }),
  "GET /api/communes/:communeId/tasks": () => ({ path: `/api/communes/${QN.communeId}/tasks?view=open` }),
  "GET /api/tasks/:seriesId/:taskId": () => ({ path: QN_TASK }),
  "PATCH /api/tasks/:seriesId/:taskId": () => ({
    path: QN_TASK,
    json: { version: 1, state: "done", note: "phá hoại tiến độ" },
  }),
  "GET /api/tasks/:seriesId/:taskId/history": () => ({ path: `${QN_TASK}/history` }),
  "POST /api/tasks/:seriesId/:taskId/evidence": () => ({ path: `${QN_TASK}/evidence`, json: { file: "x" } }),
  "GET /api/tasks/:seriesId/:taskId/evidence/:evidenceId": () => ({
    path: `${QN_TASK}/evidence/00000000-0000-0000-0000-000000000000`,
  }),
  "GET /api/notifications": () => ({ path: "/api/notifications" }),
  // The dissolved district's scope holds Quảng Nghiệp: only its own overseeing body sees it.
  "GET /api/board/scopes": () => ({ path: "/api/board/scopes" }),
  "GET /api/board/scopes/:scopeId": () => ({ path: "/api/board/scopes/tu-ky-communes?c=quang-nghiep" }),
  "GET /api/board/scopes/:scopeId/board.xlsx": () => ({
    path: "/api/board/scopes/tu-ky-communes/board.xlsx?c=quang-nghiep",
  }),
  "GET /api/board/national": () => ({ path: "/api/board/national?c=quang-nghiep" }),
  "POST /api/board/scopes/:scopeId/letters": () => ({
    path: "/api/board/scopes/tu-ky-communes/letters",
    json: { communeIds: [QN.communeId], signerName: "Người phá hoại" },
  }),
  "GET /api/board/letters": () => ({ path: "/api/board/letters" }),
  "GET /api/board/letters/:letterId/docx": () => ({
    path: "/api/board/letters/00000000-0000-4000-8000-000000000000/docx?c=quang-nghiep",
  }),
  "POST /api/notifications/read": () => ({ path: "/api/notifications/read", json: { id: "all" } }),
  "GET /api/communes/:communeId/calendar": () => ({ path: `/api/communes/${QN.communeId}/calendar` }),
  "POST /api/communes/:communeId/calendar": () => ({ path: `/api/communes/${QN.communeId}/calendar` }),
  "DELETE /api/communes/:communeId/calendar": () => ({ path: `/api/communes/${QN.communeId}/calendar` }),
  // Public by design (calendar apps hold no session); a guessed token answers 404 and nothing else.
  "GET /api/calendar/:communeId/:file": () => ({
    path: `/api/calendar/${QN.communeId}/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics`,
    public: true,
  }),
  "PUT /api/admin/users/:username/disabled": () => ({
    path: "/api/admin/users/quangnghiep.chutich/disabled",
    json: { disabled: true },
  }),
  "GET /api/admin/throttles": () => ({ path: "/api/admin/throttles" }),
  "DELETE /api/admin/throttles/:kind/:subject": () => ({
    path: "/api/admin/throttles/account/quangnghiep.canbo",
  }),
  "GET /api/plans/:planId/comments": () => ({ path: `/api/plans/${QN_TASKS.planId}/comments` }),
  "POST /api/plans/:planId/comments": () => ({
    path: `/api/plans/${QN_TASKS.planId}/comments`,
    json: { body: "chen ngang", replyTo: QN_REQUESTS.plan },
  }),
  "GET /api/tasks/:seriesId/:taskId/comments": () => ({ path: `${QN_TASK}/comments` }),
  "POST /api/tasks/:seriesId/:taskId/comments": () => ({
    path: `${QN_TASK}/comments`,
    json: { kind: "revision_request", body: "yêu cầu giả mạo" },
  }),
  "POST /api/comments/:communeId/:planId/:commentId/resolve": () => ({
    path: `/api/comments/${QN.communeId}/${QN_TASKS.planId}/${QN_REQUESTS.plan}/resolve`,
    json: { note: "đóng hộ" },
  }),
  "POST /api/comments/:communeId/:seriesId/:taskId/:commentId/resolve": () => ({
    path: `/api/comments/${QN.communeId}/${QN_TASKS.planId}/${QN_TASKS.taskId}/${QN_REQUESTS.task}/resolve`,
    json: { note: "đóng hộ" },
  }),
  "GET /api/communes/:communeId/requests": () => ({ path: `/api/communes/${QN.communeId}/requests` }),
  "GET /api/exports/:unitKind/:unitId": () => ({ path: QN_EXPORTS }),
  "POST /api/exports/:unitKind/:unitId": () => ({ path: QN_EXPORTS, json: { kind: "tasks" } }),
  "GET /api/exports/:unitKind/:unitId/:exportId": () => ({ path: `${QN_EXPORTS}/${QN_EXPORT.exportId}` }),
  "GET /api/exports/:unitKind/:unitId/:exportId/files/:name": () => ({
    path: `${QN_EXPORTS}/${QN_EXPORT.exportId}/files/${QN_EXPORT.file}`,
  }),
  "GET /api/schedules/:unitKind/:unitId": () => ({ path: QN_SCHEDULES }),
  "POST /api/schedules/:unitKind/:unitId": () => ({
    path: QN_SCHEDULES,
    json: { kind: "tasks", periodRule: "run_day", formats: ["csv"], cron: "0 6 * * *" },
  }),
  "PUT /api/schedules/:unitKind/:unitId/retention": () => ({
    path: `${QN_SCHEDULES}/retention`,
    json: { retentionDays: 1 },
  }),
  "PUT /api/schedules/:unitKind/:unitId/:scheduleId": () => ({
    path: `${QN_SCHEDULES}/${qnScheduleId}`,
    json: {
      version: 1,
      schedule: { kind: "tasks", periodRule: "run_day", formats: ["csv"], cron: "0 6 * * *", enabled: false },
    },
  }),
  "DELETE /api/schedules/:unitKind/:unitId/:scheduleId": () => ({ path: `${QN_SCHEDULES}/${qnScheduleId}` }),
  "GET /api/admin/lineage": () => ({ path: "/api/admin/lineage" }),
  "POST /api/admin/lineage": () => ({
    path: "/api/admin/lineage",
    json: { kind: "merge", fromUnitIds: ["quang-nghiep"], toUnitIds: ["thanh-son"], date: "2025-07-01" },
  }),
};

/** Strings that only Quảng Nghiệp's own data contains. */
const QN_MARKERS = ["quang-nghiep", "Quảng Nghiệp", "Vũ Chí Mạnh", SEED_PLAN_ID];

let outsiders: { name: string; cookie: string }[] = [];

beforeAll(async () => {
  await ensureSeed();
  // Another district with its own commune and overseer.
  await withActor({ username: "test", displayName: "test", role: "admin", communeIds: [] }, async () => {
    await putUnit({
      id: "thanh-ha",
      kind: "district",
      name: "Huyện Thanh Hà",
      shortName: "Thanh Hà",
      parentId: "hai-duong",
      validFrom: "1997-01-01",
    });
    await putUnit({
      id: "thanh-son",
      kind: "commune",
      name: "Xã Thanh Sơn",
      shortName: "Thanh Sơn",
      parentId: "thanh-ha",
      validFrom: "1997-01-01",
    });
    await putScope({
      scopeId: "thanh-ha-communes",
      overseerUnitId: "thanh-ha",
      name: "Các xã Thanh Hà",
      unitIds: ["thanh-son"],
      validFrom: "1997-01-01",
    });
    await createUser({
      username: "thanhha.noivu",
      displayName: "Phòng Nội vụ Thanh Hà",
      role: "overseer",
      unitId: "thanh-ha",
      password: PASSWORD,
    });
  });
  await issueQnPlanWithTasks();
  await requestQnRevisions();
  await makeQnExport();
  const qn = await login("quangnghiep.canbo");
  const sessions = await call("GET", "/api/me/sessions", { cookie: qn });
  qnSessionId = sessions.body[0].id;
  outsiders = [
    { name: "staff of another commune", cookie: await login("daihop.canbo") },
    { name: "overseer of another district", cookie: await login("thanhha.noivu") },
  ];
});

async function issueQnPlanWithTasks() {
  const leader = {
    username: "quangnghiep.chutich",
    displayName: "Chủ tịch",
    role: "commune_leader" as const,
    unitId: "quang-nghiep",
    communeIds: ["quang-nghiep"],
  };
  await withActor(leader, async () => {
    if ((await db().plan.get({ planId: QN_TASKS.planId }).go()).data) return;
    const content = { ...issuableSeedPlanToday(), subject: "Kế hoạch có nhiệm vụ của Quảng Nghiệp" };
    await insertPlan({ planId: QN_TASKS.planId, communeId: "quang-nghiep", content, status: "approved" });
    await transition(QN_TASKS.planId, { action: "issue", version: 1 });
  });
}

async function requestQnRevisions() {
  const tuky = {
    username: "tuky.noivu",
    displayName: "Phòng Nội vụ huyện Tứ Kỳ",
    role: "overseer" as const,
    unitId: "tu-ky",
    communeIds: ["dai-hop", "quang-nghiep", "tan-ky"],
  };
  await withActor(tuky, async () => {
    const body = "Yêu cầu của Quảng Nghiệp: bổ sung kinh phí.";
    QN_REQUESTS.plan = (
      await postComment({ planId: QN_TASKS.planId }, { kind: "revision_request", body })
    ).id;
    QN_REQUESTS.task = (
      await postComment(
        { seriesId: QN_TASKS.planId, taskId: QN_TASKS.taskId },
        { kind: "revision_request", body },
      )
    ).id;
  });
}

/** Through the API as Quảng Nghiệp's leader: a finished task-list export and a schedule. */
async function makeQnExport() {
  const leader = await login("quangnghiep.chutich");
  const queued = await call("POST", QN_EXPORTS, {
    cookie: leader,
    json: { kind: "tasks", formats: ["csv"] },
  });
  expect(queued.status, queued.text).toBe(202);
  QN_EXPORT.exportId = queued.body.exportId;
  for (let i = 0; i < 200; i++) {
    const e = await call("GET", `${QN_EXPORTS}/${QN_EXPORT.exportId}`, { cookie: leader });
    if (e.body.status === "succeeded") {
      QN_EXPORT.file = e.body.files[0].name;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(QN_EXPORT.file).not.toBe("");
  const schedule = await call("POST", QN_SCHEDULES, {
    cookie: leader,
    json: { kind: "tasks", periodRule: "run_day", formats: ["csv"], cron: "0 6 * * *" },
  });
  expect(schedule.status, schedule.text).toBe(201);
  qnScheduleId = schedule.body.scheduleId;
}

describe("tenant isolation across every route", () => {
  const routes = apiRoutes();

  it("every route has a declared access rule and a sample request here", () => {
    const missing = routes.filter((r) => !SAMPLES[r]);
    expect(missing, `add these routes to SAMPLES in ${import.meta.url}`).toEqual([]);
  });

  it.each(routes)("%s: anonymous gets 401 unless public", async (route) => {
    const sample = SAMPLES[route]?.();
    if (!sample) throw new Error(`no sample for ${route}`);
    const method = route.split(" ")[0] ?? "GET";
    const res = await call(method, sample.path, sample.json !== undefined ? { json: sample.json } : {});
    if (!sample.public) expect(res.status, res.text).toBe(401);
    for (const m of QN_MARKERS) expect(res.text).not.toContain(m);
  });

  it.each(routes)("%s: outsiders get 401/403/404 or nothing of Quảng Nghiệp", async (route) => {
    const sample = SAMPLES[route]?.();
    if (!sample) throw new Error(`no sample for ${route}`);
    const method = route.split(" ")[0] ?? "GET";
    const aimsAtQn = QN_MARKERS.some(
      (m) => sample.path.includes(m) || JSON.stringify(sample.json ?? "").includes(m),
    );
    for (const who of outsiders) {
      if (route === "POST /api/auth/logout") continue; // would end the outsider's own session; covered in auth tests
      const res = await call(method, sample.path, {
        cookie: who.cookie,
        ...(sample.json !== undefined ? { json: sample.json } : {}),
      });
      if (aimsAtQn && !sample.public)
        expect([401, 403, 404], `${who.name}: ${res.status} ${res.text}`).toContain(res.status);
      for (const m of QN_MARKERS) expect(res.text, `${who.name} saw ${m}`).not.toContain(m);
    }
  });

  it("Quảng Nghiệp's data is unchanged after the walk", async () => {
    const qn = await login("quangnghiep.canbo");
    const plan = await call("GET", `/api/plans/${SEED_PLAN_ID}`, { cookie: qn });
    expect(plan.status).toBe(200);
    expect(plan.body.version).toBe(1);
    expect(plan.body.communeId).toBe("quang-nghiep");
    const requests = await call("GET", `/api/communes/${QN.communeId}/requests`, { cookie: qn });
    const ids = requests.body.items.map((r: { id: string; state: string }) => `${r.id}:${r.state}`);
    expect(ids).toEqual(expect.arrayContaining([`${QN_REQUESTS.plan}:open`, `${QN_REQUESTS.task}:open`]));
    const schedules = await call("GET", QN_SCHEDULES, { cookie: qn });
    expect(schedules.body.retentionDays).toBe(90);
    expect(
      schedules.body.items.map((s: { scheduleId: string; version: number; enabled: boolean }) => s),
    ).toEqual([expect.objectContaining({ scheduleId: qnScheduleId, version: 1, enabled: true })]);
    const file = await call("GET", `${QN_EXPORTS}/${QN_EXPORT.exportId}/files/${QN_EXPORT.file}`, {
      cookie: qn,
    });
    expect(file.status).toBe(200);
    // Nobody outside queued an export of Quảng Nghiệp.
    const exports = await call("GET", QN_EXPORTS, { cookie: qn });
    expect(exports.body.items.map((e: { exportId: string }) => e.exportId)).toEqual([QN_EXPORT.exportId]);
  });
});
