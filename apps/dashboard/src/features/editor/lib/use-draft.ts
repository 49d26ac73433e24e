import { ApiError, type FieldIssue } from "@kehoach/client/api";
import { planQuery, useSavePlan } from "@kehoach/client/plans";
import type { Plan, PlanContent } from "@kehoach/core/plan/schema";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { contentOf, draftJson } from "./content";
import { contentDifferences } from "./diff";
import { contentIssues, validateContent } from "./validation";

/** How long after the last edit the draft is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

export type SavePhase =
  | { kind: "idle" }
  | { kind: "saving" }
  /** Someone saved a different version first: the user must choose (never a silent overwrite). */
  | { kind: "conflict"; current: Plan }
  /** The plan can no longer be saved here (no longer a draft, no right): nothing more is tried. */
  | { kind: "locked"; error: ApiError }
  /** The server refused this content (400): not retried until it changes. */
  | { kind: "rejected"; json: string }
  /** Network or server failure: retried on the next edit or on demand. */
  | { kind: "failed"; error: unknown; json: string };

/**
 * A draft being edited: the content, the version it was read at, and autosave — debounced, one
 * request at a time, only when the content is valid, always with the version read. A 409 puts
 * the editor into a conflict the user resolves with `keepMine` or `takeTheirs`.
 */
export function useDraft(plan: Plan) {
  const qc = useQueryClient();
  const save = useSavePlan(plan.id);
  const [content, setContent] = useState<PlanContent>(() => contentOf(plan));
  const [saved, setSaved] = useState(() => ({
    json: draftJson(contentOf(plan)),
    at: new Date(plan.updatedAt),
    version: plan.version,
  }));
  const [phase, setPhase] = useState<SavePhase>({ kind: "idle" });
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);

  const json = useMemo(() => draftJson(content), [content]);
  const validation = useMemo(() => validateContent(content), [content]);
  const dirty = json !== saved.json;

  // The save callback reads the latest values without being re-created on every keystroke.
  const latest = useRef({ content, json, version: saved.version });
  latest.current = { content, json, version: saved.version };

  const saveNow = useCallback(
    async (atVersion?: number): Promise<boolean> => {
      const { content: snapshot, json: snapshotJson, version } = latest.current;
      const v = atVersion ?? version;
      setPhase({ kind: "saving" });
      try {
        const p = await save.mutateAsync({ version: v, content: snapshot });
        setSaved({ json: snapshotJson, at: new Date(), version: p.version });
        setServerIssues([]);
        setPhase({ kind: "idle" });
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409 && e.code === "version_conflict") {
          const current =
            (e.current as Plan | null | undefined) ??
            (await qc.fetchQuery({ ...planQuery(plan.id), staleTime: 0 }).catch(() => null));
          if (current && current.status !== "draft") {
            setPhase({
              kind: "locked",
              error: new ApiError(409, "not_editable", {
                vi: "Kế hoạch không còn là dự thảo nên không sửa tiếp được.",
                en: "The plan is no longer a draft and cannot be edited.",
              }),
            });
          } else if (current && contentDifferences(snapshot, contentOf(current as Plan)).length === 0) {
            // The stored version already says what I say: take its version, nothing to choose.
            setSaved({ json: snapshotJson, at: new Date(current.updatedAt), version: current.version });
            setPhase({ kind: "idle" });
            return true;
          } else if (current) {
            setPhase({ kind: "conflict", current: current as Plan });
          } else {
            setPhase({ kind: "failed", error: e, json: snapshotJson });
          }
        } else if (e instanceof ApiError && (e.status === 409 || e.status === 403 || e.status === 404)) {
          setPhase({ kind: "locked", error: e });
        } else if (e instanceof ApiError && e.status === 400) {
          setServerIssues(contentIssues(e.issues));
          setPhase({ kind: "rejected", json: snapshotJson });
        } else {
          setPhase({ kind: "failed", error: e, json: snapshotJson });
        }
        return false;
      }
    },
    [save.mutateAsync, qc, plan.id],
  );

  // Autosave: AUTOSAVE_DELAY_MS after the last edit, if valid and nothing else is going on.
  const canAutosave =
    dirty &&
    validation.ok &&
    (phase.kind === "idle" ||
      ((phase.kind === "failed" || phase.kind === "rejected") && phase.json !== json));
  // biome-ignore lint/correctness/useExhaustiveDependencies: json restarts the delay on every edit (the debounce)
  useEffect(() => {
    if (!canAutosave) return;
    const t = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(t);
  }, [canAutosave, saveNow, json]);

  /** Conflict → save my content over the stored version, knowingly. */
  const keepMine = useCallback(() => {
    if (phase.kind !== "conflict") return Promise.resolve(false);
    return saveNow(phase.current.version);
  }, [phase, saveNow]);

  /** Conflict → drop my unsaved changes and continue from the stored version. */
  const takeTheirs = useCallback(() => {
    if (phase.kind !== "conflict") return;
    const theirs = contentOf(phase.current);
    setContent(theirs);
    setSaved({
      json: draftJson(theirs),
      at: new Date(phase.current.updatedAt),
      version: phase.current.version,
    });
    setServerIssues([]);
    setPhase({ kind: "idle" });
    qc.setQueryData(planQuery(plan.id).queryKey, phase.current as never);
  }, [phase, qc, plan.id]);

  // Server issues describe the content that was sent; once the user edits, the schema speaks again.
  const issues = phase.kind === "rejected" && phase.json === json ? serverIssues : [];

  return {
    content,
    setContent,
    json,
    validation,
    serverIssues: issues,
    dirty,
    saved,
    phase,
    saveNow,
    keepMine,
    takeTheirs,
  };
}

export type Draft = ReturnType<typeof useDraft>;
