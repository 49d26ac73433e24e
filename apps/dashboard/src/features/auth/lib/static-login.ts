/**
 * The login page's server-sent form (login-form.html, in dist/login/index.html) and the dashboard
 * taking its place. The dashboard first renders into a detached element, so the server's form
 * stays usable meanwhile; when the dashboard's login form has rendered, `takeOverStaticLogin`
 * reads what was typed there and where the cursor was, and puts the dashboard in its place —
 * in one task, before the next paint, so no keystroke falls between and nothing flashes.
 */
export type StaticLogin = { username: string; password: string; focus: "username" | "password" | null };

let pending: { page: HTMLElement; mount: HTMLElement } | null = null;

/**
 * Where the dashboard renders: `page` itself, or — while `page` holds the server-sent login form
 * — a detached element that takes `page`'s place later.
 */
export function mountPoint(page: HTMLElement): HTMLElement {
  if (!page.querySelector("[data-static-login]")) return page;
  const mount = document.createElement("div");
  mount.id = page.id;
  pending = { page, mount };
  return mount;
}

/** Swap the dashboard in (once): what the server's form held, or null when there was none. */
export function takeOverStaticLogin(): StaticLogin | null {
  if (!pending) return null;
  const { page, mount } = pending;
  pending = null;
  const field = (name: string) => page.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  const username = field("username");
  const password = field("password");
  const active = document.activeElement;
  const typed: StaticLogin = {
    username: username?.value ?? "",
    password: password?.value ?? "",
    focus: active && active === password ? "password" : active && active === username ? "username" : null,
  };
  page.replaceWith(mount);
  return typed;
}
