import type { Client } from "@kehoach/api/client-types";
import { type ClientResponse, hc } from "hono/client";

export type Messages = { vi: string; en: string };
export type FieldIssue = { path: (string | number)[]; message: Messages };

/** A non-2xx answer of the API, carrying its bilingual message and field issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Messages,
    readonly issues: FieldIssue[] = [],
    readonly current?: unknown,
  ) {
    super(messages.vi);
    this.name = "ApiError";
  }
}

/** Same origin in the browser; tests may point it elsewhere. */
export function createClient(baseUrl = "/", init?: RequestInit): Client {
  return hc(baseUrl, { init: { credentials: "same-origin", ...init } }) as unknown as Client;
}

export const api: Client = createClient(typeof window === "undefined" ? "http://127.0.0.1:3000/" : "/");

type Success<R> =
  R extends ClientResponse<infer T, infer S, "json"> ? (S extends 200 | 201 ? T : never) : never;

/** Await a client call; non-2xx becomes an ApiError with the API's message. */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(
  p: Promise<R>,
): Promise<Success<R>> {
  let res: R;
  try {
    res = await p;
  } catch {
    throw new ApiError(0, "network", {
      vi: "Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.",
      en: "Cannot reach the server. Check the connection and retry.",
    });
  }
  if (res.ok) return (await res.json()) as Success<R>;
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: Messages; issues?: FieldIssue[]; current?: unknown };
  } | null;
  const e = body?.error;
  throw new ApiError(
    res.status,
    e?.code ?? "http_error",
    e?.message ?? { vi: `Lỗi máy chủ (${res.status})`, en: `Server error (${res.status})` },
    e?.issues ?? [],
    e?.current,
  );
}
