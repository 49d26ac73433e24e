import {
  boardXlsxUrl,
  type ChaseLetter,
  letterDocxUrl,
  oversightScopesQuery,
  scopeBoardQuery,
} from "@kehoach/client/board";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { formatDate } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useBoardI18n } from "../lib/i18n";
import { type BoardSearch, isLagging, visibleRows } from "../lib/view";
import { BoardView } from "./board-view";
import { ChaseLetterDialog, IssuedLetters } from "./chase-letter";

type Me = { role: string; communes: { id: string }[] };

/**
 * One oversight scope's board: the scope (and a picker when the body has several), the table
 * with its filters and charts, the XLSX export, printing, and — for a scope in force — picking
 * lagging communes for a chase-up letter and the letters already issued.
 */
export function ScopeBoard({
  scopeId,
  me,
  search,
  onSearchChange,
  onScopeChange,
}: {
  scopeId: string;
  me: Me;
  search: BoardSearch;
  onSearchChange: (next: BoardSearch) => void;
  onScopeChange: (scopeId: string) => void;
}) {
  const { bt } = useBoardI18n();
  const board = useSuspenseQuery(scopeBoardQuery(scopeId)).data;
  const isOverseer = me.role === "overseer";
  const scopes = useQuery({ ...oversightScopesQuery(), enabled: isOverseer });
  const { scope } = board;
  const canChase = isOverseer && !scope.historical;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [composing, setComposing] = useState(false);
  const [issued, setIssued] = useState<ChaseLetter | null>(null);
  const issuedRef = useRef<HTMLDivElement>(null);
  const pickerId = useId();
  useDocumentTitle(`${bt("board.title")} · ${scope.name}`);

  const readable = new Set(me.communes.map((c) => c.id));
  const names = new Map(board.rows.map((r) => [r.id, r.name]));
  const picked = board.rows.filter((r) => selected.has(r.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const historicalMark = scope.validTo ? bt("board.historical", { date: formatDate(scope.validTo) }) : "";

  return (
    <section className="page board-page stack">
      <header className="board-head">
        <h1>{bt("board.title")}</h1>
        <p className="board-scope">
          <strong>{scope.name}</strong>
          {scope.historical ? <span className="badge badge-historical">{historicalMark}</span> : null}
        </p>
        <p className="muted">{bt("board.intro", { today: formatDate(board.today) })}</p>
        {scopes.data && scopes.data.length > 1 ? (
          <div className="field board-scope-picker no-print">
            <label htmlFor={pickerId}>{bt("board.scope")}</label>
            <select id={pickerId} value={scopeId} onChange={(e) => onScopeChange(e.target.value)}>
              {scopes.data.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.historical && s.validTo
                    ? ` (${bt("board.historical", { date: formatDate(s.validTo) })})`
                    : ""}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {scope.historical && scope.validTo ? (
          <p className="alert alert-info">
            {bt("board.historicalNote", { date: formatDate(scope.validTo) })}
          </p>
        ) : null}
      </header>

      {issued ? (
        <div ref={issuedRef} tabIndex={-1} role="status" className="alert alert-success letter-issued">
          <strong>{bt("letter.issued", { symbol: issued.symbol })}</strong>
          <a href={letterDocxUrl(issued.id)} download>
            {bt("letter.download", { symbol: issued.symbol })}
          </a>
        </div>
      ) : null}

      <BoardView
        rows={board.rows}
        periods={board.periods}
        unit="commune"
        since={scope.validFrom}
        search={search}
        onSearchChange={onSearchChange}
        canOpen={(id) => readable.has(id)}
        selection={canChase ? { selected, toggle } : undefined}
        actions={
          <>
            <a className="btn" href={boardXlsxUrl(scopeId)} download>
              {bt("board.exportXlsx")}
            </a>
            <button
              type="button"
              className="btn"
              title={bt("board.printHint")}
              onClick={() => window.print()}
            >
              {bt("board.print")}
            </button>
          </>
        }
        beforeTable={
          canChase ? (
            <div className="board-chase no-print">
              <button
                type="button"
                className="btn"
                onClick={() =>
                  setSelected(
                    new Set(
                      visibleRows(board.rows, search)
                        .filter(isLagging)
                        .map((r) => r.id),
                    ),
                  )
                }
              >
                {bt("select.lagging")}
              </button>
              {selected.size ? (
                <button type="button" className="btn btn-ghost" onClick={() => setSelected(new Set())}>
                  {bt("select.none")}
                </button>
              ) : null}
              <span className="board-selected" aria-live="polite">
                {bt("select.count", { count: picked.length })}
              </span>
              <button
                type="button"
                className="btn btn-primary"
                disabled={picked.length === 0}
                onClick={() => setComposing(true)}
              >
                {bt("letter.compose")}
              </button>
            </div>
          ) : null
        }
      />
      {canChase ? (
        <ChaseLetterDialog
          open={composing}
          scopeId={scopeId}
          communes={picked}
          onClose={() => setComposing(false)}
          onIssued={(letter) => {
            setComposing(false);
            setSelected(new Set());
            setIssued(letter);
            requestAnimationFrame(() => issuedRef.current?.focus());
          }}
        />
      ) : null}

      {isOverseer ? <IssuedLetters scopeId={scopeId} names={names} /> : null}
    </section>
  );
}
