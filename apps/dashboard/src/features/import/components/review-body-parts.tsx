import type { CitedDocument, EventDetails, SectionItem, Task } from "@kehoach/core/plan/schema";
import { dateInputProps } from "../../../lib/dates";
import { formatDate, formatVnd } from "../../../lib/format";
import { useImportI18n } from "../lib/i18n";
import { fieldDomId, NotFound, ReviewField } from "./review-field";
import { type Draft, opt, type ReviewPartProps } from "./review-parts";

type Event = NonNullable<Draft["event"]>;

/** The value, or undefined for an empty optional field (the schema has no empty strings). */

/** The cited documents (Căn cứ), each part of a citation with its own doubtful-reading badge. */
export function BasisPart({ id, draft, conf }: ReviewPartProps) {
  const { it } = useImportI18n();
  const basis = (draft.basis ?? []) as CitedDocument[];
  return (
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
  );
}

/** Preamble and the outline of the sections. */
export function ContentPart({ id, draft, conf }: ReviewPartProps) {
  const { it } = useImportI18n();
  const sections = (draft.sections ?? []) as SectionItem[];
  return (
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
  );
}

/** The event of an event plan (date and venue editable), when the document has one. */
export function EventPart({ id, draft, setDraft, conf, issue }: ReviewPartProps) {
  const { it } = useImportI18n();
  const event = draft.event as Partial<EventDetails> | undefined;
  if (!event) return null;
  const setEvent = (patch: Partial<Event>) =>
    setDraft((d) => ({ ...d, event: { ...(d.event ?? {}), ...patch } as Event }));
  return (
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
          <input id={`${id}-event-date`} {...dateInputProps(event.date, (v) => setEvent({ date: opt(v) }))} />
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
          {[event.fundingSource, event.budgetAmount !== undefined ? formatVnd(event.budgetAmount) : ""]
            .filter(Boolean)
            .join(" · ")}
        </ReviewField>
      ) : null}
    </section>
  );
}

/** The assignments (Phân công): each unit with its tasks, their lead, partners and deadline. */
export function AssignmentsPart({ id, draft, conf }: ReviewPartProps) {
  const { it } = useImportI18n();
  const assignments = draft.assignments ?? [];
  return (
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
  );
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
