import { ApiError } from "@kehoach/client/api";
import {
  planIssueFindingsQuery,
  planKeys,
  useCopyToNextPeriod,
  useDeletePlan,
  useTransition,
} from "@kehoach/client/plans";
import { isDraft as notIssued } from "@kehoach/core/plan/document-text";
import { locationLabel } from "@kehoach/core/plan/locations";
import type { Plan } from "@kehoach/core/plan/schema";
import { availableActions, isCommuneWriter, type Action as Step } from "@kehoach/core/plan/transitions";
import { useIsFetching, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useId, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { Field } from "../../../components/field";
import { ModalDialog } from "../../../components/modal-dialog";
import { type LifecycleKey, useLifecycleI18n } from "../lib/i18n";
import "./lifecycle.css";

type Me = { role: string; unit: { id: string } | null };
type Dialog = "issue" | "submit" | "delete" | "cancel" | "return" | null;

const PRIMARY: readonly Step[] = ["submit", "approve", "issue", "start", "complete"];

/**
 * The plan's next steps for this user, by status and role: submit, return, approve, issue, start,
 * complete, cancel (with a reason), amend, copy to the next period, edit and delete a draft.
 * Every step is sent with the version on screen; 409 / 422 / 403 answers are explained here.
 */
export function LifecycleActions({ plan, me }: { plan: Plan; me: Me }) {
  const { lt } = useLifecycleI18n();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const transition = useTransition(plan.id);
  const remove = useDeletePlan(plan.id);
  const copy = useCopyToNextPeriod(plan.id);
  const refreshing = useIsFetching({ queryKey: planKeys.detail(plan.id) }) > 0;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const bodyId = useId();

  const who = { role: me.role, unitId: me.unit?.id };
  const writer = isCommuneWriter(who, plan.communeId);
  const steps = availableActions(who, plan);
  const busy = transition.isPending || remove.isPending || copy.isPending;
  const isDraft = plan.status === "draft";
  // What would block issuing it today: submit and issue warn with it before they go.
  const beforeIssue = notIssued(plan.status);
  const blocking = useQuery({ ...planIssueFindingsQuery(plan.id), enabled: writer && beforeIssue });
  const blockers = blocking.data ?? [];

  function openDialog(d: Exclude<Dialog, null>) {
    setReason("");
    setReasonError(undefined);
    setError(null);
    setDialog(d);
  }

  async function run(step: Step, note?: string) {
    setError(null);
    setDone(null);
    try {
      const p = (await transition.mutateAsync({
        action: step,
        version: plan.version,
        ...(note ? { reason: note } : {}),
      })) as unknown as Plan;
      setDialog(null);
      if (step === "amend") {
        void navigate({ to: "/plans/$planId/edit", params: { planId: p.id } });
        return;
      }
      qc.setQueryData(planKeys.detail(plan.id), p as never);
      setDone(lt(`lifecycle.done.${step}` as LifecycleKey, { symbol: p.documentNumber.symbol ?? "" }));
      // The button just used may be gone: continue from the message that says what happened.
      requestAnimationFrame(() => doneRef.current?.focus());
    } catch (e) {
      if (step === "cancel" && e instanceof ApiError && e.status === 400) {
        const issue = e.issues.find((i) => i.path[0] === "reason");
        if (issue) {
          setReasonError(lt("lifecycle.cancelReasonShort"));
          return;
        }
      }
      setDialog(null);
      setError(e);
    }
  }

  async function copyToNext() {
    setError(null);
    setDone(null);
    try {
      const p = await copy.mutateAsync();
      void navigate({ to: "/plans/$planId/edit", params: { planId: p.id } });
    } catch (e) {
      setError(e);
    }
  }

  async function deleteDraft() {
    try {
      await remove.mutateAsync(plan.version);
      setDialog(null);
      // The list must not show the deleted draft, even for a moment from its cache.
      qc.removeQueries({ queryKey: [...planKeys.all, "list"] });
      void navigate({ to: "/communes/$communeId/plans", params: { communeId: plan.communeId } });
    } catch (e) {
      setDialog(null);
      setError(e);
    }
  }

  const reload = () => {
    setError(null);
    void qc.invalidateQueries({ queryKey: planKeys.detail(plan.id) });
    void qc.invalidateQueries({ queryKey: planKeys.history(plan.id) });
  };

  const stepButton = (step: Step) => {
    const label = lt(`lifecycle.${step}`);
    const onClick =
      step === "issue" || step === "cancel" || step === "return"
        ? () => openDialog(step)
        : step === "submit" && blockers.length > 0
          ? () => openDialog("submit")
          : () => void run(step);
    const kind = step === "cancel" ? "btn-danger" : PRIMARY.includes(step) ? "btn-primary" : "";
    return (
      <button
        key={step}
        type="button"
        className={`btn ${kind}`}
        disabled={busy || refreshing}
        onClick={onClick}
      >
        {label}
      </button>
    );
  };

  const hasAny = steps.length > 0 || (writer && (isDraft || Boolean(plan.period)));
  if (!writer && !plan.amends && !plan.amendedBy) return null;

  return (
    <section className="lifecycle no-print" aria-labelledby="lifecycle-title" aria-busy={busy}>
      <h2 id="lifecycle-title" className="lifecycle-title">
        {lt("lifecycle.title")}
      </h2>
      {plan.amends ? (
        <p className="lifecycle-note">
          {lt("lifecycle.amends")}{" "}
          <Link to="/plans/$planId" params={{ planId: plan.amends }}>
            {lt("lifecycle.amendsLink")}
          </Link>
        </p>
      ) : null}
      {plan.amendedBy ? (
        <p className="lifecycle-note">
          {lt("lifecycle.amendedBy")}{" "}
          <Link to="/plans/$planId" params={{ planId: plan.amendedBy }}>
            {lt("lifecycle.amendedByLink")}
          </Link>
        </p>
      ) : null}
      {writer ? (
        <div className="lifecycle-buttons">
          {isDraft ? (
            <Link to="/plans/$planId/edit" params={{ planId: plan.id }} className="btn btn-primary">
              {lt("lifecycle.edit")}
            </Link>
          ) : null}
          {steps.map(stepButton)}
          {plan.period ? (
            <button type="button" className="btn" disabled={busy} onClick={() => void copyToNext()}>
              {lt("lifecycle.copy")}
            </button>
          ) : null}
          {isDraft ? (
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => openDialog("delete")}
            >
              {lt("lifecycle.delete")}
            </button>
          ) : null}
          {!hasAny ? <p className="muted">{lt("lifecycle.none")}</p> : null}
          {busy ? <span className="muted">{lt("lifecycle.working")}</span> : null}
        </div>
      ) : null}

      <p ref={doneRef} tabIndex={-1} className={done ? "lifecycle-done" : "visually-hidden"} role="status">
        {done}
      </p>
      {error ? <LifecycleError error={error} plan={plan} onReload={reload} /> : null}

      <ConfirmDialog
        open={dialog === "issue"}
        title={lt("lifecycle.issueTitle")}
        body={lt("lifecycle.issueBody")}
        confirm={lt("lifecycle.issueConfirm")}
        confirmClass="btn-primary"
        busy={busy}
        onConfirm={() => void run("issue")}
        onClose={() => setDialog(null)}
      >
        {blockers.length ? <Blockers plan={plan} findings={blockers} /> : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "submit"}
        title={lt("lifecycle.submitTitle")}
        body={lt("lifecycle.submitBlocked", { count: blockers.length })}
        confirm={lt("lifecycle.submitAnyway")}
        confirmClass="btn-primary"
        busy={busy}
        onConfirm={() => void run("submit")}
        onClose={() => setDialog(null)}
      >
        <Blockers plan={plan} findings={blockers} />
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === "delete"}
        title={lt("lifecycle.deleteTitle")}
        body={lt("lifecycle.deleteBody")}
        confirm={lt("lifecycle.deleteConfirm")}
        confirmClass="btn-danger"
        busy={busy}
        onConfirm={() => void deleteDraft()}
        onClose={() => setDialog(null)}
      />

      <ModalDialog
        open={dialog === "cancel" || dialog === "return"}
        title={lt(dialog === "return" ? "lifecycle.returnTitle" : "lifecycle.cancelTitle")}
        onClose={() => setDialog(null)}
        describedBy={bodyId}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const r = reason.trim();
            if (dialog === "cancel" && r.length < 3) {
              setReasonError(lt("lifecycle.cancelReasonShort"));
              return;
            }
            void run(dialog === "return" ? "return" : "cancel", r || undefined);
          }}
        >
          <p id={bodyId}>{lt(dialog === "return" ? "lifecycle.returnBody" : "lifecycle.cancelBody")}</p>
          <Field
            label={lt(dialog === "return" ? "lifecycle.returnReason" : "lifecycle.cancelReason")}
            error={reasonError}
          >
            {(control) => (
              <textarea
                {...control}
                value={reason}
                rows={3}
                required={dialog === "cancel"}
                onChange={(e) => {
                  setReason(e.target.value);
                  setReasonError(undefined);
                }}
              />
            )}
          </Field>
          <div className="modal-actions">
            <button
              type="submit"
              className={`btn ${dialog === "cancel" ? "btn-danger" : "btn-primary"}`}
              disabled={busy}
            >
              {lt(dialog === "return" ? "lifecycle.returnConfirm" : "lifecycle.cancelConfirm")}
            </button>
            <button type="button" className="btn" onClick={() => setDialog(null)}>
              {lt("lifecycle.no")}
            </button>
          </div>
        </form>
      </ModalDialog>
    </section>
  );
}

