import { Entity, Service } from "electrodb";
import { dynamo, tableName } from "./client";

const service = "kehoach";

function schemas() {
  const unit = new Entity({
    model: { entity: "unit", version: "1", service },
    attributes: {
      unitId: { type: "string", required: true },
      kind: { type: ["province", "district", "commune"] as const, required: true },
      name: { type: "string", required: true },
      shortName: { type: "string", required: true },
      officialCode: { type: "string" },
      parentId: { type: "string", required: true, default: "-" },
      validFrom: { type: "string", required: true },
      validTo: { type: "string" },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["unitId"] }, sk: { field: "sk", composite: [] } },
      byParent: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["parentId"] },
        sk: { field: "gsi1sk", composite: ["unitId"] },
      },
      all: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: [] },
        sk: { field: "gsi2sk", composite: ["kind", "unitId"] },
      },
    },
  });

  /** Lineage: merge, split, rename → successor, so old plans still roll up. */
  const lineage = new Entity({
    model: { entity: "lineage", version: "1", service },
    attributes: {
      eventId: { type: "string", required: true },
      kind: { type: ["merge", "split", "rename"] as const, required: true },
      fromUnitIds: { type: "list", items: { type: "string" }, required: true },
      toUnitIds: { type: "list", items: { type: "string" }, required: true },
      date: { type: "string", required: true },
      legalBasis: { type: "string" },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["eventId"] }, sk: { field: "sk", composite: [] } },
      all: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: [] },
        sk: { field: "gsi2sk", composite: ["date", "eventId"] },
      },
    },
  });

  /** Oversight scope, kept apart from the tree: an overseer unit watches a set of units for a time. */
  const scope = new Entity({
    model: { entity: "scope", version: "1", service },
    attributes: {
      scopeId: { type: "string", required: true },
      overseerUnitId: { type: "string", required: true },
      name: { type: "string", required: true },
      unitIds: { type: "list", items: { type: "string" }, required: true },
      validFrom: { type: "string", required: true },
      validTo: { type: "string" },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["scopeId"] }, sk: { field: "sk", composite: [] } },
      byOverseer: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["overseerUnitId"] },
        sk: { field: "gsi1sk", composite: ["scopeId"] },
      },
      all: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: [] },
        sk: { field: "gsi2sk", composite: ["scopeId"] },
      },
    },
  });

  const user = new Entity({
    model: { entity: "user", version: "1", service },
    attributes: {
      username: { type: "string", required: true },
      displayName: { type: "string", required: true },
      role: { type: ["commune_staff", "commune_leader", "overseer", "admin"] as const, required: true },
      unitId: { type: "string" },
      passwordHash: { type: "string", required: true },
      disabled: { type: "boolean", default: false },
      createdAt: { type: "string", required: true },
      passwordChangedAt: { type: "string" },
    },
    indexes: {
      byUsername: { pk: { field: "pk", composite: ["username"] }, sk: { field: "sk", composite: [] } },
      all: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: [] },
        sk: { field: "gsi2sk", composite: ["username"] },
      },
    },
  });

  /** A login session; only the SHA-256 of the token is stored. Expires through the table TTL. */
  const session = new Entity({
    model: { entity: "session", version: "1", service },
    attributes: {
      tokenHash: { type: "string", required: true },
      sessionId: { type: "string", required: true },
      username: { type: "string", required: true },
      createdAt: { type: "string", required: true },
      lastSeenAt: { type: "string" },
      userAgent: { type: "string" },
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      byToken: { pk: { field: "pk", composite: ["tokenHash"] }, sk: { field: "sk", composite: [] } },
      byUser: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["username"] },
        sk: { field: "gsi2sk", composite: ["sessionId"] },
      },
    },
  });

  /** Failed-login window per account, shared by every process and Lambda instance. */
  const loginThrottle = new Entity({
    model: { entity: "loginThrottle", version: "1", service },
    attributes: {
      username: { type: "string", required: true },
      windowStart: { type: "number", required: true },
      failures: { type: "number", required: true, default: 0 },
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      byUsername: { pk: { field: "pk", composite: ["username"] }, sk: { field: "sk", composite: [] } },
    },
  });

  const plan = new Entity({
    model: { entity: "plan", version: "1", service },
    attributes: {
      planId: { type: "string", required: true },
      communeId: { type: "string", required: true },
      status: {
        type: ["draft", "submitted", "approved", "issued", "in_progress", "completed", "cancelled"] as const,
        required: true,
      },
      version: { type: "number", required: true },
      /** The PlanContent, validated by the zod schema before it gets here. */
      content: { type: "any", required: true },
      /** Lower-case, diacritics-free subject + number, for search that ignores tone marks. */
      searchText: { type: "string", required: true },
      year: { type: "string", required: true },
      category: { type: "string" },
      cancelReason: { type: "string" },
      amends: { type: "string" },
      amendedBy: { type: "string" },
      createdAt: { type: "string", required: true },
      updatedAt: { type: "string", required: true },
      createdBy: { type: "string" },
      issuedAt: { type: "string" },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["planId"] }, sk: { field: "sk", composite: [] } },
      byCommune: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["communeId"] },
        sk: { field: "gsi1sk", composite: ["createdAt", "planId"] },
      },
    },
  });

  /** The next document number per (issuer, year, type): the source of gap-free numbering. */
  const counter = new Entity({
    model: { entity: "counter", version: "1", service },
    attributes: {
      issuerId: { type: "string", required: true },
      year: { type: "string", required: true },
      typeCode: { type: "string", required: true },
      value: { type: "number", required: true, default: 0 },
    },
    indexes: {
      byKey: {
        pk: { field: "pk", composite: ["issuerId", "year", "typeCode"] },
        sk: { field: "sk", composite: [] },
      },
    },
  });

  /** Sổ đăng ký văn bản đi: one entry per issued number, written with the issuance. */
  const registerEntry = new Entity({
    model: { entity: "registerEntry", version: "1", service },
    attributes: {
      communeId: { type: "string", required: true },
      year: { type: "string", required: true },
      typeCode: { type: "string", required: true },
      number: { type: "number", required: true },
      symbol: { type: "string", required: true },
      issuedDate: { type: "string", required: true },
      subject: { type: "string", required: true },
      signer: { type: "string", required: true },
      planId: { type: "string", required: true },
    },
    indexes: {
      byNumber: {
        pk: { field: "pk", composite: ["communeId", "year"] },
        sk: { field: "sk", composite: ["typeCode", "number"] },
      },
    },
  });

  const audit = new Entity({
    model: { entity: "audit", version: "1", service },
    attributes: {
      planId: { type: "string", required: true },
      at: { type: "string", required: true },
      auditId: { type: "string", required: true },
      communeId: { type: "string", required: true },
      actor: { type: "string", required: true },
      actorName: { type: "string" },
      action: { type: "string", required: true },
      fromStatus: { type: "string" },
      toStatus: { type: "string" },
      version: { type: "number" },
      note: { type: "string" },
      changes: { type: "any" },
    },
    indexes: {
      byPlan: {
        pk: { field: "pk", composite: ["planId"] },
        sk: { field: "sk", composite: ["at", "auditId"] },
      },
    },
  });

  return { unit, lineage, scope, user, session, loginThrottle, plan, counter, registerEntry, audit };
}

type Entities = ReturnType<typeof schemas>;
let cached: { db: Entities; service: Service<Entities>; table: string; client: unknown } | undefined;

/** The ElectroDB entities bound to the current client and table. */
export function db(): Entities {
  return bound().db;
}

/** For transactions across entities. */
export function dbService(): Service<Entities> {
  return bound().service;
}

function bound() {
  const table = tableName();
  const client = dynamo();
  if (cached && cached.table === table && cached.client === client) return cached;
  const entities = schemas();
  const svc = new Service(entities, { client, table });
  cached = { db: svc.entities as unknown as Entities, service: svc, table, client };
  return cached;
}
