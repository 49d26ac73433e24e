import { withActor } from "@kehoach/core/actor";
import { actorForToken } from "@kehoach/core/auth";
import type { MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Env } from "./http";

export const SESSION_COOKIE = "kh_session";

/**
 * Resolve the caller from the session cookie — the only source of identity and scope —
 * and run the rest of the request inside that actor's context.
 */
export const session: MiddlewareHandler<Env> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const actor = token ? await actorForToken(token) : null;
  if (!token || !actor) return next();
  c.set("actor", actor);
  c.set("sessionToken", token);
  return withActor(actor, () => next());
};
