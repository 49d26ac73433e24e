import { withActor } from "@kehoach/core/actor";
import { putScope } from "@kehoach/core/admin";
import { insertPlan } from "@kehoach/core/plan";
import { transition } from "@kehoach/core/plan/lifecycle";
import { issuableSeedPlanToday } from "@kehoach/core/seed/issuable";
import { SEED_PLAN_ID } from "@kehoach/core/seed/seed-plan";
import { beforeAll, describe, expect, it } from "vitest";
import { call, ensureSeed, login, ownTable, type Res, scanTable } from "./helpers";

const PLAN = "quang-nghiep-api-comments";
const COMMENTS = `/api/plans/${PLAN}/comments`;
let overseer = "";
let leader = "";
let staff = "";
let otherOffice = "";
let outsider = "";
let admin = "";

beforeAll(async () => {
  // Its own table: the whole-table comparisons must not see other test files' writes.
  await ownTable("kehoach-api-comments");
  await ensureSeed();
  const chairman = {
    username: "quangnghiep.chutich",
    displayName: "Chủ tịch UBND xã Quảng Nghiệp",
    role: "commune_leader" as const,
    unitId: "quang-nghiep",
    communeIds: ["quang-nghiep"],
  };
  await withActor(chairman, async () => {
    const c = { ...issuableSeedPlanToday(), subject: "Kế hoạch thử góp ý qua API" };
    await insertPlan({ planId: PLAN, communeId: "quang-nghiep", content: c, status: "approved" });
    await transition(PLAN, { action: "issue", version: 1 });
  });
  // The Tứ Kỳ district's scope ended on 30/6/2025 (history only): a body overseeing Quảng
  // Nghiệp today is given a scope of its own here.
  await withActor({ username: "test", displayName: "test", role: "admin", communeIds: [] }, () =>
    putScope({
      scopeId: "qn-comments-test",
      overseerUnitId: "hai-phong",
      name: "Quảng Nghiệp (thử góp ý)",
      unitIds: ["quang-nghiep"],
      validFrom: "2025-07-01",
    }),
  );
  overseer = await login("sonoivu.haiphong");
  leader = await login("quangnghiep.chutich");
  staff = await login("quangnghiep.canbo"); // Văn phòng - Thống kê
  otherOffice = await login("quangnghiep.taichinh");
  outsider = await login("daihop.canbo");
  admin = await login("admin");
});

it("a body whose scope has ended reads the history but starts no thread", async () => {
  const historical = await login("tuky.noivu");
  expect((await call("GET", COMMENTS, { cookie: historical })).status).toBe(200);
  const res = await call("POST", COMMENTS, {
    cookie: historical,
    json: { kind: "revision_request", body: "Yêu cầu từ phạm vi đã kết thúc" },
  });
  expect(res.status).toBe(403);
});

const resolvePath = (id: string) => `/api/comments/quang-nghiep/${PLAN}/${id}/resolve`;
const issuePaths = (r: Res) =>
  (r.body?.error?.issues ?? []).map((i: { path: unknown[] }) => i.path.join("."));

function expectBilingual(r: Res) {
  expect(r.body.error.message.vi).toBeTruthy();
  expect(r.body.error.message.en).toBeTruthy();
  expect(r.body.error.message.vi).not.toBe(r.body.error.message.en);
}

async function openCount() {
  return (await call("GET", "/api/communes/quang-nghiep/requests", { cookie: leader })).body.open as number;
}

