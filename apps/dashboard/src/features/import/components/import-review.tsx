import { ApiError } from "@kehoach/client/api";
import { checkContent } from "@kehoach/client/documents";
import { useCreatePlan } from "@kehoach/client/plans";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { FindingsList } from "../../../components/findings/findings-list";
import type { Finding, FindingPath } from "../../../components/findings/types";
import { useDebounced } from "../../../lib/use-debounced";
import { lowCount } from "../lib/confidence";
import { bilingualHalf, useImportI18n } from "../lib/i18n";
import type { ImportOrigin, ImportResponse } from "../lib/types";
import { AssignmentsPart, BasisPart, ContentPart, EventPart } from "./review-body-parts";
import { fieldDomId } from "./review-field";
import { type Draft, EndPart, HeaderPart, type ReviewPartProps } from "./review-parts";

type Props = {
  communeId: string;
  result: ImportResponse;
  origin: ImportOrigin;
  onRestart: () => void;
};

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
  const part: ReviewPartProps = { id, draft, setDraft, conf, issue };

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

          <HeaderPart {...part} />
          <BasisPart {...part} />
          <ContentPart {...part} />
          <EventPart {...part} />
          <AssignmentsPart {...part} />
          <EndPart {...part} />
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
