import { scopesQuery } from "@kehoach/client/admin";
import { nationalBoardQuery } from "@kehoach/client/board";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId } from "react";
import { formatDate } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useBoardI18n } from "../lib/i18n";
import type { BoardSearch } from "../lib/view";
import { BoardView } from "./board-view";

/** Admins: a row per province in force today (its communes' totals), and every scope's own board. */
export function NationalBoard({
  search,
  onSearchChange,
}: {
  search: BoardSearch;
  onSearchChange: (next: BoardSearch) => void;
}) {
  const { bt } = useBoardI18n();
  const board = useSuspenseQuery(nationalBoardQuery()).data;
  const scopes = useQuery(scopesQuery());
  const scopesId = useId();
  const today = board.today;
  useDocumentTitle(bt("board.national"));

  return (
    <section className="page board-page stack">
      <header className="board-head">
        <h1>{bt("board.national")}</h1>
        <p className="muted">{bt("board.nationalIntro", { today: formatDate(today) })}</p>
      </header>
      <BoardView
        rows={board.rows}
        periods={board.periods}
        unit="province"
        search={search}
        onSearchChange={onSearchChange}
        actions={
          <button type="button" className="btn" title={bt("board.printHint")} onClick={() => window.print()}>
            {bt("board.print")}
          </button>
        }
      />
      {scopes.data?.length ? (
        <section className="card no-print" aria-labelledby={scopesId}>
          <h2 id={scopesId} className="card-title">
            {bt("board.nationalScopes")}
          </h2>
          <ul className="plain-list">
            {[...scopes.data]
              .sort((a, b) => a.name.localeCompare(b.name, "vi"))
              .map((s) => (
                <li key={s.scopeId}>
                  <Link to="/board/$scopeId" params={{ scopeId: s.scopeId }}>
                    {s.name}
                  </Link>{" "}
                  <span className="muted">
                    ({bt("board.communes", { count: s.unitIds.length })}
                    {s.validTo && s.validTo < today
                      ? `; ${bt("board.historical", { date: formatDate(s.validTo) })}`
                      : ""}
                    )
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
