import {
  collapseSpaces,
  documentTypeName,
  implementationSection,
  issuerHeaderLines,
  labelKind,
  labelText,
  numberLine,
  printedPlan,
  type RenderablePlan,
  recipientLines,
  romanAfter,
  showsDraftMark,
  signerLines,
  TASK_TABLE_HEADERS,
  taskTableRows,
  upperVi,
} from "@kehoach/core/plan/document-text";
import { formatPlaceDate, type SectionItem } from "@kehoach/core/plan/schema";
import { Fragment } from "react";
import { useI18n } from "../i18n";
import { formatDate } from "../lib/format";

type Props = {
  plan: RenderablePlan;
  /** Show lead/partner/kind/deadline notes under each task (screen only, never printed). */
  annotate?: boolean;
  /** The document title's heading level: h1 on the plan page, h2 inside an editor preview. */
  titleAs?: "h1" | "h2";
};

/**
 * A plan laid out as its Decree 30 page: national motto and issuer, number and place/date,
 * title, body, recipients and signer. Always Vietnamese: it is the document, not the UI.
 * Used by the plan page and (later) by the editor's live preview.
 */
export function PlanDocument({ plan: stored, annotate = false, titleAs: Title = "h1" }: Props) {
  // Cited documents and the event as the DOCX prints them (from the plan's fields).
  const plan = printedPlan(stored);
  const implementation = implementationSection(plan);
  const hasAssignments = plan.assignments.length > 0;
  return (
    <article className="doc" lang="vi" aria-label={`${documentTypeName(plan.type)} ${plan.subject}`}>
      {showsDraftMark(plan) ? (
        <p className="doc-draft-mark">
          <span>DỰ THẢO</span>
        </p>
      ) : null}

      <header className="doc-header">
        <div className="doc-cell doc-issuer">
          {plan.issuer.superior ? (
            <p className="doc-superior">{upperVi(collapseSpaces(plan.issuer.superior))}</p>
          ) : null}
          {issuerHeaderLines(plan.issuer).map((l) => (
            <p key={l} className="doc-issuer-line">
              {l}
            </p>
          ))}
          <span className="doc-rule doc-rule-issuer" aria-hidden="true" />
        </div>
        <div className="doc-cell doc-nation">
          <p className="doc-nation-name">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p className="doc-motto">
            <span>Độc lập - Tự do - Hạnh phúc</span>
          </p>
        </div>
        <p className="doc-cell doc-number">{numberLine(plan)}</p>
        <p className="doc-cell doc-place-date">{formatPlaceDate(collapseSpaces(plan.place), plan.date)}</p>
      </header>

      <Title className="doc-title">
        <span className="doc-type">{documentTypeName(plan.type)}</span>
        <span className="doc-subject">{collapseSpaces(plan.subject)}</span>
      </Title>
      <span className="doc-rule doc-rule-title" aria-hidden="true" />

      <div className="doc-body">
        {plan.preamble.map((p, i) =>
          p.trim() ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their order
            <p key={i} className="doc-p">
              {p.trim()}
            </p>
          ) : null,
        )}
        {plan.sections.map((s) => (
          <Fragment key={s.id}>
            <SectionView item={s} />
            {s === implementation && hasAssignments ? <Assignments plan={plan} annotate={annotate} /> : null}
          </Fragment>
        ))}
        {hasAssignments && !implementation ? (
          <>
            <p className="doc-p doc-h-roman">{`${romanAfter(plan.sections.length)}. TỔ CHỨC THỰC HIỆN`}</p>
            <Assignments plan={plan} annotate={annotate} />
          </>
        ) : null}
        {plan.closing.map((p, i) =>
          p.trim() ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their order
            <p key={i} className="doc-p">
              {p.trim()}
            </p>
          ) : null,
        )}
      </div>

      <footer className="doc-footer">
        <div className="doc-recipients">
          <p className="doc-recipients-label">Nơi nhận:</p>
          {recipientLines(plan.recipients).map((r) => (
            <p key={r} className="doc-recipient">
              {r}
            </p>
          ))}
        </div>
        <div className="doc-signer">
          {signerLines(plan).map((l) => (
            <p key={l} className="doc-signer-line">
              {l}
            </p>
          ))}
          <div className="doc-signature-space" aria-hidden="true" />
          <p className="doc-signer-name">{collapseSpaces(plan.signer.name)}</p>
        </div>
      </footer>
    </article>
  );
}

