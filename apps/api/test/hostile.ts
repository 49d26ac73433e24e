/**
 * Hostile requests against every write route, read from the app's own OpenAPI document:
 * random, oversized, wrongly typed, deeply nested, Unicode-edge, prototype-pollution and
 * injection-shaped bodies, paths and query strings, sent as the role each route admits.
 * Shared by the short property test (apps/api/test/property.test.ts) and the long run
 * (bench/property.bench.ts). Expected of every case: never a 5xx; a 4xx is one of the
 * route's documented statuses (or 413, the body limit every route has) with the app's
 * bilingual error body, and nothing in the table changed.
 */
import { SEED_PLAN, SEED_PLAN_ID } from "@kehoach/core/seed/seed-plan";
import fc from "fast-check";
import { app } from "../src/app";
import { login, scanTable } from "./helpers";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  maxItems?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: Json[];
  const?: Json;
  anyOf?: Schema[];
  oneOf?: Schema[];
  default?: Json;
};
type Operation = {
  "x-access": "public" | "user" | string[];
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, unknown>;
};
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

export type WriteRoute = {
  key: string;
  method: string;
  path: string;
  access: Operation["x-access"];
  body?: { type: string; schema: Schema };
  query: { name: string; schema?: Schema }[];
  statuses: Set<number>;
};

/** Every POST/PUT/PATCH/DELETE route the app documents. */
export async function writeRoutes(): Promise<{ routes: WriteRoute[]; doc: OpenApi }> {
  const doc = (await (await app.request("/api/openapi.json")).json()) as OpenApi;
  const routes: WriteRoute[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!["post", "put", "patch", "delete"].includes(method)) continue;
      const [type, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      routes.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        access: op["x-access"],
        ...(type && media ? { body: { type, schema: media.schema } } : {}),
        query: (op.parameters ?? []).filter((p) => p.in === "query"),
        statuses: new Set(Object.keys(op.responses).map(Number)),
      });
    }
  }
  return { routes, doc };
}

// ---------------------------------------------------------------------------------------------
// Values

const EDGE_STRINGS = [
  "",
  " ",
  "\u200B\u200C\u200D\uFEFF\u2060",
  "\u202Eeman\u202C",
  "\u200F\u200Eالخطة",
  "Ke\u0302\u0301 hoa\u0323ch",
  "\uFFFE\uFFFF",
  "\uD800",
  "\uDC00x\uD83D",
  "\u0000\u0001\u001F",
  "𝕂ế 🇻🇳 👩‍👩‍👧",
  "__proto__",
  "constructor",
  "prototype",
  "' OR '1'='1' --",
  '"; DROP TABLE plans; --',
  "<script>alert(1)</script>",
  "<w:t>x</w:t>]]>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  "${7*7}{{7*7}}#{7*7}",
  "../../../../etc/passwd",
  "%00%2e%2e%2f",
  "$kehoach#communeid_dai-hop",
  "attribute_exists(pk) OR #x = :y",
  "-1",
  "1e309",
  "NaN",
  "quang-nghiep",
  "dai-hop",
];

const edgeString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }).map((s) => s.normalize("NFD")) },
);

/** Now and then far past every field limit (and sometimes past the body limit). */
const oversized = fc
  .constantFrom(2_001, 5_001, 70_000, 600_000)
  .chain((n) => fc.constantFrom("x", "Đ", "\u200B", "𝕂").map((ch) => ch.repeat(n)));

const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "$where", ""),
  fc.string({ maxLength: 12 }),
);

function deep(depth: number, kind: "array" | "object" | "section"): Json {
  let v: Json = kind === "section" ? { id: "x" } : 0;
  for (let i = 0; i < depth; i++) {
    v = kind === "array" ? [v] : kind === "object" ? { a: v } : { id: `x${i}`, children: [v] };
  }
  return v;
}

const deepValue = fc
  .tuple(
    fc.constantFrom(9, 33, 200, 2_000),
    fc.constantFrom("array", "object", "section") as fc.Arbitrary<"array" | "object" | "section">,
  )
  .map(([d, k]) => deep(d, k));

