import { ApiError } from "@kehoach/client/api";
import { checkContent } from "@kehoach/client/documents";
import { useCreatePlan } from "@kehoach/client/plans";
import {
  type CitedDocument,
  DOCUMENT_TYPES,
  type EventDetails,
  formatSymbol,
  type PlanContentInput,
  type SectionItem,
  SIGNER_AUTHORITIES,
  type Task,
} from "@kehoach/core/plan/schema";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { formatDate, formatVnd } from "../../../lib/format";
import { FindingsList } from "../../checker/components/findings-list";
import type { Finding, FindingPath } from "../../checker/lib/types";
import { lowCount } from "../lib/confidence";
import { bilingualHalf, useImportI18n } from "../lib/i18n";
import type { ImportOrigin, ImportResponse } from "../lib/types";
import { fieldDomId, ReviewField } from "./review-field";

type Props = {
  communeId: string;
  result: ImportResponse;
  origin: ImportOrigin;
  onRestart: () => void;
};

type Draft = PlanContentInput;
type Signer = Draft["signer"];
type Event = NonNullable<Draft["event"]>;

/** The value, or undefined for an empty optional field (the schema has no empty strings). */
const opt = (s: string) => (s.trim() === "" ? undefined : s);

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/**
 * The draft read from the document, field by field with the importer's confidence, beside the
 * original text; the main fields can be corrected; the checker runs again on every change.
 * "Lưu thành dự thảo" creates the plan (the only write) and opens it.
 */
