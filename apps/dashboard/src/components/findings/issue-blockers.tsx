import { useId } from "react";
import { FindingsList } from "./findings-list";
import { useCheckerI18n } from "./i18n";
import type { Finding, FindingPath } from "./types";

/**
 * "Chặn ban hành": exactly the errors the issue step would refuse with, found on the plan as issuing it
 * today would make it (numbered, dated today) — shown beside the draft's own findings.
 */
export function IssueBlockers({
  findings,
  onSelect,
}: {
  findings: Finding[];
  onSelect?: ((path: FindingPath) => void) | undefined;
}) {
  const { ct } = useCheckerI18n();
  const id = useId();
  return (
    <section className="issue-blockers" aria-labelledby={id} data-testid="issue-blockers">
      <h3 id={id} className={`issue-blockers-title${findings.length ? " has-errors" : ""}`}>
        {ct("findings.blocking", { count: findings.length })}
      </h3>
      <p className="field-hint">{ct("findings.blockingHint")}</p>
      {findings.length ? (
        <FindingsList
          findings={findings}
          onSelect={onSelect}
          headingLevel={4}
          testId="issue-blocking-findings"
        />
      ) : (
        <p className="issue-blockers-none">{ct("findings.blockingNone")}</p>
      )}
    </section>
  );
}
