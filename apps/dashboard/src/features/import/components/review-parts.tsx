import {
  DOCUMENT_TYPES,
  formatSymbol,
  type PlanContentInput,
  SIGNER_AUTHORITIES,
} from "@kehoach/core/plan/schema";
import { useState } from "react";
import { dateInputProps } from "../../../lib/dates";
import { useImportI18n } from "../lib/i18n";
import { NotFound, ReviewField } from "./review-field";

export type Draft = PlanContentInput;
type Signer = Draft["signer"];

/** What each group of the review gets: the draft, its setter, the importer's confidence, the save's errors. */
export type ReviewPartProps = {
  /** Prefix of the ids of the group's controls (one review on the page). */
  id: string;
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  conf: Record<string, number>;
  /** The API's message for a field of the draft that the save refused, in the reader's language. */
  issue: (path: string) => string | undefined;
};

/** The value, or undefined for an empty optional field (the schema has no empty strings). */
export const opt = (s: string) => (s.trim() === "" ? undefined : s);

/** Issuer, number, place and date, type, subject, category. */
export function HeaderPart({ id, draft, setDraft, conf, issue }: ReviewPartProps) {
  const { it } = useImportI18n();
  return (
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
            {...dateInputProps(draft.date, (v) => setDraft((d) => ({ ...d, date: opt(v) })))}
            aria-describedby={`${id}-date-hint`}
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
  );
}

/** Closing, recipients and signer (editable). */
export function EndPart({ id, draft, setDraft, conf, issue }: ReviewPartProps) {
  const { it } = useImportI18n();
  const setSigner = (patch: Partial<Signer>) =>
    setDraft((d) => ({ ...d, signer: { ...d.signer, ...patch } }));
  return (
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
