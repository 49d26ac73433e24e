import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "vite";
import { hasMessage, translate } from "./src/i18n";

const FORM = resolve(import.meta.dirname, "login-form.html");

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The login page's markup (login-form.html), each `{{key}}` written as the dictionary's Vietnamese. */
export function loginMarkup(): string {
  return readFileSync(FORM, "utf8").replace(/\{\{([\w.]+)\}\}/g, (_, key: string) => {
    if (!hasMessage(key)) throw new Error(`login-form.html: no dictionary entry "${key}"`);
    return escapeHtml(translate("vi", key));
  });
}

/**
 * `dist/login/index.html`, served at /login (the local server and SST's router both answer a path
 * with its index.html): the built index.html — same script, same styles — with the login page
 * already inside #root. On a slow line the form shows as soon as the page and its styles arrive,
 * before the script, and it works without the script (a plain POST to /api/auth/login-form). Once
 * the script has loaded, the dashboard draws the same page in its place, keeping what was typed and
 * where the cursor was (features/auth/lib/static-login.ts).
 */
export function staticLoginPage(): Plugin {
  return {
    name: "kehoach-static-login-page",
    apply: "build",
    enforce: "post",
    generateBundle(_, bundle) {
      const index = bundle["index.html"];
      if (index?.type !== "asset") throw new Error("static login page: the build wrote no index.html");
      const html = String(index.source);
      if (!html.includes('<div id="root"></div>')) throw new Error("index.html: no empty #root");
      const title = `${translate("vi", "login.title")} · ${translate("vi", "app.name")}`;
      this.emitFile({
        type: "asset",
        fileName: "login/index.html",
        source: html
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
          .replace('<div id="root"></div>', `<div id="root">${loginMarkup()}</div>`),
      });
    },
  };
}