const { hostile } = fc.letrec<{ hostile: Json }>((tie) => ({
  hostile: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: edgeString },
    { weight: 1, arbitrary: oversized },
    { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 2 ** 53, 1e308)) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
    { weight: 1, arbitrary: deepValue },
    { weight: 2, arbitrary: fc.array(tie("hostile"), { maxLength: 3 }) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(hostileKey, tie("hostile")), { maxLength: 3 })
        .map((entries) => Object.fromEntries(entries) as Json),
    },
  ),
}));
export const hostileValue = hostile as fc.Arbitrary<Json>;

/** A value shaped by the schema, with hostile leaves now and then. */
function fromSchema(schema: Schema, doc: OpenApi, depth = 0): fc.Arbitrary<Json> {
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop() ?? "";
    const target = doc.components.schemas[name];
    return target && depth < 6 ? fromSchema(target, doc, depth + 1) : hostileValue;
  }
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return fc.oneof(...options.map((s) => fromSchema(s, doc, depth + 1)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const shaped: fc.Arbitrary<Json> = (() => {
    switch (type) {
      case "object": {
        const props = Object.entries(schema.properties ?? {});
        const required = new Set(schema.required ?? []);
        return fc.record(
          Object.fromEntries(props.map(([k, s]) => [k, fromSchema(s, doc, depth + 1)])) as Record<
            string,
            fc.Arbitrary<Json>
          >,
          { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) },
        ) as fc.Arbitrary<Json>;
      }
      case "array":
        return fc.array(schema.items ? fromSchema(schema.items, doc, depth + 1) : hostileValue, {
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        });
      case "string":
        return fc.oneof(
          fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 40) }),
          fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
        );
      case "integer":
        return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1000, 1000) });
      case "number":
        return fc.double({ noNaN: true, min: schema.minimum ?? -5, max: schema.maximum ?? 1e6 });
      case "boolean":
        return fc.boolean();
      default:
        return hostileValue;
    }
  })();
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue });
}

/** Replace the value at one random place in a valid sample with a hostile one. */
function mutate(sample: Json): fc.Arbitrary<Json> {
  const paths: (string | number)[][] = [];
  const walk = (v: Json, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...path, i]);
    } else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(sample, []);
  return fc
    .tuple(fc.constantFrom(...paths), hostileValue, hostileKey, fc.nat(9))
    .map(([path, value, key, n]) => {
      const copy = structuredClone(sample) as Json;
      if (path.length === 0) return value;
      let at = copy as Record<string | number, Json>;
      for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, Json>;
      const last = path[path.length - 1] as string | number;
      // Either a new value in place, or an extra (possibly prototype-polluting) key beside it.
      if (n < 8 || Array.isArray(at)) at[last] = value;
      else Object.defineProperty(at, key, { value, enumerable: true, configurable: true, writable: true });
      return copy;
    });
}

// ---------------------------------------------------------------------------------------------
// Requests

export type Case = {
  path: string;
  query: string;
  /** A JSON value, raw text, or a multipart form. */
  body?:
    | { json: Json }
    | { raw: string; type?: string }
    | { form: { name: string; bytes: string; type: string } };
  who: Who;
};
type Who = "staff" | "leader" | "admin" | "fresh" | "none";

export type Fixture = { draftId: string; seedPlanId: string };

/** Valid bodies to mutate, so hostile values reach the deeper checks too. */
const SAMPLES: Record<string, Json> = {
  "POST /api/auth/login": { username: "khong-ton-tai", password: "sai-mat-khau" },
  "POST /api/me/password": { oldPassword: "khong-dung-dau", newPassword: "mat-khau-moi-12345" },
  "POST /api/plans": { content: SEED_PLAN as unknown as Json },
  "PUT /api/plans/{id}": { version: 1, content: SEED_PLAN as unknown as Json },
  "POST /api/plans/{id}/transitions": { action: "cancel", version: 1, reason: "Thử nghiệm" },
  "POST /api/documents/check": { content: SEED_PLAN as unknown as Json },
  "POST /api/documents/import-text": { text: "KẾ HOẠCH\nTổ chức tập huấn\nI. MỤC ĐÍCH\nNâng cao năng lực." },
  "PUT /api/admin/units": {
    id: "xa-thu-nghiem",
    kind: "commune",
    name: "Xã Thử Nghiệm",
    shortName: "Thử Nghiệm",
    parentId: "tu-ky",
    validFrom: "2020-01-01",
  },
  "PUT /api/admin/scopes": {
    scopeId: "pham-vi-thu",
    overseerUnitId: "tu-ky",
    name: "Phạm vi thử",
    unitIds: ["tan-ky"],
    validFrom: "2020-01-01",
  },
  "POST /api/admin/users": {
    username: "nguoi-thu",
    displayName: "Người Thử",
    role: "commune_staff",
    unitId: "tan-ky",
    password: "mat-khau-thu-12345",
  },
  "POST /api/admin/lineage": {
    kind: "rename",
    fromUnitIds: ["tan-ky"],
    toUnitIds: ["dai-hop"],
    date: "2025-07-01",
  },
};

