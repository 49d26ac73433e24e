import type { MiddlewareHandler } from "hono";
import { NONCE, secureHeaders } from "hono/secure-headers";

const baseCsp = {
  defaultSrc: ["'self'"],
  // Scripts only from this origin: never 'unsafe-inline'.
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const headerOptions = {
  referrerPolicy: "strict-origin-when-cross-origin",
  xFrameOptions: "DENY",
  // Downloads (DOCX, XLSX) open in another program; nothing here needs cross-origin isolation.
  crossOriginResourcePolicy: "same-origin",
} as const;

// Every other answer has one fixed policy: no per-response nonce to draw.
const pageHeaders = secureHeaders({ ...headerOptions, contentSecurityPolicy: baseCsp });
// The API reference (Scalar): its inline scripts carry this response's nonce, and it styles
// itself at run time with inline <style> elements.
const docsHeaders = secureHeaders({
  ...headerOptions,
  contentSecurityPolicy: {
    ...baseCsp,
    scriptSrc: ["'self'", NONCE],
    styleSrc: ["'self'", "'unsafe-inline'"],
  },
});

/** Security headers on every response: API answers, the dashboard's HTML and its assets. */
export const securityHeaders: MiddlewareHandler = (c, next) =>
  (c.req.path === "/api/docs" ? docsHeaders : pageHeaders)(c, next);
