import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import type { Actor, Role } from "@kehoach/core/actor";
import { DomainError } from "@kehoach/core/errors";
import type { Context, MiddlewareHandler } from "hono";

export type Env = { Variables: { actor?: Actor & { sessionId: string }; sessionToken?: string } };

/**
 * Who may call a route. Every route declares one; the isolation test fails on a route without.
 * "public": anyone; "user": any signed-in account; a role list: those roles only.
 * Data scope (which commune) is checked again inside the domain functions from the session.
 */
export type Access = "public" | "user" | readonly Role[];

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.object({ vi: z.string(), en: z.string() }),
      issues: z
        .array(
          z.object({
            path: z.array(z.union([z.string(), z.number()])),
            message: z.object({ vi: z.string(), en: z.string() }),
          }),
        )
        .optional(),
      current: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

const errorResponse = (description: string) => ({
  content: { "application/json": { schema: errorSchema } },
  description,
});

export const commonErrors = {
  400: errorResponse("Dữ liệu không hợp lệ / Invalid input"),
  401: errorResponse("Chưa đăng nhập / Not signed in"),
  403: errorResponse("Không có quyền / Forbidden"),
  404: errorResponse("Không tìm thấy / Not found"),
} as const;
export const conflictError = { 409: errorResponse("Xung đột phiên bản / Version conflict") } as const;

export function requireAccess(access: Access): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (access === "public") return next();
    const actor = c.get("actor");
    if (!actor)
      throw new DomainError(401, "unauthenticated", { vi: "Bạn cần đăng nhập.", en: "Please sign in." });
    if (access !== "user" && !access.includes(actor.role)) {
      throw new DomainError(403, "forbidden", {
        vi: "Vai trò của bạn không được làm việc này.",
        en: "Your role may not do this.",
      });
    }
    return next();
  };
}

/** createRoute with its access rule: enforced by middleware and published in the OpenAPI document. */
export function guarded<
  const R extends Omit<RouteConfig, "middleware"> & { middleware?: MiddlewareHandler[] },
>(access: Access, config: R) {
  return createRoute({
    ...config,
    ...(access === "public" ? {} : { security: [{ session: [] }] }),
    "x-access": access === "public" || access === "user" ? access : [...access],
    // The access rule runs first, before any route middleware reads the body.
    middleware: [requireAccess(access), ...(config.middleware ?? [])] as MiddlewareHandler<Env>[],
  } as R & { middleware: MiddlewareHandler<Env>[] });
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { "application/json": { schema } },
  description,
});

/** A path parameter of 1 to `max` characters, named for the OpenAPI document. */
export const pathParam = (name: string, max = 100) =>
  z
    .string()
    .min(1)
    .max(max)
    .openapi({ param: { name, in: "path" } });

/** A task's address: the series (its issued plan) and the task's id in it. */
export const taskParams = z.object({ seriesId: pathParam("seriesId"), taskId: pathParam("taskId", 64) });

/** The 200 answer of a file download, for the OpenAPI document. */
export const fileResponse = {
  content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
  description: "Tệp / The file",
} as const;

/** A private file, as a download: never cached, never content-sniffed. */
export function sendFile(
  c: Context,
  file: { bytes: Uint8Array; contentType: string },
  disposition: string,
): Response {
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    "Content-Type": file.contentType,
    "Content-Disposition": disposition,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
}
