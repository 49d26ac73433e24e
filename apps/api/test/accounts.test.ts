import { beforeAll, describe, expect, it } from "vitest";
import { call, ensureSeed, login, PASSWORD } from "./helpers";

let admin: string;
const account = {
  username: "daihop.nghi.viec",
  displayName: "Công chức đã nghỉ việc",
  role: "commune_staff",
  unitId: "dai-hop",
  password: PASSWORD,
};

beforeAll(async () => {
  await ensureSeed();
  admin = await login("admin");
  expect((await call("POST", "/api/admin/users", { cookie: admin, json: account })).status).toBe(201);
});

const setDisabled = (username: string, disabled: boolean, cookie = admin) =>
  call("PUT", `/api/admin/users/${username}/disabled`, { cookie, json: { disabled } });
const signIn = (username: string, password: string) =>
  call("POST", "/api/auth/login", { json: { username, password } });

describe("disabling an account", () => {
  it("ends its sessions at once, refuses its sign-in with a clear message, and enabling restores it", async () => {
    const a = await login(account.username);
    const b = await login(account.username);
    expect((await call("GET", "/api/me", { cookie: a })).status).toBe(200);

    const off = await setDisabled(account.username, true);
    expect(off.status, off.text).toBe(200);
    expect(off.body).toEqual({ username: account.username, disabled: true });
    expect((await call("GET", "/api/me", { cookie: a })).status).toBe(401);
    expect((await call("GET", "/api/me", { cookie: b })).status).toBe(401);
    const users = await call("GET", "/api/admin/users", { cookie: admin });
    expect(users.body.find((u: { username: string }) => u.username === account.username)?.disabled).toBe(
      true,
    );

    // The right password: told plainly, in both languages, that the account is disabled.
    const right = await signIn(account.username, PASSWORD);
    expect(right.status).toBe(403);
    expect(right.body.error.code).toBe("account_disabled");
    expect(right.body.error.message.vi).toMatch(/vô hiệu hóa/);
    expect(right.body.error.message.en).toMatch(/disabled/);
    expect(right.headers.get("set-cookie") ?? "").not.toMatch(/kh_session=[^;]/);
    // A wrong password: the generic answer, the same as for an account that does not exist.
    const wrong = await signIn(account.username, "sai-mat-khau");
    const ghost = await signIn("khong.co.ai.ca", "sai-mat-khau");
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(ghost.body);

    const on = await setDisabled(account.username, false);
    expect(on.status, on.text).toBe(200);
    const again = await login(account.username);
    expect((await call("GET", "/api/me", { cookie: again })).status).toBe(200);
  });

  it("an admin cannot disable their own account; an unknown account is 404; others may not", async () => {
    const self = await setDisabled("admin", true);
    expect(self.status).toBe(409);
    expect(self.body.error.message.vi).toBeTruthy();
    expect((await call("GET", "/api/me", { cookie: admin })).status).toBe(200);
    expect((await setDisabled("khong.ton.tai", true)).status).toBe(404);
    const leader = await login("daihop.chutich");
    expect((await setDisabled(account.username, true, leader)).status).toBe(403);
    expect((await setDisabled(account.username, true, "")).status).toBe(401);
  });
});
