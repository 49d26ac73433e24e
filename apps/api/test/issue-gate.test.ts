import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { call, ensureSeed, login } from "./helpers";

const FIXTURES = join(import.meta.dirname, "../../../packages/documents/test/fixtures");
const TEXTS = readdirSync(FIXTURES).filter((f) => f.endsWith(".txt"));

let staff: string;
let leader: string;
beforeAll(async () => {
  await ensureSeed();
  staff = await login("daihop.canbo");
  leader = await login("daihop.chutich");
});

type Finding = {
  location: { path: (string | number)[] };
  message: { vi: string; en: string };
  severity: string;
};
type Issue = { path: (string | number)[]; message: { vi: string; en: string } };

const step = (id: string, cookie: string, action: string, version: number) =>
  call("POST", `/api/plans/${id}/transitions`, { cookie, json: { action, version } });

describe("what the panel says blocks issuing is what the issue step refuses with", () => {
  it.each(TEXTS)(
    "%s: imported, saved as a draft, the 'blocks issuing' list equals the 422 list",
    async (name) => {
      const imported = await call("POST", "/api/documents/import-text", {
        cookie: staff,
        json: { text: readFileSync(join(FIXTURES, name), "utf8") },
      });
      expect(imported.status, imported.text).toBe(200);
      const created = await call("POST", "/api/plans", {
        cookie: staff,
        json: { content: imported.body.draft },
      });
      expect(created.status, created.text).toBe(201);
      const id = created.body.id as string;

      const panel = await call("GET", `/api/plans/${id}/issue-findings`, { cookie: staff });
      expect(panel.status).toBe(200);
      const blocking = (panel.body as Finding[]).map((f) => ({
        path: ["content", ...f.location.path],
        message: f.message,
      }));
      expect((panel.body as Finding[]).every((f) => f.severity === "error")).toBe(true);
      // The leader's view asks the same route.
      const leaderView = await call("GET", `/api/plans/${id}/issue-findings`, { cookie: leader });
      expect(leaderView.body).toEqual(panel.body);

      expect((await step(id, staff, "submit", 1)).status).toBe(200);
      expect((await step(id, leader, "approve", 2)).status).toBe(200);
      const issued = await step(id, leader, "issue", 3);
      if (blocking.length === 0) {
        expect(issued.status, issued.text).toBe(200);
      } else {
        expect(issued.status, issued.text).toBe(422);
        expect(issued.body.error.code).toBe("checker_errors");
        expect(issued.body.error.issues as Issue[]).toEqual(blocking);
      }
    },
  );

  it("the editor's unsaved check with as=issue gives the same list as the saved plan's route", async () => {
    const imported = await call("POST", "/api/documents/import-text", {
      cookie: staff,
      json: { text: readFileSync(join(FIXTURES, "seed.txt"), "utf8") },
    });
    const created = await call("POST", "/api/plans", {
      cookie: staff,
      json: { content: imported.body.draft },
    });
    const saved = await call("GET", `/api/plans/${created.body.id}/issue-findings`, { cookie: staff });
    const unsaved = await call("POST", "/api/documents/check", {
      cookie: staff,
      json: { content: created.body, as: "issue" },
    });
    expect(unsaved.status, unsaved.text).toBe(200);
    expect(unsaved.body).toEqual(saved.body);
    expect((saved.body as Finding[]).length).toBeGreaterThan(0);
    // The draft as it is shows fewer errors than issuing it today would meet.
    const asIs = await call("GET", `/api/plans/${created.body.id}/findings`, { cookie: staff });
    const asIsErrors = (asIs.body as Finding[]).filter((f) => f.severity === "error");
    expect(asIsErrors.length).toBeLessThan((saved.body as Finding[]).length);
  });
});
