import { type Path, pathKey } from "./content";

const FOCUSABLE = "input, textarea, select, button";

/**
 * Focus the control of a content path, e.g. a checker finding at ["basis", 0, "date"]. A path
 * without its own control (["sections"], ["recipients"]) falls back to the nearest part that has
 * one: the element marked with that data-path, then shorter paths. Returns whether it found one.
 */
export function focusPath(path: Path, root: ParentNode = document): boolean {
  for (let n = path.length; n > 0; n--) {
    const key = pathKey(path.slice(0, n));
    const el = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(key)}"]`);
    if (!el) continue;
    const target = el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
    if (!target) continue;
    target.scrollIntoView({ block: "center", behavior: "instant" as ScrollBehavior });
    target.focus({ preventScroll: true });
    return true;
  }
  return false;
}
