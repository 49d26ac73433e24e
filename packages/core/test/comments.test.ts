import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import { createUser } from "../src/admin";
import * as Board from "../src/board/comments";
import { db } from "../src/db/entities";
import * as Plan from "../src/plan";
import * as Lifecycle from "../src/plan/lifecycle";
import { seed } from "../src/seed";
import { issuableSeedPlanToday } from "../src/seed/issuable";
import * as Task from "../src/task/index";
import { myNotifications } from "../src/task/reminders";
import { putUnit } from "../src/unit";
import { as, dhStaff, statusOf } from "./helpers";

// A commune of this file's own (Hà Kỳ), so its running summary counts only what happens here.
const COMMUNE = "ha-ky";
const admin: Actor = { username: "admin", displayName: "Quản trị", role: "admin", communeIds: [] };
const overseer: Actor = {
  username: "tuky.noivu",
  displayName: "Phòng Nội vụ huyện Tứ Kỳ",
  role: "overseer",
  unitId: "tu-ky",
  communeIds: ["dai-hop", "quang-nghiep", "tan-ky", COMMUNE],
};
const otherOverseer: Actor = {
  username: "thanhha.noivu",
  displayName: "Phòng Nội vụ huyện Thanh Hà",
  role: "overseer",
  unitId: "thanh-ha",
  communeIds: ["thanh-son"],
};
const leader: Actor = {
  username: "haky.chutich",
  displayName: "Chủ tịch UBND xã Hà Kỳ",
  role: "commune_leader",
  unitId: COMMUNE,
  communeIds: [COMMUNE],
};
const staffVP: Actor = {
  username: "haky.vanphong",
  displayName: "Công chức Văn phòng - Thống kê xã Hà Kỳ",
  role: "commune_staff",
  unitId: COMMUNE,
  officeId: "van-phong",
  communeIds: [COMMUNE],
};
const staffTP: Actor = { ...staffVP, username: "haky.tuphap", officeId: "tu-phap", displayName: "Tư pháp" };

let planId = "";
let draftId = "";
let seriesId = "";

async function summaryOpen() {
  const s = await db().communeSummary.get({ communeId: COMMUNE }).go({ consistent: true });
  return s.data?.requests_open ?? 0;
}

/** Every open request item of the commune, read from the requests index page by page. */
async function openItems() {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await as(leader, () =>
      Board.openRequests(COMMUNE, { limit: 100, ...(cursor ? { cursor } : {}) }),
    );
    ids.push(...page.items.map((i) => i.id));
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return ids;
}