const HEADING_CLASS = {
  roman: "doc-h-roman",
  arabic: "doc-h-arabic",
  multi: "doc-h-multi",
  letter: "doc-h-letter",
  bullet: "doc-h-bullet",
  none: "doc-h-none",
} as const;

/** One numbered item and its children: "I." → "1." → "2.1." / "a)" → "-". */
function SectionView({ item }: { item: SectionItem }) {
  const kind = labelKind(item.label);
  const label = labelText(item.label, kind);
  const heading = item.heading ? collapseSpaces(item.heading) : "";
  const paragraphs = item.paragraphs.map((p) => p.normalize("NFC").trim()).filter(Boolean);
  // "2.1. Thời gian tổ chức: ½ ngày …": deeper headings carry their first paragraph on the same line.
  const inline =
    heading !== "" && (kind === "multi" || kind === "letter" || kind === "bullet") && paragraphs.length > 0;
  const rest = inline ? paragraphs.slice(1) : paragraphs;

  return (
    <div className={`doc-item doc-item-${kind}`}>
      {heading ? (
        <p className="doc-p">
          <span className={HEADING_CLASS[kind]}>
            {label + (kind === "roman" ? upperVi(heading) : heading)}
          </span>
          {inline ? `: ${paragraphs[0]}` : null}
        </p>
      ) : null}
      {!heading && rest.length > 0 ? (
        <>
          <p className="doc-p">{label + rest[0]}</p>
          {rest.slice(1).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their order
            <p key={i} className="doc-p">
              {p}
            </p>
          ))}
        </>
      ) : (
        rest.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their order
          <p key={i} className="doc-p">
            {p}
          </p>
        ))
      )}
      {!heading && rest.length === 0 && label.trim() ? <p className="doc-p">{label.trim()}</p> : null}
      {item.children.map((c) => (
        <SectionView key={c.id} item={c} />
      ))}
    </div>
  );
}

/** Section III's table: each responsible unit, then its tasks exactly as written, lead, partners, deadline. */
function Assignments({ plan, annotate }: { plan: RenderablePlan; annotate: boolean }) {
  const tasks = plan.assignments.flatMap((a) => a.tasks);
  return (
    <table className="doc-assignments">
      <thead>
        <tr>
          {TASK_TABLE_HEADERS.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {taskTableRows(plan).map((r, k) => {
          const task = tasks[k];
          return (
            <tr key={task?.id ?? r.no} className="doc-task">
              <td className="doc-assignment-no">{r.no}</td>
              <td>
                {r.description}
                {annotate && task ? <TaskNote task={task} eventDate={plan.event?.date} /> : null}
              </td>
              <td>{r.lead}</td>
              <td>{r.partners}</td>
              <td className="doc-deadline">{r.deadline}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type PlanTask = RenderablePlan["assignments"][number]["tasks"][number];

/** Lead, partners, giao/đề nghị and deadline of a task: working notes on screen, not part of the page. */
function TaskNote({ task, eventDate }: { task: PlanTask; eventDate: string | undefined }) {
  const { t } = useI18n();
  const d = task.deadline;
  let deadline = t("task.noDeadline");
  if (d?.kind === "date") deadline = formatDate(d.date);
  else if (d?.kind === "relative_to_event") {
    const rel =
      d.days === 0
        ? t("task.deadlineRelative.same")
        : t(d.days < 0 ? "task.deadlineRelative.before" : "task.deadlineRelative.after", {
            days: Math.abs(d.days),
          });
    deadline = eventDate ? `${rel} (${formatDate(shiftDay(eventDate, d.days))})` : rel;
  }
  return (
    <dl className="doc-annotation">
      {task.leadUnit ? (
        <div>
          <dt>{t("task.lead")}</dt>
          <dd>{collapseSpaces(task.leadUnit)}</dd>
        </div>
      ) : null}
      {task.partnerUnits.length ? (
        <div>
          <dt>{t("task.partners")}</dt>
          <dd>{task.partnerUnits.map(collapseSpaces).join(", ")}</dd>
        </div>
      ) : null}
      <div>
        <dt className="visually-hidden">giao / đề nghị</dt>
        <dd className={`chip chip-${task.kind}`}>{t(`task.kind.${task.kind}`)}</dd>
      </div>
      <div>
        <dt>{t("task.deadline")}</dt>
        <dd>{deadline}</dd>
      </div>
    </dl>
  );
}

function shiftDay(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
