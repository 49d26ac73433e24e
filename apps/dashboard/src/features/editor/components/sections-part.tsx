import type { SectionItem } from "@kehoach/core/plan/schema";
import { insertAt, newSection, nextLabel, optional, type Path, pathKey, replaceAt } from "../lib/content";
import { useEditorI18n } from "../lib/i18n";
import { firstFieldOf, useEditorContext } from "./editor-context";
import { TextInput } from "./fields";
import { AddButton, ItemControls, TextList } from "./list-controls";

type ListProps = {
  items: SectionItem[];
  /** Where the list is: ["sections"] or [..., "children"]. */
  path: Path;
  depth: number;
  parentLabel?: string | undefined;
  onChange: (items: SectionItem[]) => void;
};

/** The body's numbered items (I → 1 → a → -), each with its own paragraphs and sub-items, at any depth. */
export function SectionsPart({
  items,
  onChange,
}: {
  items: SectionItem[];
  onChange: (v: SectionItem[]) => void;
}) {
  const { et } = useEditorI18n();
  return (
    <div data-path="sections">
      {items.length === 0 ? <p className="empty list-empty">{et("section.empty")}</p> : null}
      <SectionList items={items} path={["sections"]} depth={0} onChange={onChange} />
      <AddButton
        listPath={["sections"]}
        items={items}
        onChange={onChange}
        newItem={() => newSection(nextLabel(items.at(-1)?.label, 0))}
        label={et("section.add")}
      />
    </div>
  );
}

function SectionList({ items, path, depth, parentLabel, onChange }: ListProps) {
  if (items.length === 0) return null;
  return (
    <ol className={`section-list depth-${Math.min(depth, 3)}`}>
      {items.map((item, i) => (
        <SectionItemEditor
          key={item.id}
          item={item}
          index={i}
          siblings={items}
          listPath={path}
          depth={depth}
          parentLabel={parentLabel}
          onChange={onChange}
        />
      ))}
    </ol>
  );
}

function SectionItemEditor({
  item,
  index,
  siblings,
  listPath,
  depth,
  parentLabel,
  onChange,
}: {
  item: SectionItem;
  index: number;
  siblings: SectionItem[];
  listPath: Path;
  depth: number;
  parentLabel: string | undefined;
  onChange: (items: SectionItem[]) => void;
}) {
  const { et } = useEditorI18n();
  const { focusLater } = useEditorContext();
  const path = [...listPath, index];
  const key = pathKey(path);
  const label = item.label?.trim();
  // "Mục II", or for a bullet ("-", "+") or an unnumbered item "Ý thứ 2": what a reader would call it.
  const name =
    label && !/^[-–—+•*]$/.test(label)
      ? et("section.item", { label })
      : et("section.itemUnlabelled", { n: index + 1 });
  const set = (patch: Partial<SectionItem>) => onChange(replaceAt(siblings, index, { ...item, ...patch }));

  const addChild = () => {
    const child = newSection(nextLabel(item.children.at(-1)?.label, depth + 1, item.label));
    set({ children: [...item.children, child] });
    focusLater(firstFieldOf(pathKey([...path, "children", item.children.length])));
  };
  const addSibling = () => {
    onChange(insertAt(siblings, index + 1, newSection(nextLabel(item.label, depth, parentLabel))));
    focusLater(firstFieldOf(pathKey([...listPath, index + 1])));
  };

  return (
    <li>
      <fieldset className="item-box section-item" data-item={key}>
        <legend>
          {name}
          {item.heading?.trim() ? <span className="legend-detail"> · {item.heading.trim()}</span> : null}
        </legend>
        <div className="section-head">
          <TextInput
            path={[...path, "label"]}
            label={et("section.label")}
            placeholder={et("section.labelHint")}
            className="field-label-input"
            value={item.label}
            onChange={(s) => set({ label: optional(s) })}
          />
          <TextInput
            path={[...path, "heading"]}
            label={et("section.heading")}
            className="field-grow"
            value={item.heading}
            onChange={(s) => set({ heading: optional(s) })}
          />
        </div>
        <TextList
          path={[...path, "paragraphs"]}
          items={item.paragraphs}
          onChange={(paragraphs) => set({ paragraphs })}
          itemLabel={(n) => et("paragraph.itemShort", { n })}
          addLabel={et("paragraph.add")}
          addAriaLabel={et("paragraph.addTo", { item: name })}
          multiline
          emptyText=""
        />
        <SectionList
          items={item.children}
          path={[...path, "children"]}
          depth={depth + 1}
          parentLabel={item.label}
          onChange={(children) => set({ children })}
        />
        <div className="item-actions">
          <div className="item-add">
            <button
              type="button"
              className="btn btn-small btn-add"
              aria-label={et("section.addChildOf", { item: name })}
              onClick={addChild}
            >
              <span aria-hidden="true">+</span> {et("section.addChild")}
            </button>
            <button
              type="button"
              className="btn btn-small btn-add"
              aria-label={et("section.addSiblingAfter", { item: name })}
              onClick={addSibling}
            >
              <span aria-hidden="true">+</span> {et("section.addSibling")}
            </button>
          </div>
          <ItemControls listPath={listPath} items={siblings} onChange={onChange} index={index} name={name} />
        </div>
      </fieldset>
    </li>
  );
}
