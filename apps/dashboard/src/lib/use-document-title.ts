import { useEffect } from "react";

/** "Page · KeHoach" in the browser tab and in screen readers' window list. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · KeHoach` : "KeHoach";
  }, [title]);
}
