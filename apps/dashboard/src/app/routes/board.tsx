import { getRouteApi } from "@tanstack/react-router";
import { NationalBoard } from "../../features/board/components/national-board";
import { ScopeBoard } from "../../features/board/components/scope-board";
import { useBoardI18n } from "../../features/board/lib/i18n";
import { useDocumentTitle } from "../../lib/use-document-title";

const scopeRoute = getRouteApi("/_app/board/$scopeId");
const nationalRoute = getRouteApi("/_app/national");

/** /board for a body with no oversight scope yet (with one, /board goes straight to it). */
export function NoScopePage() {
  const { bt } = useBoardI18n();
  useDocumentTitle(bt("board.title"));
  return (
    <section className="page page-narrow">
      <h1>{bt("board.title")}</h1>
      <p>{bt("board.noScopes")}</p>
    </section>
  );
}

/** The overseer's board of one scope (admins may open it too, read-only). */
export function ScopeBoardPage() {
  const { scopeId } = scopeRoute.useParams();
  const search = scopeRoute.useSearch();
  const { me } = scopeRoute.useRouteContext();
  const navigate = scopeRoute.useNavigate();
  return (
    <ScopeBoard
      // A new scope starts with nothing picked.
      key={scopeId}
      scopeId={scopeId}
      me={me}
      search={search}
      onSearchChange={(next) => void navigate({ search: next, replace: true })}
      onScopeChange={(id) => void navigate({ to: "/board/$scopeId", params: { scopeId: id }, search: {} })}
    />
  );
}

/** Admins: the national view by province. */
export function NationalPage() {
  const search = nationalRoute.useSearch();
  const navigate = nationalRoute.useNavigate();
  return (
    <NationalBoard
      search={search}
      onSearchChange={(next) => void navigate({ search: next, replace: true })}
    />
  );
}