export function ImportReview({ communeId, result, origin, onRestart }: Props) {
  const { it, lang, pick } = useImportI18n();
  const id = useId();
  const navigate = useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<Draft>(result.draft);
  const create = useCreatePlan();
  const conf = result.confidence;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // The checker again on the corrected draft (nothing saved); the import's own findings until then.
  const checked = useDebounced(draft, 500);
  const edited = checked !== result.draft;
  const recheck = useQuery({
    queryKey: ["import-check", checked],
    queryFn: () => checkContent(checked) as Promise<Finding[]>,
    enabled: edited,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const findings: Finding[] = (edited ? recheck.data : undefined) ?? result.findings;

  const issue = (path: string) => {
    if (!(create.error instanceof ApiError)) return undefined;
    const found = create.error.issues.find((i) => {
      const p = i.path[0] === "content" ? i.path.slice(1) : i.path;
      return p.join(".") === path;
    });
    return found ? pick(found.message) : undefined;
  };

  const setSigner = (patch: Partial<Signer>) =>
    setDraft((d) => ({ ...d, signer: { ...d.signer, ...patch } }));
  const setEvent = (patch: Partial<Event>) =>
    setDraft((d) => ({ ...d, event: { ...(d.event ?? {}), ...patch } as Event }));

  const save = () => {
    const source = {
      kind: origin.kind,
      ...(origin.filename ? { filename: origin.filename } : {}),
      text: result.originalText,
    };
    create.mutate(
      { communeId, content: { ...draft, source } },
      { onSuccess: (p) => void navigate({ to: "/plans/$planId", params: { planId: p.id } }) },
    );
  };

  /** A finding's field: the closest reviewed field on the page; its control gets the focus. */
  const goTo = (path: FindingPath) => {
    for (let n = path.length; n > 0; n--) {
      const el = document.getElementById(fieldDomId(path.slice(0, n).join(".")));
      if (!el) continue;
      const control = el.querySelector<HTMLElement>("input, textarea, select");
      el.scrollIntoView({ block: "center", behavior: "smooth" });
      (control ?? el).focus({ preventScroll: true });
      el.classList.remove("is-flash");
      void el.offsetWidth;
      el.classList.add("is-flash");
      return;
    }
  };

  const lows = lowCount(conf);
  const basis = (draft.basis ?? []) as CitedDocument[];
  const sections = (draft.sections ?? []) as SectionItem[];
  const assignments = draft.assignments ?? [];
  const event = draft.event as Partial<EventDetails> | undefined;

  return (
    <div className="import-review">
      <div className="review-intro">
        <h2 className="review-title" ref={headingRef} tabIndex={-1}>
          {it("review.title")}
        </h2>
        <p className="muted">{it("review.intro")}</p>
        <p className="review-meta">
          <span>
            {origin.filename ? it("review.from.file", { name: origin.filename }) : it("review.from.text")}
          </span>
          {lows ? (
            <span className="conf conf-low">
              <span aria-hidden="true">!</span> {it("review.lowCount", { count: lows })}
            </span>
          ) : null}
        </p>
      </div>

      <div className="review-layout">
        <div className="review-draft">
          <section className="card" aria-labelledby={`${id}-findings`}>
            <h3 className="card-title" id={`${id}-findings`}>
              {it("review.findings")}
              {edited && recheck.isFetching ? (
                <span className="muted review-rechecking" role="status">
                  {" "}
                  …
                </span>
              ) : null}
            </h3>
            <FindingsList findings={findings} onSelect={goTo} headingLevel={4} />
          </section>

          {result.warnings.length ? (
            <section className="card review-warnings" aria-labelledby={`${id}-warnings`}>
              <h3 className="card-title" id={`${id}-warnings`}>
                {it("review.warnings")}
              </h3>
              <ul className="plain-list">
                {result.warnings.map((w) => (
                  <li key={w}>{bilingualHalf(w, lang)}</li>
                ))}
              </ul>
            </section>
          ) : null}

          <section className="card review-group" aria-labelledby={`${id}-header`}>
            <h3 className="card-title" id={`${id}-header`}>
              {it("group.header")}
            </h3>
            <ReviewField path="issuer.name" label={it("f.issuer")} confidence={conf}>
              {draft.issuer.name || <NotFound />}
              {draft.issuer.headerLines?.length ? (
                <span className="review-sub"> ({draft.issuer.headerLines.join(" / ")})</span>
              ) : null}
            </ReviewField>
            {draft.issuer.superior ? (
              <ReviewField path="issuer.superior" label={it("f.superior")} confidence={conf}>
                {draft.issuer.superior}
              </ReviewField>
            ) : null}
            <ReviewField path="documentNumber.symbol" label={it("f.number")} confidence={conf}>
              {formatSymbol(draft.documentNumber ?? {}) ?? <NotFound />}
            </ReviewField>
            <div className="review-row">
              <ReviewField
                path="place"
                label={it("f.place")}
                confidence={conf}
                htmlFor={`${id}-place`}
                error={issue("place")}
              >
                <input
                  id={`${id}-place`}
                  value={draft.place}
                  onChange={(e) => setDraft((d) => ({ ...d, place: e.target.value }))}
                />
              </ReviewField>
              <ReviewField
                path="date"
                label={it("f.date")}
                confidence={conf}
                htmlFor={`${id}-date`}
                error={issue("date")}
              >
                <input
                  id={`${id}-date`}
                  type="date"
                  value={draft.date ?? ""}
                  aria-describedby={`${id}-date-hint`}
                  onChange={(e) => setDraft((d) => ({ ...d, date: opt(e.target.value) }))}
                />
                {draft.date ? null : (
                  <span className="field-hint" id={`${id}-date-hint`}>
                    {it("review.noDate")}
                  </span>
                )}
              </ReviewField>
            </div>
            <ReviewField path="type" label={it("f.type")} confidence={conf}>
              {draft.type ? `${DOCUMENT_TYPES[draft.type]} (${draft.type})` : <NotFound />}
            </ReviewField>
            <ReviewField
              path="subject"
              label={it("f.subject")}
              confidence={conf}
              htmlFor={`${id}-subject`}
              error={issue("subject")}
            >
              <textarea
                id={`${id}-subject`}
                rows={2}
                value={draft.subject}
                onChange={(e) => setDraft((d) => ({ ...d, subject: e.target.value }))}
              />
            </ReviewField>
            {draft.category || draft.period ? (
              <ReviewField path="category" label={it("f.category")} confidence={conf}>
                {[draft.category, draft.period].filter(Boolean).join(" · ")}
              </ReviewField>
            ) : null}
          </section>

          <section className="card review-group" aria-labelledby={`${id}-basis`}>
            <h3 className="card-title" id={`${id}-basis`}>
              {it("group.basis")}
            </h3>
            {basis.length === 0 ? <p className="empty">{it("f.basis.none")}</p> : null}
            {basis.map((b, i) => (
              <ReviewField
                key={`${b.symbol ?? ""}-${b.date ?? ""}-${b.subject ?? ""}`}
                path={`basis.${i}`}
                label={it("f.basis.item", { n: i + 1 })}
                confidence={conf}
              >
                <span className="review-citation">
                  {b.type}
                  {b.symbol ? (
                    <>
                      {" "}
                      <strong>{b.symbol}</strong>
                    </>
                  ) : null}
                  {b.date ? <> · {formatDate(b.date)}</> : null}
                  {b.issuer ? <> · {b.issuer}</> : null}
                </span>
                {b.subject ? <span className="review-sub">{b.subject}</span> : null}
                <span className="review-part-conf">
                  <PartConf label={it("f.number")} path={`basis.${i}.symbol`} conf={conf} />
                  <PartConf label={it("f.date")} path={`basis.${i}.date`} conf={conf} />
                  <PartConf label={it("f.issuer")} path={`basis.${i}.issuer`} conf={conf} />
                  <PartConf label={it("f.subject")} path={`basis.${i}.subject`} conf={conf} />
                </span>
              </ReviewField>
            ))}
          </section>

          <section className="card review-group" aria-labelledby={`${id}-content`}>
            <h3 className="card-title" id={`${id}-content`}>
              {it("group.content")}
            </h3>
            {draft.preamble?.length ? (
              <ReviewField path="preamble" label={it("f.preamble")} confidence={conf}>
                {draft.preamble.map((p) => (
                  <p key={p} className="review-para">
                    {p}
                  </p>
                ))}
              </ReviewField>
            ) : null}
            <ReviewField path="sections" label={it("f.sections")} confidence={conf}>
              {sections.length ? <Outline items={sections} depth={0} /> : <NotFound />}
            </ReviewField>
          </section>

          {event ? (
            <section className="card review-group" aria-labelledby={`${id}-event`}>
              <h3 className="card-title" id={`${id}-event`}>
                {it("group.event")}
              </h3>
              {event.name ? (
                <ReviewField path="event.name" label={it("f.event.name")} confidence={conf}>
                  {event.name}
                </ReviewField>
              ) : null}
              <div className="review-row">
                <ReviewField
                  path="event.date"
                  label={it("f.event.date")}
                  confidence={conf}
                  htmlFor={`${id}-event-date`}
                  error={issue("event.date")}
                >
                  <input
                    id={`${id}-event-date`}
                    type="date"
                    value={event.date ?? ""}
                    onChange={(e) => setEvent({ date: opt(e.target.value) })}
                  />
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={Boolean(event.dateTentative)}
                      onChange={(e) => setEvent({ dateTentative: e.target.checked })}
                    />{" "}
                    {it("f.event.tentative")}
                  </label>
                </ReviewField>
                {event.duration || event.time ? (
                  <ReviewField path="event.duration" label={it("f.event.duration")} confidence={conf}>
                    {[event.duration, event.time].filter(Boolean).join(" · ")}
                  </ReviewField>
                ) : null}
              </div>
              <ReviewField
                path="event.venue"
                label={it("f.event.venue")}
                confidence={conf}
                htmlFor={`${id}-venue`}
                error={issue("event.venue")}
              >
                <input
                  id={`${id}-venue`}
                  value={event.venue ?? ""}
                  onChange={(e) => setEvent({ venue: opt(e.target.value) })}
                />
              </ReviewField>
              {event.attendeeCount !== undefined ? (
                <ReviewField path="event.attendeeCount" label={it("f.event.attendees")} confidence={conf}>
                  {event.attendeeCountApproximate
                    ? it("f.event.approx", { count: event.attendeeCount })
                    : event.attendeeCount}
                </ReviewField>
              ) : null}
              {event.attendeeGroups?.length ? (
                <ReviewField path="event.attendeeGroups" label={it("f.event.groups")} confidence={conf}>
                  <ul className="plain-list">
                    {event.attendeeGroups.map((g) => (
                      <li key={g.name}>
                        {g.name}
                        {g.count !== undefined ? ` (${g.count})` : ""}
                      </li>
                    ))}
                  </ul>
                </ReviewField>
              ) : null}
              {event.fundingSource || event.budgetAmount !== undefined ? (
                <ReviewField path="event.fundingSource" label={it("f.event.funding")} confidence={conf}>
                  {[
                    event.fundingSource,
                    event.budgetAmount !== undefined ? formatVnd(event.budgetAmount) : "",
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </ReviewField>
              ) : null}
            </section>
          ) : null}

          <section className="card review-group" aria-labelledby={`${id}-assignments`}>
            <h3 className="card-title" id={`${id}-assignments`}>
              {it("group.assignments")}
            </h3>
            {assignments.length === 0 ? <p className="empty">{it("f.assignments.none")}</p> : null}
            <ol className="review-assignments">
              {assignments.map((a, i) => (
                <li key={a.id}>
                  <ReviewField
                    path={`assignments.${i}.unit`}
                    label={`${a.label ? `${a.label}. ` : ""}${it("f.unit")}`}
                    confidence={conf}
                  >
                    <span>
                      <strong className="review-unit">{a.unit}</strong>{" "}
                      <span className="muted">· {it("review.tasks", { count: a.tasks?.length ?? 0 })}</span>
                    </span>
                  </ReviewField>
                  <ul className="review-tasks" id={fieldDomId(`assignments.${i}.tasks`)}>
                    {(a.tasks ?? []).map((t) => (
                      <TaskLine key={t.id} task={t as Task} />
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </section>

          <section className="card review-group" aria-labelledby={`${id}-end`}>
            <h3 className="card-title" id={`${id}-end`}>
              {it("group.end")}
            </h3>
            {draft.closing?.length ? (
              <ReviewField path="closing" label={it("f.closing")} confidence={conf}>
                {draft.closing.map((p) => (
                  <p key={p} className="review-para">
                    {p}
                  </p>
                ))}
              </ReviewField>
            ) : null}
            <ReviewField
              path="recipients"
              label={it("f.recipients")}
              confidence={conf}
              htmlFor={`${id}-recipients`}
              error={issue("recipients")}
            >
              <RecipientsInput
                id={`${id}-recipients`}
                hintId={`${id}-recipients-hint`}
                value={draft.recipients ?? []}
                onChange={(recipients) => setDraft((d) => ({ ...d, recipients }))}
              />
              <span className="field-hint" id={`${id}-recipients-hint`}>
                {it("f.recipients.hint")}
              </span>
            </ReviewField>
            <div className="review-row">
              <ReviewField
                path="signer.authority"
                label={it("f.signer.authority")}
                confidence={conf}
                htmlFor={`${id}-authority`}
                error={issue("signer.authority")}
              >
                <select
                  id={`${id}-authority`}
                  value={draft.signer.authority ?? ""}
                  onChange={(e) =>
                    setSigner({ authority: (opt(e.target.value) as Signer["authority"]) ?? undefined })
                  }
                >
                  <option value="">{it("f.signer.authorityNone")}</option>
                  {SIGNER_AUTHORITIES.map((a) => (
                    <option key={a} value={a}>
                      {a}
                    </option>
                  ))}
                </select>
              </ReviewField>
              <ReviewField
                path="signer.onBehalfOf"
                label={it("f.signer.onBehalfOf")}
                confidence={conf}
                htmlFor={`${id}-behalf`}
                error={issue("signer.onBehalfOf")}
              >
                <input
                  id={`${id}-behalf`}
                  value={draft.signer.onBehalfOf ?? ""}
                  onChange={(e) => setSigner({ onBehalfOf: opt(e.target.value) })}
                />
              </ReviewField>
            </div>
            <div className="review-row">
              <ReviewField
                path="signer.title"
                label={it("f.signer.title")}
                confidence={conf}
                htmlFor={`${id}-title`}
                error={issue("signer.title")}
              >
                <input
                  id={`${id}-title`}
                  value={draft.signer.title}
                  onChange={(e) => setSigner({ title: e.target.value })}
                />
              </ReviewField>
              <ReviewField
                path="signer.name"
                label={it("f.signer.name")}
                confidence={conf}
                htmlFor={`${id}-name`}
                error={issue("signer.name")}
              >
                <input
                  id={`${id}-name`}
                  value={draft.signer.name}
                  onChange={(e) => setSigner({ name: e.target.value })}
                />
              </ReviewField>
            </div>
          </section>
        </div>

        <div className="review-original">
          <h3 className="card-title" id={`${id}-original`}>
            {it("review.original")}
          </h3>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section className="original-text" tabIndex={0} aria-labelledby={`${id}-original`}>
            <pre>{result.originalText}</pre>
          </section>
        </div>
      </div>

      <div className="review-actions">
        {create.error ? (
          <div className="review-save-error">
            <ErrorAlert error={create.error} />
          </div>
        ) : null}
        <p className="muted review-not-saved">{it("review.notSaved")}</p>
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={save} disabled={create.isPending}>
            {create.isPending ? it("review.saving") : it("review.save")}
          </button>
          <button type="button" className="btn" onClick={onRestart} disabled={create.isPending}>
            {it("review.restart")}
          </button>
        </div>
      </div>
    </div>
  );
}

function NotFound() {
  const { it } = useImportI18n();
  return <span className="review-missing">{it("review.notFound")}</span>;
}

/** A part of a cited document with a doubtful reading gets its own small badge. */
function PartConf({ label, path, conf }: { label: string; path: string; conf: Record<string, number> }) {
  const { it } = useImportI18n();
  const c = conf[path];
  if (c === undefined || c >= 0.6) return null;
  return (
    <span className="conf conf-low" title={it("conf.title", { pct: Math.round(c * 100) })}>
      <span aria-hidden="true">!</span> {label}: {it("conf.low")}
    </span>
  );
}

function Outline({ items, depth }: { items: SectionItem[]; depth: number }) {
  const { it } = useImportI18n();
  return (
    <ul className={`review-outline depth-${depth}`}>
      {items.map((s) => {
        const first = s.paragraphs[0];
        const head = s.heading ?? (first ? (first.length > 90 ? `${first.slice(0, 90)}…` : first) : "");
        return (
          <li key={s.id}>
            {s.label ? <span className="outline-label">{s.label}.</span> : null} {head}
            {s.paragraphs.length > (s.heading ? 0 : 1) ? (
              <span className="muted"> · {it("review.paragraphs", { count: s.paragraphs.length })}</span>
            ) : null}
            {s.children.length && depth < 2 ? <Outline items={s.children} depth={depth + 1} /> : null}
            {s.children.length && depth >= 2 ? (
              <span className="muted"> · {it("review.items", { count: s.children.length })}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function TaskLine({ task }: { task: Task }) {
  const { it } = useImportI18n();
  const deadline = !task.deadline
    ? it("f.task.noDeadline")
    : task.deadline.kind === "date"
      ? formatDate(task.deadline.date)
      : task.deadline.kind === "relative_to_event"
        ? it("f.task.relative", { days: task.deadline.days })
        : task.deadline.text;
  return (
    <li className="review-task">
      <span>{task.description}</span>
      <span className="review-task-meta">
        {task.leadUnit ? (
          <span>
            {it("f.task.lead")}: {task.leadUnit}
          </span>
        ) : null}
        {task.partnerUnits?.length ? (
          <span>
            {it("f.task.partners")}: {task.partnerUnits.join(", ")}
          </span>
        ) : null}
        <span className={task.deadline ? undefined : "review-missing"}>
          {it("f.task.deadline")}: {deadline}
        </span>
      </span>
    </li>
  );
}

/** One recipient a line; kept as typed while editing, trimmed into the list. */
function RecipientsInput({
  id,
  hintId,
  value,
  onChange,
}: {
  id: string;
  hintId: string;
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const [text, setText] = useState(value.join("\n"));
  return (
    <textarea
      id={id}
      rows={Math.min(Math.max(value.length + 1, 3), 10)}
      value={text}
      aria-describedby={hintId}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split("\n")
            .map((l) =>
              l
                .replace(/^\s*[-–•+]\s*/, "")
                .replace(/[;.]\s*$/, "")
                .trim(),
            )
            .filter(Boolean),
        );
      }}
    />
  );
}
