import type { Messages } from "@kehoach/client/api";
import { createContext, useContext } from "react";
import type { Path } from "../lib/content";

export type EditorContextValue = {
  /** The message (both languages) for the field at a path, from the schema or the API. */
  errorAt: (path: Path) => Messages | undefined;
  /** After the next render, focus the first element matching the selector (for add / move / remove). */
  focusLater: (selector: string) => void;
  /** The commune's offices, offered for assignment units (free text is allowed too). */
  officesListId: string;
  /** The event date, for deadlines relative to it. */
  eventDate: string | undefined;
};

export const EditorContext = createContext<EditorContextValue>({
  errorAt: () => undefined,
  focusLater: () => {},
  officesListId: "",
  eventDate: undefined,
});

export const useEditorContext = () => useContext(EditorContext);

/** Selectors the list controls use to put focus back where the user was. */
export const itemSelector = (key: string) => `[data-item="${CSS.escape(key)}"]`;
export const firstFieldOf = (key: string) =>
  `${itemSelector(key)} :is(input, textarea, select):not([type="hidden"])`;
export const controlOf = (key: string, control: "up" | "down" | "remove" | "add") =>
  `[data-control="${CSS.escape(`${key}:${control}`)}"]`;
