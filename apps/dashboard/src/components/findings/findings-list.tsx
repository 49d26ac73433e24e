import { useId, useState } from "react";
import { labelFor, useCheckerI18n } from "./i18n";
import type { Finding, FindingPath, FindingSeverity } from "./types";
import "./findings-list.css";

export type FindingsListProps = {
  findings: Finding[];
  /** Called with the finding's location path (e.g. ["basis", 0, "date"]). Without it, findings are plain text. */
  onSelect?: (path: FindingPath) => void;
  /** Heading level of the "2 lỗi, 5 cảnh báo" line (default 3). */
  headingLevel?: 2 | 3 | 4;
  /** The list's test id (default "findings"). */
  testId?: string;
};

/** From this many findings of one code, they are folded under one expandable heading. */
const GROUP_FROM = 3;

type Keyed = { key: string; finding: Finding };
type Block = { code: string; items: Keyed[] };

/** Findings of one severity, by code in order of first appearance. */
function blocksOf(findings: Finding[], severity: FindingSeverity): Block[] {
  const byCode = new Map<string, Keyed[]>();
  findings.forEach((finding, n) => {
    if (finding.severity !== severity) return;
    // Findings have no id; their place in the checker's output is stable for one list.
    const item = { key: `${n}:${finding.code}:${finding.location.path.join(".")}`, finding };
    const list = byCode.get(finding.code);
    if (list) list.push(item);
    else byCode.set(finding.code, [item]);
  });
  return [...byCode].map(([code, items]) => ({ code, items }));
}

/**
 * The checker's findings: a count header, errors before warnings, each finding a button that
 * takes the user to its field; many findings of one code fold into one expandable group.
 */
export function FindingsList({
  findings,
  onSelect,
  headingLevel = 3,
  testId = "findings",
}: FindingsListProps) {
  const { ct } = useCheckerI18n();
  const errors = blocksOf(findings, "error");
  const warnings = blocksOf(findings, "warning");
  const errorCount = findings.filter((f) => f.severity === "error").length;
  const warningCount = findings.length - errorCount;
  const Heading = `h${headingLevel}` as const;
  const SubHeading = `h${Math.min(headingLevel + 1, 6) as 3 | 4 | 5}` as const;

  return (
    <div className="findings" data-testid={testId}>
      <Heading className={`findings-count${errorCount ? " has-errors" : ""}`}>
        {findings.length === 0
          ? ct("findings.none")
          : ct("findings.count", { errors: errorCount, warnings: warningCount })}
      </Heading>
      {(
        [
          ["error", errors, "findings.errors"],
          ["warning", warnings, "findings.warnings"],
        ] as const
      ).map(([severity, blocks, title]) =>
        blocks.length === 0 ? null : (
          <section key={severity} className={`findings-severity findings-${severity}`}>
            <SubHeading className="findings-severity-title">{ct(title)}</SubHeading>
            <ul className="findings-list">
              {blocks.map((b) =>
                b.items.length >= GROUP_FROM ? (
                  <FindingGroup key={b.code} block={b} severity={severity} onSelect={onSelect} />
                ) : (
                  b.items.map(({ key, finding }) => (
                    <li key={key}>
                      <FindingItem finding={finding} onSelect={onSelect} />
                    </li>
                  ))
                ),
              )}
            </ul>
          </section>
        ),
      )}
    </div>
  );
}

function FindingGroup({
  block,
  severity,
  onSelect,
}: {
  block: Block;
  severity: FindingSeverity;
  onSelect?: (path: FindingPath) => void;
}) {
  const { ct, codeTitle } = useCheckerI18n();
  // Errors start open: they block issuing and there are few of them.
  const [open, setOpen] = useState(severity === "error");
  const id = useId();
  return (
    <li className="findings-group" data-code={block.code}>
      <button
        type="button"
        className="findings-group-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="findings-chevron" aria-hidden="true">
          {open ? "▾" : "▸"}
        </span>
        <SeverityTag severity={severity} />
        <span className="findings-group-title">
          {ct("findings.group", { title: codeTitle(block.code), count: block.items.length })}
        </span>
        <span className="visually-hidden">
          {open ? ct("findings.hide") : ct("findings.show", { count: block.items.length })}
        </span>
      </button>
      <ul id={id} className="findings-list findings-group-items" hidden={!open}>
        {block.items.map(({ key, finding }) => (
          <li key={key}>
            <FindingItem finding={finding} onSelect={onSelect} />
          </li>
        ))}
      </ul>
    </li>
  );
}

function SeverityTag({ severity }: { severity: FindingSeverity }) {
  const { ct } = useCheckerI18n();
  return (
    <span className={`finding-severity finding-severity-${severity}`}>
      <span aria-hidden="true">{severity === "error" ? "✖" : "▲"}</span>{" "}
      {ct(severity === "error" ? "findings.error" : "findings.warning")}
    </span>
  );
}

function FindingItem({ finding, onSelect }: { finding: Finding; onSelect?: (path: FindingPath) => void }) {
  const { pick, lang } = useCheckerI18n();
  const body = (
    <>
      <SeverityTag severity={finding.severity} />
      <span className="finding-message">{pick(finding.message)}</span>
      <span className="finding-location">{labelFor(finding.location.label, lang)}</span>
    </>
  );
  if (!onSelect) {
    return (
      <div className={`finding finding-${finding.severity}`} data-code={finding.code}>
        {body}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={`finding finding-${finding.severity}`}
      data-code={finding.code}
      onClick={() => onSelect(finding.location.path)}
    >
      {body}
    </button>
  );
}