/** A yes/no question before a step that cannot be undone; "No" has the focus, so Enter is safe. */
function ConfirmDialog({
  open,
  title,
  body,
  confirm,
  confirmClass,
  busy,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  body: string;
  children?: ReactNode;
  confirm: string;
  confirmClass: "btn-primary" | "btn-danger";
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { lt } = useLifecycleI18n();
  const bodyId = useId();
  return (
    <ModalDialog open={open} title={title} onClose={onClose} describedBy={bodyId}>
      <p id={bodyId}>{body}</p>
      {children}
      <div className="modal-actions">
        <button type="button" className={`btn ${confirmClass}`} disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="btn" data-autofocus onClick={onClose}>
          {lt("lifecycle.no")}
        </button>
      </div>
    </ModalDialog>
  );
}

type Blocker = { location: { path: (string | number)[] }; message: { vi: string; en: string } };

/** The errors that would block issuing (the checker's findings), as the document reads. */
function Blockers({ plan, findings }: { plan: Plan; findings: Blocker[] }) {
  return (
    <PlacedMessages
      plan={plan}
      items={findings.map((f) => ({ path: f.location.path, message: f.message }))}
      testId="issue-blockers-warning"
    />
  );
}

/** Messages each with where it is in the plan, named as the document reads ("Mục III › 1 › đoạn 1"). */
function PlacedMessages({
  plan,
  items,
  testId,
}: {
  plan: Plan;
  items: { path: (string | number)[]; message: { vi: string; en: string } }[];
  testId?: string;
}) {
  const { pick } = useLifecycleI18n();
  return (
    <ul className="lifecycle-issues" data-testid={testId}>
      {items.map((i) => (
        <li key={`${i.path.join(".")}|${i.message.vi}`}>
          <strong>{pick(locationLabel(plan, i.path))}</strong>: {pick(i.message)}
        </li>
      ))}
    </ul>
  );
}

/** 409: reload and retry; 422: the checker errors that block issuing; anything else as it came. */
function LifecycleError({ error, plan, onReload }: { error: unknown; plan: Plan; onReload: () => void }) {
  const { lt, pick } = useLifecycleI18n();
  if (error instanceof ApiError && error.status === 409 && error.code === "version_conflict") {
    return (
      <div className="alert alert-error" role="alert">
        <span>{lt("lifecycle.conflict")}</span>
        <span>
          <button type="button" className="btn btn-small" onClick={onReload}>
            {lt("lifecycle.reload")}
          </button>
        </span>
      </div>
    );
  }
  if (error instanceof ApiError && error.status === 422) {
    return (
      <div className="alert alert-error" role="alert" data-testid="checker-errors">
        <strong className="alert-title">{lt("lifecycle.checkerTitle")}</strong>
        <span>{pick(error.messages)}</span>
        <span>{lt("lifecycle.checkerHint")}</span>
        <PlacedMessages
          plan={plan}
          items={error.issues.map((i) => ({
            path: i.path.slice(i.path[0] === "content" ? 1 : 0),
            message: i.message,
          }))}
        />
      </div>
    );
  }
  return <ErrorAlert error={error} />;
}
