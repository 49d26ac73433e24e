import { DomainError } from "@kehoach/core/errors";
import { EVIDENCE_MAX_BYTES } from "@kehoach/core/task";
import { MAX_IMPORT_BYTES } from "@kehoach/documents/limits";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/**
 * What every request meets before a route sees it: the size of its body, where it comes from,
 * and the headers every response carries. Shared by the Lambda app and the local server.
 */

/**
 * A JSON body: a plan's content is capped at 300 KB (PLAN_CONTENT_MAX_BYTES) and may carry its
 * imported source text (500,000 characters, up to 1.5 MB in UTF-8, kept in the file store).
 */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;
/** A multipart upload: the file limit (evidence files, 20 MB) and the form's own overhead. */
export const MAX_UPLOAD_BYTES = EVIDENCE_MAX_BYTES + 64 * 1024;
/** Pasted text for the importer is checked against the importer's own limit. */
const IMPORT_TEXT_BYTES = MAX_IMPORT_BYTES + 64 * 1024;

const kb = (n: number) =>
  n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;

export const tooLarge = (max: number) =>
  new DomainError(413, "too_large", {
    vi: `Dữ liệu gửi lên quá lớn (tối đa ${kb(max)}).`,
    en: `Request body too large (at most ${kb(max)}).`,
  });

/**
 * Refuse an oversized body with 413 before anything reads it: by Content-Length when given,
 * else while streaming it (chunked bodies are counted and cut off at the limit). A multipart
 * body is only judged by its Content-Length here: the upload routes stream it through their
 * own limit after their access check, so no one's upload is read before their rights are known.
 */
export const bodyLimits: MiddlewareHandler = async (c, next) => {
  // A GET or HEAD request has no body (and asking for it would build the whole web Request).
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  if (/^multipart\/form-data\b/i.test(c.req.header("content-type") ?? "")) {
    const declared = Number(c.req.header("content-length") ?? 0);
    if (declared > MAX_UPLOAD_BYTES) throw tooLarge(EVIDENCE_MAX_BYTES);
    return next();
  }
  return (c.req.path === "/api/documents/import-text" ? importTextLimit : jsonLimit)(c, next);
};

const jsonLimit = bodyLimit({
  maxSize: MAX_JSON_BYTES,
  onError: () => {
    throw tooLarge(MAX_JSON_BYTES);
  },
});
const importTextLimit = bodyLimit({
  maxSize: IMPORT_TEXT_BYTES,
  onError: () => {
    throw tooLarge(MAX_IMPORT_BYTES);
  },
});

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF defence for every unsafe method, whatever the content type (hono's csrf() only looks at
 * form content types, so a cross-site JSON POST would pass it). The rule:
 * - an Origin header must be this server's origin (browsers send it on every unsafe request);
 * - without Origin, a request is refused when it carries Sec-Fetch-Site other than
 *   "same-origin" (a browser that withheld Origin); with neither header it is not from a
 *   browser (CLI, tests, server-to-server) and is let through — cookies are the only
 *   credential and such a client holds its own.
 */
export const sameOrigin: MiddlewareHandler = async (c, next) => {
  if (UNSAFE.has(c.req.method)) {
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    const allowed =
      origin !== undefined
        ? origin === new URL(c.req.url).origin
        : site === undefined || site === "same-origin";
    if (!allowed) {
      throw new DomainError(403, "cross_origin", {
        vi: "Yêu cầu bị từ chối: gửi từ một trang web khác.",
        en: "Request refused: it came from another website.",
      });
    }
  }
  await next();
};

export { securityHeaders } from "./security-headers";