/** The index is eventually consistent on AWS; DynamoDB Local answers at once, but wait a little anyway. */
async function settled<T>(read: () => Promise<T>, ok: (v: T) => boolean) {
  let v = await read();
  for (let i = 0; i < 20 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}

const request = (body: string, on: Board.CommentSubject = { planId }) =>
  as(overseer, () => Board.postComment(on, { kind: "revision_request", body }));

beforeAll(async () => {
  await seed();
  await as(admin, async () => {
    await putUnit({
      id: COMMUNE,
      kind: "commune",
      name: "Xã Hà Kỳ",
      shortName: "Hà Kỳ",
      parentId: "tu-ky",
      validFrom: "1997-01-01",
    });
    for (const a of [leader, staffVP, staffTP]) {
      if ((await db().user.get({ username: a.username }).go()).data) continue;
      await createUser({
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        unitId: COMMUNE,
        ...(a.officeId ? { officeId: a.officeId } : {}),
        password: "mat-khau-thu-nghiem-2025",
      });
    }
  });
  const content = {
    ...issuableSeedPlanToday(),
    subject: "Kế hoạch cải cách hành chính xã Hà Kỳ",
  };
  const approved = await as(leader, () =>
    Plan.insertPlan({ communeId: COMMUNE, content, status: "approved" }),
  );
  const issued = await as(leader, () => Lifecycle.transition(approved.id, { action: "issue", version: 1 }));
  planId = issued.id;
  seriesId = issued.seriesId ?? issued.id;
  draftId = (await as(staffVP, () => Plan.createDraft({ content }))).id;
});

describe("comments and revision requests", () => {
  it("an overseer's request is written with its audit record, counted open, and the commune is told", async () => {
    const before = await summaryOpen();
    const r = await request("  Đề nghị bổ sung thời hạn cho nhiệm vụ của Văn phòng.  ");
    expect(r).toMatchObject({
      kind: "revision_request",
      state: "open",
      body: "Đề nghị bổ sung thời hạn cho nhiệm vụ của Văn phòng.",
      author: { username: "tuky.noivu", role: "overseer" },
      communeId: COMMUNE,
      planId,
    });
    expect(await summaryOpen()).toBe(before + 1);
    const history = await as(leader, () => Plan.history(planId));
    expect(history.at(-1)).toMatchObject({
      action: "revision_requested",
      actor: "tuky.noivu",
      note: "Đề nghị bổ sung thời hạn cho nhiệm vụ của Văn phòng.",
    });
    for (const who of [leader, staffVP, staffTP]) {
      const mine = await as(who, () => myNotifications());
      const n = mine.items.find((x) => x.commentId === r.id);
      expect(n, who.username).toMatchObject({
        kind: "revision_request",
        planId,
        actorName: "Phòng Nội vụ huyện Tứ Kỳ",
        subjectTitle: "Kế hoạch cải cách hành chính xã Hà Kỳ",
        read: false,
      });
      expect(n?.taskId).toBeUndefined();
    }
    const own = await as(overseer, () => myNotifications());
    expect(own.items.some((x) => x.commentId === r.id)).toBe(false);
  });

  it("the commune answers in the thread and resolves; the overseer is told of both and may not resolve", async () => {
    const r = await request("Mục III chưa nêu rõ đơn vị chủ trì.");
    const open = await summaryOpen();
    // The commune answers; it opens no thread of its own.
    expect(await statusOf(as(staffVP, () => Board.postComment({ planId }, { body: "Xã tự góp ý" })))).toBe(
      403,
    );
    const answer = await as(staffVP, () =>
      Board.postComment({ planId }, { body: "Văn phòng đang bổ sung.", replyTo: r.id }),
    );
    expect(answer).toMatchObject({ kind: "comment", replyTo: r.id });
    expect(answer.state).toBeUndefined();
    // An answer to an answer joins the same thread.
    const again = await as(overseer, () =>
      Board.postComment({ planId }, { body: "Đề nghị gửi lại trước ngày 20.", replyTo: answer.id }),
    );
    expect(again.replyTo).toBe(r.id);
    const told = await as(overseer, () => myNotifications());
    expect(
      told.items.find((n) => n.kind === "reply" && n.description === "Văn phòng đang bổ sung."),
    ).toMatchObject({
      commentId: r.id,
      actorName: staffVP.displayName,
    });

    // Only the leader resolves a plan's request: not the overseer, not staff.
    const note = { note: "Đã bổ sung đơn vị chủ trì ở mục III." };
    expect(await statusOf(as(overseer, () => Board.resolveRequest(COMMUNE, { planId }, r.id, note)))).toBe(
      403,
    );
    expect(await statusOf(as(staffVP, () => Board.resolveRequest(COMMUNE, { planId }, r.id, note)))).toBe(
      403,
    );
    expect(await summaryOpen()).toBe(open);
    const done = await as(leader, () => Board.resolveRequest(COMMUNE, { planId }, r.id, note));
    expect(done).toMatchObject({
      state: "resolved",
      resolution: "Đã bổ sung đơn vị chủ trì ở mục III.",
      resolvedBy: { username: leader.username },
    });
    expect(await summaryOpen()).toBe(open - 1);
    expect(await statusOf(as(leader, () => Board.resolveRequest(COMMUNE, { planId }, r.id, note)))).toBe(409);
    expect(await summaryOpen()).toBe(open - 1);
    expect((await as(leader, () => Plan.history(planId))).at(-1)).toMatchObject({
      action: "revision_resolved",
      note: note.note,
    });
    const resolved = await as(overseer, () => myNotifications());
    expect(resolved.items.find((n) => n.kind === "resolved" && n.commentId === r.id)).toMatchObject({
      description: note.note,
    });

    const board = await as(overseer, () => Board.listComments({ planId }));
    const thread = board.threads.find((t) => t.id === r.id);
    expect(thread?.state).toBe("resolved");
    expect(thread?.replies.map((x) => x.body)).toEqual([
      "Văn phòng đang bổ sung.",
      "Đề nghị gửi lại trước ngày 20.",
    ]);
    // Open requests come first.
    expect(board.threads[0]?.state).toBe("open");
  });

  it("a plain comment has no state, is not counted and cannot be resolved", async () => {
    const open = await summaryOpen();
    const c = await as(overseer, () => Board.postComment({ planId }, { body: "Kế hoạch trình bày tốt." }));
    expect(c.kind).toBe("comment");
    expect(c.state).toBeUndefined();
    expect(await summaryOpen()).toBe(open);
    expect((await as(staffVP, () => Plan.history(planId))).at(-1)?.action).toBe("comment");
    expect(
      await statusOf(as(leader, () => Board.resolveRequest(COMMUNE, { planId }, c.id, { note: "x" }))),
    ).toBe(409);
  });

  it("the overseer does not see the commune's drafts, so comments on none of them", async () => {
    const open = await summaryOpen();
    expect(await statusOf(as(overseer, () => Board.listComments({ planId: draftId })))).toBe(404);
    const post = as(overseer, () =>
      Board.postComment({ planId: draftId }, { kind: "revision_request", body: "Sửa" }),
    );
    expect(await statusOf(post)).toBe(404);
    expect((await as(staffVP, () => Board.listComments({ planId: draftId }))).threads).toEqual([]);
    expect(await summaryOpen()).toBe(open);
  });

  it("outside the overseer's scope or the commune: 404, nothing written", async () => {
    const r = await request("Kiểm tra lại căn cứ pháp lý.");
    const open = await summaryOpen();
    for (const who of [dhStaff, otherOverseer, admin]) {
      expect(await statusOf(as(who, () => Board.listComments({ planId }))), who.username).toBe(404);
      expect(
        await statusOf(as(who, () => Board.postComment({ planId }, { kind: "revision_request", body: "x" }))),
      ).toBe(404);
      expect(await statusOf(as(who, () => Board.postComment({ planId }, { body: "x", replyTo: r.id })))).toBe(
        404,
      );
      expect(
        await statusOf(as(who, () => Board.resolveRequest(COMMUNE, { planId }, r.id, { note: "xong" }))),
      ).toBe(404);
      expect(await statusOf(as(who, () => Board.openRequests(COMMUNE, {})))).toBe(404);
    }
    // A request's key under another commune or another plan is not found either.
    expect(
      await statusOf(as(leader, () => Board.resolveRequest("dai-hop", { planId }, r.id, { note: "xong" }))),
    ).toBe(404);
    expect(
      await statusOf(
        as(leader, () => Board.resolveRequest(COMMUNE, { planId: draftId }, r.id, { note: "xong" })),
      ),
    ).toBe(404);
    expect(await summaryOpen()).toBe(open);
  });

  it("bad input is refused with its field, nothing written; text is stored composed (NFC) and trimmed", async () => {
    const open = await summaryOpen();
    const before = (await as(overseer, () => Board.listComments({ planId }))).threads.length;
    const issues = async (p: Promise<unknown>) => {
      try {
        await p;
        return "ok";
      } catch (e) {
        const err = e as { status: number; details?: { issues?: { path: unknown[] }[] } };
        return { status: err.status, paths: err.details?.issues?.map((i) => i.path.join(".")) };
      }
    };
    const post = (input: unknown) => as(overseer, () => Board.postComment({ planId }, input as never));
    expect(await issues(post({ kind: "revision_request", body: "   " }))).toEqual({
      status: 400,
      paths: ["body"],
    });
    expect(await issues(post({ body: "\u200b\u00a0\u200d" }))).toEqual({ status: 400, paths: ["body"] });
    expect(await issues(post({ body: "a".repeat(4001) }))).toEqual({ status: 400, paths: ["body"] });
    expect(await issues(post({ body: 42 }))).toEqual({ status: 400, paths: ["body"] });
    expect(await issues(post({ kind: "order", body: "x" }))).toEqual({ status: 400, paths: ["kind"] });
    expect(await issues(post({ body: "x", replyTo: "../../etc" }))).toEqual({
      status: 400,
      paths: ["replyTo"],
    });
    expect(await issues(post({ body: "x", replyTo: "20260101T000000000Z-000000000000" }))).toEqual({
      status: 400,
      paths: ["replyTo"],
    });
    const root = (await as(overseer, () => Board.listComments({ planId }))).threads[0];
    expect(
      await issues(post({ kind: "revision_request", body: "Yêu cầu trong trả lời", replyTo: root?.id })),
    ).toEqual({ status: 400, paths: ["kind"] });
    expect(
      await issues(
        as(leader, () => Board.resolveRequest(COMMUNE, { planId }, root?.id ?? "", { note: " " })),
      ),
    ).toEqual({ status: 400, paths: ["note"] });
    expect(await summaryOpen()).toBe(open);
    expect((await as(overseer, () => Board.listComments({ planId }))).threads.length).toBe(before);

    const decomposed = "  Cải cách hành chính  ".normalize("NFD");
    const c = await post({ body: decomposed });
    expect(c.body).toBe("Cải cách hành chính");
    expect(c.body.normalize("NFC")).toBe(c.body);
    expect((await post({ body: "ê".repeat(4000) })).body).toHaveLength(4000);
  });

  it("a task's request: its lead office's staff may resolve it, another office may not", async () => {
    const t = (await as(leader, () => Task.planTasks(planId))).find((x) => x.leadOfficeId === "van-phong");
    if (!t) throw new Error("no Văn phòng task in the seed plan");
    const on = { seriesId, taskId: t.taskId };
    const r = await request("Nhiệm vụ cần nêu rõ sản phẩm đầu ra.", on);
    expect(r).toMatchObject({ seriesId, taskId: t.taskId, planId });
    const n = (await as(staffVP, () => myNotifications())).items.find((x) => x.commentId === r.id);
    expect(n).toMatchObject({ seriesId, taskId: t.taskId, kind: "revision_request" });
    expect((await as(staffVP, () => Task.taskHistory(seriesId, t.taskId))).at(-1)?.action).toBe(
      "revision_requested",
    );
    const note = { note: "Đã bổ sung sản phẩm đầu ra." };
    expect(await statusOf(as(staffTP, () => Board.resolveRequest(COMMUNE, on, r.id, note)))).toBe(403);
    const done = await as(staffVP, () => Board.resolveRequest(COMMUNE, on, r.id, note));
    expect(done.state).toBe("resolved");
    expect((await as(overseer, () => Board.listComments(on))).threads.map((x) => x.id)).toEqual([r.id]);
    expect(
      (await as(overseer, () => Board.listComments({ planId }))).threads.some((x) => x.id === r.id),
    ).toBe(false);
  });

  it("the commune's open requests page by cursor, the longest waiting first", async () => {
    const all = await openItems();
    const page1 = await as(overseer, () => Board.openRequests(COMMUNE, { limit: 1 }));
    expect(page1.items.map((i) => i.id)).toEqual(all.slice(0, 1));
    expect(page1.items[0]?.subjectTitle).toBe("Kế hoạch cải cách hành chính xã Hà Kỳ");
    expect(page1.open).toBe(all.length);
    if (all.length > 1) {
      const page2 = await as(overseer, () =>
        Board.openRequests(COMMUNE, { limit: 1, cursor: page1.cursor ?? undefined }),
      );
      expect(page2.items.map((i) => i.id)).toEqual(all.slice(1, 2));
    }
    expect(await statusOf(as(overseer, () => Board.openRequests(COMMUNE, { cursor: "not-a-cursor" })))).toBe(
      400,
    );
  });

  it("after concurrent requests and resolutions the summary counts exactly the open request items", async () => {
    const N = 16;
    const made = await Promise.all(
      Array.from({ length: N }, (_, i) => request(`Yêu cầu chỉnh sửa đồng thời số ${i + 1}.`)),
    );
    // Half of them resolved, each by two leaders' clicks at once, while more requests arrive.
    const toResolve = made.slice(0, N / 2);
    const outcomes = await Promise.all([
      ...toResolve.flatMap((r) =>
        [1, 2].map(() =>
          statusOf(
            as(leader, () => Board.resolveRequest(COMMUNE, { planId }, r.id, { note: "Đã chỉnh sửa." })),
          ),
        ),
      ),
      ...Array.from({ length: 6 }, (_, i) => statusOf(request(`Yêu cầu thêm số ${i + 1}.`))),
    ]);
    const resolutions = outcomes.slice(0, N);
    expect(resolutions.filter((s) => s === "ok")).toHaveLength(N / 2);
    expect(resolutions.filter((s) => s === 409)).toHaveLength(N / 2);
    expect(outcomes.slice(N).every((s) => s === "ok")).toBe(true);
    const count = await summaryOpen();
    const items = await settled(openItems, (ids) => ids.length === count);
    expect(items.length).toBe(count);
    for (const r of toResolve) expect(items).not.toContain(r.id);
    for (const r of made.slice(N / 2)) expect(items).toContain(r.id);
  });
});
