import { lineageQuery, unitsQuery } from "@kehoach/client/admin";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { TextField } from "../../../components/field";
import { keepEnter } from "../lib/forms";
import { useAdminI18n } from "../lib/messages";
import { type AdminUnit, buildTree, filterTree, flatten, todayVn } from "../lib/units";
import { AdminPage } from "./admin-page";
import { FormPanel, useFormPanel } from "./form-panel";
import { draftOf, emptyDraft, type UnitDraft, UnitForm } from "./unit-form";
import { type Successor, UnitTree } from "./unit-tree";

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
  const units = useSuspenseQuery(unitsQuery()).data;
  const lineage = useQuery(lineageQuery()).data;
  const [filter, setFilter] = useState("");
  const form = useFormPanel<UnitDraft, { name: string }>(() => emptyDraft());

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

  return (
    <AdminPage title={t("units.title")} intro={t("units.intro")}>
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
              onEdit={(u) => form.open("edit", draftOf(u))}
              onAddChild={(p) =>
                form.open(
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
        <FormPanel
          panel={form}
          title={form.mode === "edit" ? `${t("units.editing")}: ${form.draft.id}` : t("units.new")}
          clear={
            form.mode === "edit"
              ? t("common.cancelEdit")
              : form.draft.parentId
                ? t("units.newButton")
                : undefined
          }
          savedNote={form.saved && t("units.saved", form.saved)}
        >
          <UnitForm
            key={form.key}
            mode={form.mode}
            initial={form.draft}
            units={units}
            onSaved={(u) => form.done({ name: u.name })}
          />
        </FormPanel>
      </div>
    </AdminPage>
  );
}
