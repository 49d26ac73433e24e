import { lineageQuery, scopesQuery, unitsQuery, usersQuery } from "@kehoach/client/admin";
import { ApiError } from "@kehoach/client/api";
import type { QueryClient } from "@tanstack/react-query";
import { notFound } from "@tanstack/react-router";
import { loadOr } from "../../../lib/api-errors";

/** The admin area is "not found" for everyone but admins, like any address they may not see. */
export function requireAdmin(me: { role: string }) {
  if (me.role !== "admin") throw notFound();
}

const needs = {
  units: (qc: QueryClient) => [qc.ensureQueryData(unitsQuery()), qc.prefetchQuery(lineageQuery())],
  scopes: (qc: QueryClient) => [
    qc.ensureQueryData(unitsQuery()),
    qc.ensureQueryData(scopesQuery()),
    qc.prefetchQuery(usersQuery()),
  ],
  users: (qc: QueryClient) => [qc.ensureQueryData(usersQuery()), qc.ensureQueryData(unitsQuery())],
  lineage: (qc: QueryClient) => [qc.ensureQueryData(unitsQuery()), qc.ensureQueryData(lineageQuery())],
} as const;

/** A loader for one admin page: its data in the cache before it renders; 401 → login, 403/404 → not found. */
export function adminLoader(page: keyof typeof needs) {
  return async ({
    context,
    location,
  }: {
    context: { queryClient: QueryClient };
    location: { href: string };
  }) => {
    try {
      await loadOr(Promise.all(needs[page](context.queryClient)), location.href);
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) throw notFound();
      throw e;
    }
  };
}
