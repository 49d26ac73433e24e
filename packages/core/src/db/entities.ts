import { Entity, Service } from "electrodb";
import { COMMENT_KINDS, REQUEST_STATES } from "../board/schema";
import { NOTIFICATION_KINDS } from "../notifications";
import { dynamo, tableName } from "./client";
import { shardAttribute } from "./shard";

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
      /** Lineage: the unit this one's past counts under (a merge's result, a split's first part). */
      successorId: { type: "string" },
      predecessorIds: { type: "list", items: { type: "string" } },
      shard: shardAttribute("unitId"),
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
        pk: { field: "gsi2pk", composite: ["shard"] },
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
      shard: shardAttribute("eventId"),
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["eventId"] }, sk: { field: "sk", composite: [] } },
      all: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["shard"] },
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
      shard: shardAttribute("scopeId"),
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
        pk: { field: "gsi2pk", composite: ["shard"] },
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
      /** For commune staff: the office of the commune they work in (unit/offices.ts). */
      officeId: { type: "string" },
      passwordHash: { type: "string", required: true },
      disabled: { type: "boolean", default: false },
      createdAt: { type: "string", required: true },
      passwordChangedAt: { type: "string" },
      /**
       * Overseers: the scopes of their body as of the last scope change ({scopeId, validFrom,
       * unitIds}), kept here by putScope so a request resolves its reader in one read.
       */
      grants: { type: "any" },
      shard: shardAttribute("username"),
    },
    indexes: {
      byUsername: { pk: { field: "pk", composite: ["username"] }, sk: { field: "sk", composite: [] } },
      /** The accounts of a unit (who to notify in a commune); admins have no unit and no entry. */
      byUnit: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["unitId"] },
        sk: { field: "gsi1sk", composite: ["username"] },
      },
      all: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["shard"] },
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
      /**
       * What the actor needs of the account (name, role, unit, office, an overseer's grants), copied
       * at sign-in and kept current by every change to them (auth/index.ts), so that a request reads
       * the session alone. A change that must revoke (disable, role, unit, password) deletes it.
       */
      user: { type: "any" },
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

  /**
   * Sign-in attempts counted per account and per client address, shared by every process and
   * Lambda instance; the next attempt's delay grows with the count (auth/throttle.ts). Expires
   * through the table TTL; gsi2 lists the recent ones for the admin, newest first.
   */
  const loginThrottle = new Entity({
    model: { entity: "loginThrottle", version: "2", service },
    attributes: {
      kind: { type: ["account", "address"] as const, required: true },
      subject: { type: "string", required: true },
      failures: { type: "number", required: true, default: 0 },
      /** Epoch seconds of the last counted attempt. */
      lastFailureAt: { type: "number", required: true },
      expiresAt: { type: "number", required: true },
      shard: shardAttribute("subject"),
    },
    indexes: {
      byKey: { pk: { field: "pk", composite: ["kind", "subject"] }, sk: { field: "sk", composite: [] } },
      recent: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["shard"] },
        sk: { field: "gsi2sk", composite: ["lastFailureAt", "kind", "subject"] },
      },
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
      /** The first plan of an amendment chain: the plan's tasks live under it, carried over by id. */
      seriesId: { type: "string" },
      /** Set by the issuing transaction when the tasks did not fit in it; cleared when all exist. */
      tasksPending: { type: "boolean" },
      tasksTotal: { type: "number" },
      tasksDone: { type: "number" },
      tasksDoneLate: { type: "number" },
      tasksCancelled: { type: "number" },
      /** taskId → due date of each open task that can lapse, so a list shows overdue counts of today. */
      openDue: { type: "any" },
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
      /** A commune's plans in one status, newest first: the status filter is a key, not a scan. */
      byCommuneStatus: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["communeId", "status"] },
        sk: { field: "gsi2sk", composite: ["createdAt", "planId"] },
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

  /**
   * A tracked task of an issued plan. Keys give each screen one bounded query:
   * a plan's tasks (by series), a commune's open / overdue / done tasks ordered by due date,
   * an office's tasks (by lead office) in the same order.
   */
  const task = new Entity({
    model: { entity: "task", version: "1", service },
    attributes: {
      seriesId: { type: "string", required: true },
      taskId: { type: "string", required: true },
      planId: { type: "string", required: true },
      communeId: { type: "string", required: true },
      planSubject: { type: "string", required: true },
      planSymbol: { type: "string" },
      assignmentUnit: { type: "string", required: true },
      assignmentOfficeId: { type: "string" },
      leadUnit: { type: "string" },
      /** "-" when the lead is not one of the commune's offices. */
      leadOfficeId: { type: "string", required: true, default: "-" },
      partnerUnits: { type: "list", items: { type: "string" }, required: true },
      partnerOfficeIds: { type: "list", items: { type: "string" }, required: true },
      kind: { type: ["giao", "de_nghi"] as const, required: true },
      description: { type: "string", required: true },
      deadline: { type: "string" },
      deadlineDaysFromEvent: { type: "number" },
      state: { type: ["open", "done", "cancelled"] as const, required: true },
      /** The due date that can lapse, or 9999-12-31 (no deadline, or a đề nghị request). */
      dueKey: { type: "string", required: true },
      progress: { type: "number", required: true },
      completedOn: { type: "string" },
      lastNote: { type: "string" },
      evidence: { type: "any" },
      version: { type: "number", required: true },
      createdAt: { type: "string", required: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      bySeries: {
        pk: { field: "pk", composite: ["seriesId"] },
        sk: { field: "sk", composite: ["taskId"] },
      },
      byCommune: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["communeId"] },
        sk: { field: "gsi1sk", composite: ["state", "dueKey", "seriesId", "taskId"] },
      },
      byOffice: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["communeId", "leadOfficeId"] },
        sk: { field: "gsi2sk", composite: ["state", "dueKey", "seriesId", "taskId"] },
      },
    },
  });

  /** A notice to one account: a task due soon or newly overdue. The id makes a day's notice unique. */
  const notification = new Entity({
    model: { entity: "notification", version: "1", service },
    attributes: {
      username: { type: "string", required: true },
      notificationId: { type: "string", required: true },
      day: { type: "string", required: true },
      kind: { type: NOTIFICATION_KINDS, required: true },
      communeId: { type: "string", required: true },
      /** A task's notice (a reminder, or a comment on a task); a plan's comments have none. */
      seriesId: { type: "string" },
      taskId: { type: "string" },
      planId: { type: "string", required: true },
      description: { type: "string", required: true },
      /** Reminders: the task's due date. */
      deadline: { type: "string" },
      /** Comment notices: the comment, who wrote it, the plan's subject or the task's description. */
      commentId: { type: "string" },
      actorName: { type: "string" },
      subjectTitle: { type: "string" },
      read: { type: "boolean", required: true, default: false },
      createdAt: { type: "string", required: true },
      expiresAt: { type: "number", required: true },
    },
    indexes: {
      byUser: {
        pk: { field: "pk", composite: ["username"] },
        sk: { field: "sk", composite: ["day", "notificationId"] },
      },
    },
  });

  /** A commune's iCalendar feed: only the SHA-256 of its secret URL token is stored. */
  const calendarFeed = new Entity({
    model: { entity: "calendarFeed", version: "1", service },
    attributes: {
      communeId: { type: "string", required: true },
      tokenHash: { type: "string", required: true },
      createdBy: { type: "string", required: true },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byCommune: { pk: { field: "pk", composite: ["communeId"] }, sk: { field: "sk", composite: [] } },
    },
  });

  /**
   * One commune's running totals, written in the same transaction as every plan and task change
   * (write.ts), so the overseer board reads one item per commune instead of counting.
   */
  const communeSummary = new Entity({
    model: { entity: "communeSummary", version: "1", service },
    attributes: {
      communeId: { type: "string", required: true },
      plans_draft: { type: "number" },
      plans_submitted: { type: "number" },
      plans_approved: { type: "number" },
      plans_issued: { type: "number" },
      plans_in_progress: { type: "number" },
      plans_completed: { type: "number" },
      plans_cancelled: { type: "number" },
      tasks_total: { type: "number" },
      tasks_done: { type: "number" },
      tasks_done_late: { type: "number" },
      tasks_cancelled: { type: "number" },
      /** Plans whose issuing left a task step to finish (see plan.tasksPending). */
      pendingTaskPlans: { type: "set", items: "string" },
      requests_open: { type: "number" },
      lastActivityAt: { type: "string" },
    },
    indexes: {
      byCommune: { pk: { field: "pk", composite: ["communeId"] }, sk: { field: "sk", composite: [] } },
    },
  });

  /**
   * A commune's place in the boards: the scopes that list it, its successor after a merge, and
   * the rows (scope, row commune) its changes are added to. The write path reads it and checks its
   * `rev` in the same transaction, so a change of scopes never loses or doubles a count.
   */
  const membership = new Entity({
    model: { entity: "membership", version: "1", service },
    attributes: {
      communeId: { type: "string", required: true },
      name: { type: "string", required: true },
      /** Today's province the commune's figures count under (after province merges). */
      provinceId: { type: "string", required: true },
      scopeIds: { type: "list", items: { type: "string" }, required: true, default: () => [] },
      successorId: { type: "string" },
      predecessorIds: { type: "list", items: { type: "string" }, required: true, default: () => [] },
      /** "<scopeKey>|<rowId>" of every board row the commune's figures are added to. */
      targets: { type: "list", items: { type: "string" }, required: true, default: () => [] },
      rev: { type: "number", required: true, default: 0 },
    },
    indexes: {
      byCommune: { pk: { field: "pk", composite: ["communeId"] }, sk: { field: "sk", composite: [] } },
    },
  });

  /**
   * A board row: the running totals of one commune (with the past of the communes merged into it)
   * as one scope sees them; or, under "total:<provinceId>", a province's totals for the national
   * view. Counters are the commune summary's (write.ts), added in the same transaction.
   */
  const boardRow = new Entity({
    model: { entity: "boardRow", version: "1", service },
    attributes: {
      scopeKey: { type: "string", required: true },
      rowId: { type: "string", required: true },
      name: { type: "string" },
      contributors: { type: "set", items: "string" },
    },
    indexes: {
      byScope: { pk: { field: "pk", composite: ["scopeKey"] }, sk: { field: "sk", composite: ["rowId"] } },
    },
  });

  /** A chase-up letter (công văn đôn đốc) an overseeing body issued: its number and its content. */
  const letter = new Entity({
    model: { entity: "letter", version: "1", service },
    attributes: {
      letterId: { type: "string", required: true },
      overseerUnitId: { type: "string", required: true },
      scopeId: { type: "string", required: true },
      year: { type: "string", required: true },
      number: { type: "number", required: true },
      symbol: { type: "string", required: true },
      issuedDate: { type: "string", required: true },
      communeIds: { type: "list", items: { type: "string" }, required: true },
      /** The letter as rendered (documents/letter-docx ChaseLetter). */
      content: { type: "any", required: true },
      createdBy: { type: "string", required: true },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["letterId"] }, sk: { field: "sk", composite: [] } },
      byOverseer: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["overseerUnitId"] },
        sk: { field: "gsi1sk", composite: ["createdAt", "letterId"] },
      },
    },
  });

  /**
   * A comment (góp ý), a revision request (yêu cầu chỉnh sửa) or an answer on a plan or a task,
   * under its subject: the plan's id, or `<seriesId>/<taskId>` for a task (write.ts auditKey). The
   * id begins with the time (board/schema.ts COMMENT_ID), so a subject's comments sort by time.
   * gsi1 holds revision requests only (sparse): a commune's open — or resolved — requests.
   */
  const comment = new Entity({
    model: { entity: "comment", version: "1", service },
    attributes: {
      subjectKey: { type: "string", required: true },
      commentId: { type: "string", required: true },
      at: { type: "string", required: true },
      communeId: { type: "string", required: true },
      planId: { type: "string", required: true },
      seriesId: { type: "string" },
      taskId: { type: "string" },
      /** The plan's subject or the task's description when the thread was written. */
      subjectTitle: { type: "string", required: true },
      kind: { type: COMMENT_KINDS, required: true },
      /** Revision requests: open | resolved; "-" for a comment (it has no state). */
      state: { type: [...REQUEST_STATES, "-"] as const, required: true },
      body: { type: "string", required: true },
      authorUsername: { type: "string", required: true },
      authorName: { type: "string", required: true },
      authorRole: { type: "string", required: true },
      /** The thread's first comment: answers are flat under it. */
      replyTo: { type: "string" },
      resolvedBy: { type: "string" },
      resolvedByName: { type: "string" },
      resolvedAt: { type: "string" },
      resolution: { type: "string" },
    },
    indexes: {
      bySubject: {
        pk: { field: "pk", composite: ["subjectKey"] },
        sk: { field: "sk", composite: ["commentId"] },
      },
      byCommuneState: {
        index: "gsi1",
        condition: (a: { state?: string }) => a.state === "open" || a.state === "resolved",
        pk: { field: "gsi1pk", composite: ["communeId", "state"] },
        sk: { field: "gsi1sk", composite: ["commentId"] },
      },
    },
  });

  /**
   * A commune's periodic report for a period (report/index.ts): the one BC drafted or issued for
   * (commune, period), created in the draft's own transaction so two requests make one report; and
   * the period's submission as the board counted it (set once, by the first issue).
   */
  const periodReport = new Entity({
    model: { entity: "periodReport", version: "1", service },
    attributes: {
      communeId: { type: "string", required: true },
      /** report/period.ts key: "2026-Q1", "2026-H1", "2026-Q3", "2026". */
      period: { type: "string", required: true },
      planId: { type: "string", required: true },
      countedPlanId: { type: "string" },
      countedAs: { type: ["on_time", "late"] as const },
      countedOn: { type: "string" },
      createdAt: { type: "string", required: true },
    },
    indexes: {
      byCommune: {
        pk: { field: "pk", composite: ["communeId"] },
        sk: { field: "sk", composite: ["period"] },
      },
    },
  });

  /**
   * A scheduled export of a unit (a commune's report or task list, a scope's roll-up). The `due`
   * index is the dispatcher's work list: per shard, ordered by the next run, so a run reads only
   * the schedules due now; a disabled schedule's next run is NEVER and is never read.
   */
  const exportSchedule = new Entity({
    model: { entity: "exportSchedule", version: "1", service },
    attributes: {
      scheduleId: { type: "string", required: true },
      unitKind: { type: ["commune", "scope"] as const, required: true },
      unitId: { type: "string", required: true },
      kind: { type: ["report", "rollup", "tasks"] as const, required: true },
      name: { type: "string" },
      periodRule: { type: ["next_due", "last_due", "run_day"] as const, required: true },
      periodKinds: { type: "list", items: { type: "string" }, required: true },
      formats: { type: "list", items: { type: "string" }, required: true },
      cron: { type: "string", required: true },
      enabled: { type: "boolean", required: true },
      /** ISO instant of the next run (UTC), or NEVER while disabled. */
      nextRunAt: { type: "string", required: true },
      lastRunAt: { type: "string" },
      lastExportId: { type: "string" },
      version: { type: "number", required: true },
      createdBy: { type: "string", required: true },
      createdAt: { type: "string", required: true },
      updatedAt: { type: "string", required: true },
      shard: shardAttribute("scheduleId"),
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["scheduleId"] }, sk: { field: "sk", composite: [] } },
      byUnit: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["unitKind", "unitId"] },
        sk: { field: "gsi1sk", composite: ["createdAt", "scheduleId"] },
      },
      due: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["shard"] },
        sk: { field: "gsi2sk", composite: ["nextRunAt", "scheduleId"] },
      },
    },
  });

  /** A unit's export settings: how many days its exports are kept. */
  const exportSettings = new Entity({
    model: { entity: "exportSettings", version: "1", service },
    attributes: {
      unitKind: { type: ["commune", "scope"] as const, required: true },
      unitId: { type: "string", required: true },
      retentionDays: { type: "number", required: true },
      updatedBy: { type: "string", required: true },
      updatedAt: { type: "string", required: true },
    },
    indexes: {
      byUnit: { pk: { field: "pk", composite: ["unitKind", "unitId"] }, sk: { field: "sk", composite: [] } },
    },
  });

  /**
   * One export: of a schedule for one period (id `<scheduleId>_<runKey>`, created only if absent,
   * so a period is exported once) or asked for now. The `sweep` index finds the work left: while
   * `open`, by the time its lease lapses (a run stopped half-way is taken over); once `kept`, by
   * the day its files expire (the retention sweep). Not `expiresAt`: the table's TTL would drop
   * the item and leave its files behind.
   */
  const exportRun = new Entity({
    model: { entity: "exportRun", version: "1", service },
    attributes: {
      exportId: { type: "string", required: true },
      unitKind: { type: ["commune", "scope"] as const, required: true },
      unitId: { type: "string", required: true },
      kind: { type: ["report", "rollup", "tasks"] as const, required: true },
      /** What makes a run unique within its schedule: the period key, or the day (run_day). */
      runKey: { type: "string", required: true },
      /** The reporting period the content covers. */
      periodKey: { type: "string", required: true },
      formats: { type: "list", items: { type: "string" }, required: true },
      scheduleId: { type: "string" },
      status: { type: ["queued", "running", "succeeded", "failed"] as const, required: true },
      progressDone: { type: "number", required: true, default: 0 },
      progressTotal: { type: "number", required: true, default: 0 },
      /** { vi, en } shown to the user when the run failed. */
      error: { type: "any" },
      /** [{ name, key, contentType, size }] once succeeded. */
      files: { type: "any" },
      requestedBy: { type: "string", required: true },
      createdAt: { type: "string", required: true },
      startedAt: { type: "string" },
      finishedAt: { type: "string" },
      runningUntil: { type: "string" },
      leaseOwner: { type: "string" },
      attempts: { type: "number", required: true, default: 0 },
      keepUntil: { type: "string" },
      phase: { type: ["open", "kept"] as const, required: true },
      /** open: when the lease lapses (or when it was queued); kept: keepUntil. */
      dueAt: { type: "string", required: true },
      shard: shardAttribute("exportId"),
    },
    indexes: {
      byId: { pk: { field: "pk", composite: ["exportId"] }, sk: { field: "sk", composite: [] } },
      byUnit: {
        index: "gsi1",
        pk: { field: "gsi1pk", composite: ["unitKind", "unitId"] },
        sk: { field: "gsi1sk", composite: ["createdAt", "exportId"] },
      },
      sweep: {
        index: "gsi2",
        pk: { field: "gsi2pk", composite: ["shard"] },
        sk: { field: "gsi2sk", composite: ["phase", "dueAt", "exportId"] },
      },
    },
  });

  return {
    unit,
    lineage,
    scope,
    user,
    session,
    loginThrottle,
    plan,
    counter,
    registerEntry,
    audit,
    task,
    notification,
    calendarFeed,
    communeSummary,
    membership,
    boardRow,
    letter,
    comment,
    periodReport,
    exportSchedule,
    exportSettings,
    exportRun,
  };
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
