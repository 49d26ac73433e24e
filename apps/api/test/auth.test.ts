import { setClock } from "@kehoach/core/clock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { call, createAccount, ensureSeed, login, PASSWORD } from "./helpers";

beforeAll(ensureSeed);
afterEach(() => setClock(undefined));

describe("sessions", () => {
  it("login sets an httpOnly SameSite=Lax cookie; /api/me returns user, role and scope; logout ends it", async () => {
    const res = await call("POST", "/api/auth/login", {
      json: { username: "tuky.noivu", password: PASSWORD },
    });
    expect(res.status).toBe(200);
    const set = res.headers.get("set-cookie") ?? "";
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    const cookie = `kh_session=${/kh_session=([^;]+)/.exec(set)?.[1]}`;
    const me = await call("GET", "/api/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.body.role).toBe("overseer");
    expect(me.body.communes.map((c: { id: string }) => c.id).sort()).toEqual([
      "dai-hop",
      "quang-nghiep",
      "tan-ky",
    ]);
    expect((await call("POST", "/api/auth/logout", { cookie })).status).toBe(200);
    expect((await call("GET", "/api/me", { cookie })).status).toBe(401);
  });

  it('/api/me tells commune staff their office (the board\'s "my office"); leaders have none', async () => {
    const staff = await login("quangnghiep.taichinh");
    expect((await call("GET", "/api/me", { cookie: staff })).body.officeId).toBe("tai-chinh");
    const leader = await login("quangnghiep.chutich");
    expect((await call("GET", "/api/me", { cookie: leader })).body.officeId).toBeUndefined();
  });

  it("the same error whether or not the account exists", async () => {
    const wrong = await call("POST", "/api/auth/login", {
      json: { username: "daihop.canbo", password: "sai-mat-khau" },
    });
    const ghost = await call("POST", "/api/auth/login", {
      json: { username: "khong.ton.tai", password: "sai-mat-khau" },
    });
    expect(wrong.status).toBe(401);
    expect(ghost.status).toBe(401);
    expect(ghost.body).toEqual(wrong.body);
  });

  it("a revoked session is refused on its very next request", async () => {
    const a = await login("tanky.canbo");
    const b = await login("tanky.canbo");
    const sessions = await call("GET", "/api/me/sessions", { cookie: a });
    expect(sessions.status).toBe(200);
    const other = sessions.body.find((s: { current: boolean }) => !s.current);
    expect(other).toBeDefined();
    expect((await call("GET", "/api/me", { cookie: b })).status).toBe(200);
    expect((await call("DELETE", `/api/me/sessions/${other.id}`, { cookie: a })).status).toBe(200);
    expect((await call("GET", "/api/me", { cookie: b })).status).toBe(401);
    expect((await call("GET", "/api/me", { cookie: a })).status).toBe(200);
  });

  it("changing the password needs the old one and revokes the other sessions", async () => {
    const a = await login("tanky.chutich");
    const b = await login("tanky.chutich");
    const bad = await call("POST", "/api/me/password", {
      cookie: a,
      json: { oldPassword: "khong-dung", newPassword: "mat-khau-moi-2025" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toEqual(["oldPassword"]);
    const ok = await call("POST", "/api/me/password", {
      cookie: a,
      json: { oldPassword: PASSWORD, newPassword: "mat-khau-moi-2025" },
    });
    expect(ok.status).toBe(200);
    expect((await call("GET", "/api/me", { cookie: b })).status).toBe(401);
    expect((await call("GET", "/api/me", { cookie: a })).status).toBe(200);
    await login("tanky.chutich", "mat-khau-moi-2025");
  });

  it("an admin's password reset ends the account's open sessions", async () => {
    const admin = await login("admin");
    const account = {
      username: "daihop.thu.reset",
      displayName: "Công chức thử",
      role: "commune_staff",
      unitId: "dai-hop",
      password: PASSWORD,
    };
    const user = await createAccount(admin, account);
    expect((await call("GET", "/api/me", { cookie: user })).status).toBe(200);
    const reset = await call("POST", "/api/admin/users", {
      cookie: admin,
      json: { ...account, password: "mat-khau-dat-lai-2025" },
    });
    expect(reset.status).toBe(201);
    expect((await call("GET", "/api/me", { cookie: user })).status).toBe(401);
    await login(account.username, "mat-khau-dat-lai-2025");
  });

  it("refuses a cross-site form post (CSRF)", async () => {
    const res = await call("POST", "/api/auth/login", {
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "username=admin&password=x",
    });
    expect(res.status).toBe(403);
  });

  it("sets security headers", async () => {
    const res = await call("GET", "/api/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBeTruthy();
  });
});

describe("login throttling (stored in DynamoDB; more in throttle.test.ts)", () => {
  it("throttles an unknown account the same way (no account enumeration)", async () => {
    for (let i = 0; i < 5; i++) {
      await call("POST", "/api/auth/login", { json: { username: "ma.khong.co", password: `x${i}` } });
    }
    const r = await call("POST", "/api/auth/login", { json: { username: "ma.khong.co", password: "x" } });
    expect(r.status).toBe(429);
  });
});

describe("the login page's plain form (posted before the page's script has loaded)", () => {
  const form = (fields: Record<string, string>, referer?: string) =>
    call("POST", "/api/auth/login-form", {
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(referer ? { referer } : {}),
      },
      body: new URLSearchParams(fields).toString(),
    });

  it("signs in with the session cookie and goes (303) where the login page was asked to return", async () => {
    const res = await form(
      { username: "daihop.canbo", password: PASSWORD },
      "http://localhost/login?redirect=%2Fcommunes%2Fdai-hop%2Fplans%3Fyear%3D2025",
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/communes/dai-hop/plans?year=2025");
    const set = res.headers.get("set-cookie") ?? "";
    expect(set).toMatch(/HttpOnly/i);
    const cookie = `kh_session=${/kh_session=([^;]+)/.exec(set)?.[1]}`;
    expect((await call("GET", "/api/me", { cookie })).body.username).toBe("daihop.canbo");
  });

  it("returns only to this site's own paths: another site's page or address goes home", async () => {
    for (const referer of [
      "http://localhost/login?redirect=%2F%2Fevil.example%2Fx",
      "http://localhost/login?redirect=https%3A%2F%2Fevil.example",
      "http://evil.example/login?redirect=%2Fplans%2Fx",
      "not a url",
    ]) {
      const res = await form({ username: "daihop.canbo", password: PASSWORD }, referer);
      expect(res.status, referer).toBe(303);
      expect(res.headers.get("location"), referer).toBe("/");
    }
  });

  it("a refusal goes back to the login page with its code only, and opens no session", async () => {
    const wrong = await form(
      { username: "khong.co.ai", password: "sai-mat-khau" },
      "http://localhost/login?redirect=%2Fplans%2Fabc",
    );
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe("/login?failed=bad_credentials&redirect=%2Fplans%2Fabc");
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const empty = await form({});
    expect(empty.headers.get("location")).toBe("/login?failed=validation_failed");
  });

  it("is refused (403) when posted from another site, like every write", async () => {
    const res = await call("POST", "/api/auth/login-form", {
      headers: { origin: "http://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "daihop.canbo", password: PASSWORD }).toString(),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});
