import { useState } from "react";
import { formatDate } from "../../../lib/format";
import { useAdminI18n } from "../lib/messages";
import type { AdminUnit, UnitNode } from "../lib/units";
import { KindBadge, ValidityText } from "./unit-bits";

export type Successor = { names: string[]; date: string };

type Props = {
  nodes: UnitNode[];
  /** While filtering every branch is open, so matches are never hidden. */
  filtering: boolean;
  editingId: string | undefined;
  successors: ReadonlyMap<string, Successor[]>;
  onEdit: (unit: AdminUnit) => void;
  onAddChild: (parent: AdminUnit) => void;
};

/**
 * The units as nested lists (province → district → commune): each with its level, official code
 * and validity, an edit button and, above commune level, "add a unit below". Branches fold with a
 * button that says whether it is open (aria-expanded).
 */
export function UnitTree({ nodes, filtering, editingId, successors, onEdit, onAddChild }: Props) {
  const { t } = useAdminI18n();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const item = (node: UnitNode) => {
    const open = filtering || !collapsed.has(node.id);
    const hasChildren = node.children.length > 0;
    const next = successors.get(node.id);
    return (
      <li key={node.id} className="admin-tree-item" data-unit-id={node.id} data-kind={node.kind}>
        <div className={`admin-tree-row${node.id === editingId ? " is-editing" : ""}`}>
          {hasChildren ? (
            <button
              type="button"
              className="admin-tree-toggle"
              aria-expanded={open}
              aria-label={t(open ? "units.collapse" : "units.expand", { name: node.name })}
              disabled={filtering}
              onClick={() => toggle(node.id)}
            >
              <span aria-hidden="true">{open ? "▾" : "▸"}</span>
            </button>
          ) : (
            <span className="admin-tree-toggle" aria-hidden="true" />
          )}
          <div className="admin-tree-main">
            <p className="admin-tree-title">
              <strong className="admin-tree-name">{node.name}</strong> <KindBadge kind={node.kind} />
              {node.officialCode ? (
                <span className="admin-code">
                  <span className="muted">{t("units.officialCode")}:</span> {node.officialCode}
                </span>
              ) : null}
              <code className="admin-id">{node.id}</code>
            </p>
            <p className="admin-tree-meta">
              <ValidityText validFrom={node.validFrom} validTo={node.validTo} />
              {next?.map((s) => (
                <span key={`${s.date}-${s.names.join()}`} className="admin-successor">
                  → {t("units.successor", { names: s.names.join(", "), date: formatDate(s.date) })}
                </span>
              ))}
              {node.orphan ? (
                <span className="field-error">{t("units.orphan", { parentId: node.parentId ?? "" })}</span>
              ) : null}
            </p>
          </div>
          <div className="admin-tree-actions">
            <button
              type="button"
              className="btn btn-small"
              aria-label={t("units.editOne", { name: node.name })}
              onClick={() => onEdit(node)}
            >
              {t("common.edit")}
            </button>
            {node.kind !== "commune" ? (
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={t("units.addChildOf", { name: node.name })}
                onClick={() => onAddChild(node)}
              >
                <span aria-hidden="true">+ </span>
                {t("units.addChild")}
              </button>
            ) : null}
          </div>
        </div>
        {hasChildren && open ? <ul className="admin-tree-children">{node.children.map(item)}</ul> : null}
      </li>
    );
  };

  return (
    <ul className="admin-tree" aria-label={t("units.tree")}>
      {nodes.map(item)}
    </ul>
  );
}
