import { planFindingsQuery, planIssueFindingsQuery } from "@kehoach/client/plans";
import { isDraft } from "@kehoach/core/plan/document-text";
import type { PlanStatus } from "@kehoach/core/plan/schema";
import { useQuery } from "@tanstack/react-query";
import { useRouteContext, useRouter } from "@tanstack/react-router";
import { useId } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { FindingsList } from "../../../components/findings/findings-list";
import { useCheckerI18n } from "../../../components/findings/i18n";
import { IssueBlockers } from "../../../components/findings/issue-blockers";
import type { Finding, FindingPath } from "../../../components/findings/types";
import { Loading } from "../../../components/loading";

/** Where the editor opens a field: /plans/$planId/edit?focus=basis.0.date (the editor reads `focus`). */
export const editFocusHref = (planId: string, path: FindingPath) =>
  `/plans/${encodeURIComponent(planId)}/edit?focus=${encodeURIComponent(path.join("."))}`;

type Props = { plan: { id: string; communeId: string; status: PlanStatus } };

/**
 * "Kiểm tra thể thức" on the plan page: the Decree 30 checker on the saved plan. For a draft the
 * user may edit, a finding opens its field in the editor.
 */
export function PlanCheckerPanel({ plan }: Props) {
  const { ct } = useCheckerI18n();
  const id = useId();
  const router = useRouter();
  const { me } = useRouteContext({ from: "/_app" });
  const findings = useQuery(planFindingsQuery(plan.id));
  // Before issue, the panel also shows what would block issuing today.
  const beforeIssue = isDraft(plan.status);
  const blocking = useQuery({ ...planIssueFindingsQuery(plan.id), enabled: beforeIssue });
  const canEdit =
    plan.status === "draft" &&
    (me.role === "commune_staff" || me.role === "commune_leader") &&
    me.communes.some((c) => c.id === plan.communeId);
  // The editor route is another feature's; link to it only once it exists.
  const hasEditor = "/plans/$planId/edit" in (router.routesByPath as Record<string, unknown>);
  const onSelect =
    canEdit && hasEditor
      ? (path: FindingPath) => void router.navigate({ href: editFocusHref(plan.id, path) })
      : undefined;

  return (
    <section className="card checker-panel" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {ct("findings.title")}
      </h2>
      {findings.isPending ? <Loading label={ct("findings.loading")} /> : null}
      {findings.error ? <ErrorAlert error={findings.error} /> : null}
      {blocking.error ? <ErrorAlert error={blocking.error} /> : null}
      {beforeIssue && blocking.data ? (
        <IssueBlockers findings={blocking.data as Finding[]} onSelect={onSelect} />
      ) : null}
      {findings.data ? (
        <>
          {beforeIssue ? <h3 className="findings-as-draft">{ct("findings.asDraft")}</h3> : null}
          {onSelect && findings.data.length ? <p className="field-hint">{ct("findings.editHint")}</p> : null}
          <FindingsList findings={findings.data as Finding[]} onSelect={onSelect} />
        </>
      ) : null}
    </section>
  );
}
