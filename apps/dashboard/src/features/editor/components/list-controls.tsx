import { type KeyboardEvent, useState } from "react";
import { insertAt, move, type Path, pathKey, removeAt, replaceAt } from "../lib/content";
import { useEditorI18n } from "../lib/i18n";
import { controlOf, firstFieldOf, useEditorContext } from "./editor-context";
import { TextInput } from "./fields";

type ListProps<T> = {
  /** Where the list is, e.g. ["sections", 0, "children"]. */
  listPath: Path;
  items: readonly T[];
  onChange: (items: T[]) => void;
};

const CONTROLS = ["up", "down", "remove"] as const;

/**
 * Move up / move down / remove for one item of a list: a toolbar that is one Tab stop (a roving
 * tabindex, as the WAI-ARIA authoring practices describe): ← → (Home, End) go from one button to
 * the next, Enter or Space acts. Focus follows the item it moved, or goes to the nearest item (or
 * the list's add button) after a removal.
 */
export function ItemControls<T>({
  listPath,
  items,
  onChange,
  index,
  name,
}: ListProps<T> & {
  index: number;
  /** The item as a screen reader should hear it in "Move … up". */
  name: string;
}) {
  const { et } = useEditorI18n();
  const { focusLater } = useEditorContext();
  // The button that is the toolbar's Tab stop: the last one used (focus sets it).
  const [current, setCurrent] = useState<(typeof CONTROLS)[number]>("up");
  const count = items.length;
  const key = pathKey([...listPath, index]);
  const moveBy = (delta: -1 | 1) => {
    const to = index + delta;
    if (to < 0 || to >= count) return;
    onChange(move(items, index, delta));
    focusLater(controlOf(pathKey([...listPath, to]), delta < 0 ? "up" : "down"));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = CONTROLS.indexOf(current);
    const next =
      e.key === "ArrowRight" || e.key === "ArrowDown"
        ? (at + 1) % CONTROLS.length
        : e.key === "ArrowLeft" || e.key === "ArrowUp"
          ? (at - 1 + CONTROLS.length) % CONTROLS.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? CONTROLS.length - 1
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    e.currentTarget.querySelector<HTMLButtonElement>(controlOf(key, CONTROLS[next] ?? "up"))?.focus();
  };
  const tab = (control: (typeof CONTROLS)[number]) => ({
    tabIndex: current === control ? 0 : -1,
    onFocus: () => setCurrent(control),
  });
  return (
    <div
      className="item-controls"
      role="toolbar"
      aria-label={et("controls.toolbar", { item: name })}
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        className="btn btn-small"
        data-control={`${key}:up`}
        aria-label={et("controls.up", { item: name })}
        // aria-disabled, not disabled: the button keeps focus when the item reaches the top.
        aria-disabled={index === 0 || undefined}
        onClick={() => moveBy(-1)}
        {...tab("up")}
      >
        <span aria-hidden="true">↑</span> {et("controls.upShort")}
      </button>
      <button
        type="button"
        className="btn btn-small"
        data-control={`${key}:down`}
        aria-label={et("controls.down", { item: name })}
        aria-disabled={index === count - 1 || undefined}
        onClick={() => moveBy(1)}
        {...tab("down")}
      >
        <span aria-hidden="true">↓</span> {et("controls.downShort")}
      </button>
      <button
        type="button"
        className="btn btn-small btn-danger"
        data-control={`${key}:remove`}
        aria-label={et("controls.remove", { item: name })}
        onClick={() => {
          onChange(removeAt(items, index));
          focusLater(
            count > 1
              ? firstFieldOf(pathKey([...listPath, Math.max(0, index - 1)]))
              : controlOf(pathKey(listPath), "add"),
          );
        }}
        {...tab("remove")}
      >
        <span aria-hidden="true">✕</span> {et("controls.removeShort")}
      </button>
    </div>
  );
}

/** The "add" button at the end of a list; the new item gets the focus. */
export function AddButton<T>({
  listPath,
  items,
  onChange,
  newItem,
  label,
  ariaLabel,
  disabled,
}: ListProps<T> & {
  newItem: () => T;
  label: string;
  ariaLabel?: string;
  disabled?: boolean;
}) {
  const { focusLater } = useEditorContext();
  return (
    <button
      type="button"
      className="btn btn-small btn-add"
      data-control={`${pathKey(listPath)}:add`}
      aria-label={ariaLabel}
      disabled={disabled}
      onClick={() => {
        onChange(insertAt(items, items.length, newItem()));
        focusLater(firstFieldOf(pathKey([...listPath, items.length])));
      }}
    >
      <span aria-hidden="true">+</span> {label}
    </button>
  );
}

/** A list of texts (paragraphs, recipients, header lines, partner units) with add / move / remove. */
export function TextList({
  path,
  items,
  onChange,
  itemLabel,
  addLabel,
  addAriaLabel,
  multiline,
  list,
  max,
  required,
  emptyText,
  newItem = "",
}: {
  path: Path;
  items: readonly string[];
  onChange: (items: string[]) => void;
  itemLabel: (n: number) => string;
  addLabel: string;
  addAriaLabel?: string;
  multiline?: boolean;
  list?: string | undefined;
  max?: number;
  required?: boolean;
  emptyText?: string;
  newItem?: string;
}) {
  const { et } = useEditorI18n();
  return (
    <div className="text-list" data-path={pathKey(path)}>
      {items.length === 0 && emptyText !== "" ? (
        <p className="empty list-empty">{emptyText ?? et("list.empty")}</p>
      ) : null}
      {items.length > 0 ? (
        <ol className="list-editor">
          {items.map((text, i) => {
            const itemPath = [...path, i];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: texts have no identity but their place
              <li key={i} className="list-row" data-item={pathKey(itemPath)}>
                <TextInput
                  path={itemPath}
                  label={itemLabel(i + 1)}
                  value={text}
                  multiline={multiline}
                  list={list}
                  required={required}
                  className="field-grow"
                  onChange={(v) => onChange(replaceAt(items, i, v))}
                />
                <ItemControls
                  listPath={path}
                  items={items}
                  onChange={onChange}
                  index={i}
                  name={itemLabel(i + 1)}
                />
              </li>
            );
          })}
        </ol>
      ) : null}
      <AddButton
        listPath={path}
        items={items}
        onChange={onChange}
        newItem={() => newItem}
        label={addLabel}
        ariaLabel={addAriaLabel}
        disabled={max !== undefined && items.length >= max}
      />
    </div>
  );
}