function whoFor(route: WriteRoute): fc.Arbitrary<Who> {
  if (route.key === "POST /api/auth/logout") return fc.constant("fresh");
  if (route.access === "public") return fc.constant("none");
  if (route.access === "user") return fc.constant("staff");
  if (route.access.includes("admin")) return fc.constant("admin");
  return fc.constantFrom("staff", "leader");
}

const pathValue = (fixture: Fixture) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(fixture.draftId, fixture.seedPlanId) },
    { weight: 2, arbitrary: edgeString.filter((s) => s.length > 0) },
    { weight: 1, arbitrary: fc.constantFrom("a".repeat(101), "a".repeat(5000)) },
  );

/** Percent-encoding; a lone surrogate (which has no UTF-8) goes as invalid UTF-8 bytes instead. */
function encode(s: string) {
  try {
    return encodeURIComponent(s);
  } catch {
    return `${encodeURIComponent(s.replace(/\p{Cs}/gu, ""))}%ED%A0%80%FF`;
  }
}

const queryString = (route: WriteRoute) =>
  fc.oneof(
    // The documented parameters with plausible values, so valid requests happen too.
    fc
      .tuple(...route.query.map((q) => fc.constantFrom("1", "2", "0", "x").map((v) => `${q.name}=${v}`)))
      .map((pairs) => (pairs.length ? `?${pairs.join("&")}` : "")),
    randomQuery(route),
  );