describe("comments and revision requests over HTTP", () => {
  it("the overseer requests a revision; the commune sees it, answers and the leader resolves it", async () => {
    const made = await call("POST", COMMENTS, {
      cookie: overseer,
      json: { kind: "revision_request", body: "Đề nghị bổ sung kinh phí tổ chức Hội nghị." },
    });
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({ kind: "revision_request", state: "open", planId: PLAN });
    const id = made.body.id as string;

    const list = await call("GET", COMMENTS, { cookie: staff });
    expect(list.status).toBe(200);
    expect(list.body.open).toBe(1);
    expect(list.body.threads[0]).toMatchObject({ id, state: "open", replies: [] });
    const requests = await call("GET", "/api/communes/quang-nghiep/requests", { cookie: leader });
    expect(requests.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(requests.body.items[0].subjectTitle).toBe("Kế hoạch thử góp ý qua API");
    expect(requests.body.open).toBe(1);
    const told = await call("GET", "/api/notifications", { cookie: leader });
    expect(told.body.items.find((n: { commentId?: string }) => n.commentId === id)).toMatchObject({
      kind: "revision_request",
      planId: PLAN,
      actorName: expect.stringMatching(/^Sở Nội vụ thành phố Hải Phòng/),
    });

    // The commune answers in the thread, opens none of its own.
    const own = await call("POST", COMMENTS, { cookie: staff, json: { body: "Xã tự mở góp ý" } });
    expect(own.status).toBe(403);
    expectBilingual(own);
    const answer = await call("POST", COMMENTS, {
      cookie: staff,
      json: { body: "Văn phòng đang lập dự trù kinh phí.", replyTo: id },
    });
    expect(answer.status, answer.text).toBe(201);
    const reply = await call("GET", "/api/notifications", { cookie: overseer });
    expect(reply.body.items.find((n: { kind: string }) => n.kind === "reply")).toMatchObject({
      commentId: id,
      description: "Văn phòng đang lập dự trù kinh phí.",
    });

    const note = { note: "Đã bổ sung mục kinh phí (mục IV)." };
    // The overseer never resolves: its role is refused before anything is read.
    expect((await call("POST", resolvePath(id), { cookie: overseer, json: note })).status).toBe(403);
    // Staff resolve only a task's requests of their office; a plan's belong to the leader.
    const byStaff = await call("POST", resolvePath(id), { cookie: staff, json: note });
    expect(byStaff.status).toBe(403);
    expectBilingual(byStaff);
    const done = await call("POST", resolvePath(id), { cookie: leader, json: note });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ state: "resolved", resolution: note.note });
    const twice = await call("POST", resolvePath(id), { cookie: leader, json: note });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("already_resolved");
    expect(twice.body.error.current.state).toBe("resolved");
    expect(await openCount()).toBe(0);
    const seen = await call("GET", COMMENTS, { cookie: overseer });
    expect(seen.body.threads[0]).toMatchObject({
      id,
      state: "resolved",
      resolvedBy: { username: "quangnghiep.chutich" },
    });
    expect(seen.body.threads[0].replies).toHaveLength(1);
    const history = await call("GET", `/api/plans/${PLAN}/history`, { cookie: overseer });
    const actions = history.body.map((h: { action: string }) => h.action);
    expect(actions.slice(-3)).toEqual(["revision_requested", "comment", "revision_resolved"]);
  });

  it("a task's thread: the overseer asks, the lead office resolves, another office may not", async () => {
    const tasks = await call("GET", `/api/plans/${PLAN}/tasks`, { cookie: staff });
    const t = tasks.body.find((x: { leadOfficeId?: string }) => x.leadOfficeId === "van-phong");
    const path = `/api/tasks/${t.seriesId}/${encodeURIComponent(t.taskId)}/comments`;
    const made = await call("POST", path, {
      cookie: overseer,
      json: { kind: "revision_request", body: "Nêu rõ sản phẩm đầu ra của nhiệm vụ." },
    });
    expect(made.status, made.text).toBe(201);
    expect(made.body).toMatchObject({ seriesId: t.seriesId, taskId: t.taskId });
    const resolve = `/api/comments/quang-nghiep/${t.seriesId}/${encodeURIComponent(t.taskId)}/${made.body.id}/resolve`;
    const note = { note: "Đã bổ sung sản phẩm: báo cáo tổng hợp." };
    expect((await call("POST", resolve, { cookie: otherOffice, json: note })).status).toBe(403);
    const done = await call("POST", resolve, { cookie: staff, json: note });
    expect(done.status, done.text).toBe(200);
    const list = await call("GET", path, { cookie: leader });
    expect(list.body.threads.map((x: { state: string }) => x.state)).toEqual(["resolved"]);
    const taskHistory = await call(
      "GET",
      `/api/tasks/${t.seriesId}/${encodeURIComponent(t.taskId)}/history`,
      {
        cookie: leader,
      },
    );
    expect(taskHistory.body.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(["revision_requested", "revision_resolved"]),
    );
  });

  it("outside the commune or the overseer's role: 404 or 403, never 5xx, nothing written", async () => {
    const made = await call("POST", COMMENTS, {
      cookie: overseer,
      json: { kind: "revision_request", body: "Kiểm tra lại thành phần tham dự." },
    });
    const id = made.body.id as string;
    const before = await scanTable();
    const note = { note: "Xong" };
    for (const [who, cookie] of [
      ["staff of another commune", outsider],
      ["admin", admin],
    ] as const) {
      for (const [method, path, json] of [
        ["GET", COMMENTS, undefined],
        ["POST", COMMENTS, { kind: "revision_request", body: "Phá" }],
        ["POST", COMMENTS, { body: "Phá", replyTo: id }],
        ["POST", resolvePath(id), note],
        ["GET", "/api/communes/quang-nghiep/requests", undefined],
      ] as const) {
        const r = await call(method, path, { cookie, ...(json ? { json } : {}) });
        expect([403, 404], `${who} ${method} ${path}: ${r.status} ${r.text}`).toContain(r.status);
        expect(r.text).not.toContain("Kiểm tra lại thành phần");
      }
    }
    // No such plan, no such request, a request under another plan: 404.
    const missing = await call("POST", "/api/plans/khong-co/comments", {
      cookie: overseer,
      json: { kind: "revision_request", body: "x" },
    });
    expect(missing.status).toBe(404);
    const elsewhere = await call("POST", `/api/comments/quang-nghiep/${SEED_PLAN_ID}/${id}/resolve`, {
      cookie: leader,
      json: note,
    });
    expect(elsewhere.status).toBe(404);
    const ghost = await call("POST", resolvePath("20260101T000000000Z-000000000000"), {
      cookie: leader,
      json: note,
    });
    expect(ghost.status).toBe(404);
    expect(await scanTable()).toEqual(before);
  });

  it("bad input: 400 with the field's path and a bilingual message, nothing written", async () => {
    const made = await call("POST", COMMENTS, { cookie: overseer, json: { body: "Góp ý để trả lời." } });
    const id = made.body.id as string;
    const before = await scanTable();
    const cases: [string, string, unknown, string][] = [
      ["POST", COMMENTS, { kind: "revision_request", body: "" }, "body"],
      ["POST", COMMENTS, { body: " \u200b\u00a0 " }, "body"],
      ["POST", COMMENTS, { body: "x".repeat(4001) }, "body"],
      ["POST", COMMENTS, { kind: "revision_request" }, "body"],
      ["POST", COMMENTS, { body: ["mảng"] }, "body"],
      ["POST", COMMENTS, { kind: "chi_dao", body: "x" }, "kind"],
      ["POST", COMMENTS, { body: "x", replyTo: "khong-phai-ma" }, "replyTo"],
      ["POST", COMMENTS, { body: "x", replyTo: "20260101T000000000Z-000000000000" }, "replyTo"],
      ["POST", COMMENTS, { kind: "revision_request", body: "Yêu cầu trong trả lời", replyTo: id }, "kind"],
      ["POST", resolvePath(id), { note: "   " }, "note"],
      ["POST", resolvePath(id), {}, "note"],
      ["POST", resolvePath("khong-phai-ma"), { note: "Xong" }, "commentId"],
      ["GET", "/api/communes/quang-nghiep/requests?limit=0", undefined, "limit"],
      ["GET", "/api/communes/quang-nghiep/requests?cursor=abc", undefined, "cursor"],
    ];
    for (const [method, path, json, field] of cases) {
      const r = await call(method, path, {
        cookie: method === "GET" || path.endsWith("resolve") ? leader : overseer,
        ...(json !== undefined ? { json } : {}),
      });
      expect(r.status, `${JSON.stringify(json)} → ${r.text}`).toBe(400);
      expect(issuePaths(r)[0], r.text).toBe(field);
      expectBilingual(r);
    }
    const notJson = await call("POST", COMMENTS, {
      cookie: overseer,
      body: "{không phải JSON",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    expect(await scanTable()).toEqual(before);
    // A plain comment is no request: resolving it is a 409 with the reason.
    const notRequest = await call("POST", resolvePath(id), { cookie: leader, json: { note: "Xong" } });
    expect(notRequest.status).toBe(409);
    expect(notRequest.body.error.code).toBe("not_a_request");
    expect(await scanTable()).toEqual(before);
  });

  it("text is stored composed (NFC) and trimmed; 4000 characters pass", async () => {
    const r = await call("POST", COMMENTS, {
      cookie: overseer,
      json: { body: "  Quyết định   phê duyệt\n".normalize("NFD") },
    });
    expect(r.status).toBe(201);
    expect(r.body.body).toBe("Quyết định   phê duyệt");
    expect(r.body.body).toBe(r.body.body.normalize("NFC"));
    const long = await call("POST", COMMENTS, { cookie: overseer, json: { body: "ư".repeat(4000) } });
    expect(long.status).toBe(201);
  });
});
