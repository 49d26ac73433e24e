import { Link, useParams, useRouteContext } from "@tanstack/react-router";
import { useState } from "react";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useImportI18n } from "../lib/i18n";
import type { ImportOrigin, ImportResponse } from "../lib/types";
import { ImportForm } from "./import-form";
import { ImportReview } from "./import-review";
import "./import.css";

type Imported = { result: ImportResponse; origin: ImportOrigin; n: number };

/** /communes/$communeId/import: paste or upload, then review beside the original, then save. */
export function ImportPage() {
  const { it, t } = useImportI18n();
  const { communeId } = useParams({ from: "/_app/communes/$communeId/import" });
  const { me } = useRouteContext({ from: "/_app" });
  const commune = me.communes.find((c) => c.id === communeId);
  const [imported, setImported] = useState<Imported | null>(null);
  useDocumentTitle(it("import.title"));

  return (
    <section className="page import-page">
      <Link to="/communes/$communeId/plans" params={{ communeId }} className="back-link">
        ← {t("plan.backToList")}
        {commune ? ` · ${commune.name}` : ""}
      </Link>
      <h1>{it("import.title")}</h1>
      {imported ? (
        <ImportReview
          key={imported.n}
          communeId={communeId}
          result={imported.result}
          origin={imported.origin}
          onRestart={() => setImported(null)}
        />
      ) : (
        <>
          <p className="import-intro">{it("import.intro")}</p>
          <ImportForm onImported={(result, origin) => setImported({ result, origin, n: Date.now() })} />
        </>
      )}
    </section>
  );
}

/** "Nhập từ văn bản" for the plan list: commune staff and leaders of that commune only. */
export function ImportLink({ communeId }: { communeId: string }) {
  const { it } = useImportI18n();
  const { me } = useRouteContext({ from: "/_app" });
  const canImport =
    (me.role === "commune_staff" || me.role === "commune_leader") &&
    me.communes.some((c) => c.id === communeId);
  if (!canImport) return null;
  return (
    <Link to="/communes/$communeId/import" params={{ communeId }} className="btn">
      {it("import.link")}
    </Link>
  );
}
