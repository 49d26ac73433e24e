import { lineageQuery, unitsQuery } from "@kehoach/client/admin";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { SuccessNote } from "../../../components/error-alert";
import { TextField } from "../../../components/field";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { keepEnter } from "../lib/forms";
import { useAdminI18n } from "../lib/messages";
import { type AdminUnit, buildTree, filterTree, flatten, todayVn } from "../lib/units";
import { draftOf, emptyDraft, type UnitDraft, UnitForm } from "./unit-form";
import { type Successor, UnitTree } from "./unit-tree";

type FormState = { mode: "create" | "edit"; draft: UnitDraft; key: number };

/** The level a new unit below `parent` most likely has: a commune under a district or a post-2025 province. */
function childKind(parent: AdminUnit): UnitDraft["kind"] {
  if (parent.kind === "district") return "commune";
  return parent.validTo && parent.validTo < "2025-07-01"
    ? "district"
    : todayVn() >= "2025-07-01"
      ? "commune"
      : "district";
}

/** /admin/units: the tree of units and the form to add or edit one. */
export function UnitsPage() {
  const { t } = useAdminI18n();
  useDocumentTitle(t("units.title"));
  const units = useSuspenseQuery(unitsQuery()).data;
  const lineage = useQuery(lineageQuery()).data;
  const [filter, setFilter] = useState("");
  const [form, setForm] = useState<FormState>({ mode: "create", draft: emptyDraft(), key: 0 });
  const [saved, setSaved] = useState<{ name: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  const tree = useMemo(() => buildTree(units), [units]);
  const shown = useMemo(() => filterTree(tree, filter), [tree, filter]);
  const successors = useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, u]));
    const map = new Map<string, Successor[]>();
    for (const e of lineage ?? []) {
      const names = e.toUnitIds.map((id) => byId.get(id)?.name ?? id);
      for (const from of e.fromUnitIds) map.set(from, [...(map.get(from) ?? []), { names, date: e.date }]);
    }
    return map;
  }, [units, lineage]);

  // After choosing a unit to edit (or "add below"), continue in the form.
  useEffect(() => {
    if (form.key > 0) headingRef.current?.focus();
  }, [form.key]);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const open = (mode: FormState["mode"], draft: UnitDraft) => {
    setSaved(null);
    setForm((f) => ({ mode, draft, key: f.key + 1 }));
  };

  return (
    <section className="page" aria-labelledby={`${headingId}-page`}>
      <h1 id={`${headingId}-page`}>{t("units.title")}</h1>
      <p className="admin-intro">{t("units.intro")}</p>
      <div className="admin-split">
        <div className="admin-split-main stack">
          <search className="admin-toolbar">
            <TextField
              label={t("units.filter")}
              className="field-grow"
              type="search"
              value={filter}
              placeholder={t("units.filterPlaceholder")}
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={keepEnter}
            />
            <p className="muted admin-count">
              {filter
                ? t("units.count", { count: flatten(shown).length })
                : t("units.count", { count: units.length })}
            </p>
          </search>
          {units.length === 0 ? (
            <p className="empty">{t("units.empty")}</p>
          ) : shown.length === 0 ? (
            <p className="empty">{t("units.noMatch")}</p>
          ) : (
            <UnitTree
              nodes={shown}
              filtering={Boolean(filter.trim())}
              editingId={form.mode === "edit" ? form.draft.id : undefined}
              successors={successors}
              onEdit={(u) => open("edit", draftOf(u))}
              onAddChild={(p) =>
                open(
                  "create",
                  emptyDraft({
                    parentId: p.id,
                    kind: childKind(p),
                    // A unit under one that has ended most likely existed in its time.
                    ...(p.validTo && p.validTo < todayVn() ? { validFrom: p.validFrom } : {}),
                  }),
                )
              }
            />
          )}
        </div>
        <aside className="admin-split-side card" aria-labelledby={headingId}>
          <div className="admin-form-head">
            <h2 id={headingId} tabIndex={-1} ref={headingRef} className="card-title">
              {form.mode === "edit" ? `${t("units.editing")}: ${form.draft.id}` : t("units.new")}
            </h2>
            {form.mode === "edit" || form.draft.parentId ? (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => open("create", emptyDraft())}
              >
                {form.mode === "edit" ? t("common.cancelEdit") : t("units.newButton")}
              </button>
            ) : null}
          </div>
          {saved ? (
            <div ref={savedRef} tabIndex={-1}>
              <SuccessNote>{t("units.saved", saved)}</SuccessNote>
            </div>
          ) : null}
          <UnitForm
            key={form.key}
            mode={form.mode}
            initial={form.draft}
            units={units}
            onSaved={(u) => {
              setForm((f) => ({ mode: "create", draft: emptyDraft(), key: f.key + 1 }));
              setSaved({ name: u.name });
            }}
          />
        </aside>
      </div>
    </section>
  );
}
