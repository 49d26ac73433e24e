import { ApiError } from "@kehoach/client/api";
import { notFound, redirect } from "@tanstack/react-router";

/** The session is missing, expired or revoked (not a wrong password at login). */
export function isUnauthenticated(e: unknown): e is ApiError {
  return e instanceof ApiError && e.status === 401 && e.code !== "bad_credentials";
}

export function isNotFound(e: unknown): e is ApiError {
  return e instanceof ApiError && e.status === 404;
}

/**
 * Run a loader's fetch, turning API answers into router outcomes: 401 → the login page
 * (keeping where the user wanted to go), 404 → the not-found page. Anything else propagates.
 */
export async function loadOr<T>(p: Promise<T>, href: string): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (isUnauthenticated(e)) throw redirect({ to: "/login", search: { redirect: href } });
    if (isNotFound(e)) throw notFound();
    throw e;
  }
}