const randomQuery = (route: WriteRoute) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...route.query.map((q) => q.name), "__proto__", "constructor[prototype]"),
          hostileKey,
        ),
        fc.oneof(fc.constantFrom("1", "0", "-1", "2", "1.5", "", "abc", "1e400"), edgeString),
      ),
      { maxLength: 3 },
    )
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join("&")}` : ""));

function bodyFor(route: WriteRoute, doc: OpenApi): fc.Arbitrary<Case["body"]> {
  const sample = SAMPLES[route.key];
  const raw = fc.oneof(
    fc.constantFrom(
      "{not json",
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
      "[]",
      "null",
      "0",
      '"x"',
      "\uFEFF{}",
      "{".repeat(100_000),
    ),
    fc.string({ maxLength: 60 }),
  );
  const options: fc.Arbitrary<Case["body"]>[] = [
    hostileValue.map((json) => ({ json })),
    raw.map((text) => ({ raw: text, type: "application/json" })),
    fc
      .tuple(raw, fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml", ""))
      .map(([text, type]) => ({ raw: text, type })),
  ];
  if (route.body?.type === "application/json")
    options.push(fromSchema(route.body.schema, doc).map((json) => ({ json })));
  if (sample !== undefined)
    options.push(
      mutate(sample).map((json) => ({ json })),
      mutate(sample).map((json) => ({ json })),
    );
  if (route.body?.type === "multipart/form-data") {
    options.push(
      fc
        .record({
          name: fc.oneof(fc.constantFrom("kh.docx", "kh.txt", "../../x.docx", "", "a\u0000.txt"), edgeString),
          bytes: fc.oneof(edgeString, fc.constantFrom("PK\u0003\u0004garbage", "KẾ HOẠCH\nI. MỤC ĐÍCH\n")),
          type: fc.constantFrom(
            "text/plain",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/octet-stream",
            "",
          ),
        })
        .map((form) => ({ form })),
    );
  }
  return fc.oneof(...options);
}

export function caseFor(route: WriteRoute, doc: OpenApi, fixture: Fixture): fc.Arbitrary<Case> {
  return fc.record({
    path: route.path.includes("{")
      ? pathValue(fixture).map((id) => route.path.replace(/\{\w+\}/g, encode(id)))
      : fc.constant(route.path),
    query: queryString(route),
    body: fc.option(bodyFor(route, doc), { nil: undefined, freq: 8 }),
    who: whoFor(route),
  });
}

// ---------------------------------------------------------------------------------------------
// Running

export type Sessions = { staff: string; leader: string; admin: string };

export async function signIn(): Promise<Sessions> {
  return {
    staff: await login("quangnghiep.canbo"),
    leader: await login("quangnghiep.chutich"),
    admin: await login("admin"),
  };
}

/** What the table holds, minus the records a request writes by design (sessions, sign-in throttles). */
async function state() {
  const items = await scanTable();
  return JSON.stringify(items.filter((i) => !["session", "loginThrottle"].includes(String(i.__edb_e__))));
}

export type Outcome = { status: number; problem?: string };

export async function send(c: Case, route: WriteRoute, sessions: Sessions): Promise<Response> {
  const headers: Record<string, string> = { origin: "http://localhost" };
  const cookie =
    c.who === "fresh" ? await login("quangnghiep.canbo") : c.who === "none" ? "" : sessions[c.who];
  if (cookie) headers.cookie = cookie;
  let body: string | FormData | undefined;
  if (c.body && "json" in c.body) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(c.body.json);
  } else if (c.body && "raw" in c.body) {
    if (c.body.type) headers["content-type"] = c.body.type;
    body = c.body.raw;
  } else if (c.body && "form" in c.body) {
    const form = new FormData();
    form.append("file", new File([c.body.form.bytes], c.body.form.name, { type: c.body.form.type }));
    body = form;
  }
  return app.request(`${c.path}${c.query}`, {
    method: route.method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
}

/**
 * Run `runs` random cases against one route. Each case is checked on its own: the table is
 * compared before and after it, so a refused request that wrote anything is caught.
 */
export async function checkRoute(
  route: WriteRoute,
  doc: OpenApi,
  opts: { runs: number; seed?: number; fixture: Fixture; sessions: Sessions; stopAtFirst?: boolean },
) {
  const statuses = new Map<number, number>();
  let fiveHundreds = 0;
  let before = await state();
  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(caseFor(route, doc, opts.fixture), async (c) => {
      const res = await send(c, route, opts.sessions);
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const after = await state();
      const changed = after !== before;
      before = after;
      const problem = judge(route, res.status, text, changed);
      if (res.status >= 500) fiveHundreds++;
      if (problem) {
        problems.push(`${problem} — ${describe(c)} → ${text.slice(0, 300)}`);
        if (opts.stopAtFirst !== false) {
          throw new Error(`${route.key}: ${problem}\n${describe(c)}\n${text.slice(0, 500)}`);
        }
      }
    }),
    { numRuns: opts.runs, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), endOnFailure: true },
  );
  return { cases: [...statuses.values()].reduce((a, b) => a + b, 0), statuses, fiveHundreds, problems };
}

function judge(route: WriteRoute, status: number, text: string, changed: boolean): string | undefined {
  if (status >= 500) return `answered ${status}`;
  if (status >= 200 && status < 300) return undefined;
  // A plain HTML form's route answers every outcome with its documented redirect (303).
  if (status >= 300 && status < 400 && route.statuses.has(status)) {
    return changed ? `answered ${status} but changed the table` : undefined;
  }
  // 413 (body limit) and 415 (content type) can meet any route with a body, before it runs.
  if (!route.statuses.has(status) && status !== 413 && status !== 415)
    return `answered undocumented ${status}`;
  let body: { error?: { code?: unknown; message?: { vi?: unknown; en?: unknown } } };
  try {
    body = JSON.parse(text);
  } catch {
    return `answered ${status} without a JSON error body`;
  }
  const m = body.error?.message;
  if (
    typeof body.error?.code !== "string" ||
    typeof m?.vi !== "string" ||
    typeof m?.en !== "string" ||
    !m.vi ||
    !m.en
  )
    return `answered ${status} without a bilingual error`;
  if (changed) return `answered ${status} but changed the table`;
  return undefined;
}

function describe(c: Case) {
  const body = c.body === undefined ? "" : JSON.stringify(c.body);
  return `${c.who} ${c.path}${c.query} ${body.length > 400 ? `${body.slice(0, 400)}… (${body.length} chars)` : body}`;
}

/** Nothing may have reached Object.prototype. */
export function prototypeIsClean() {
  const probe = {} as Record<string, unknown>;
  return probe.polluted === undefined && Object.keys(Object.prototype).length === 0;
}

export { SEED_PLAN_ID };
