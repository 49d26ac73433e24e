import { planQuery } from "@kehoach/client/plans";
import type { Plan } from "@kehoach/core/plan/schema";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { canCreatePlans } from "../../features/editor/components/new-plan";
import { PlanEditor } from "../../features/editor/components/plan-editor";
import { ReadOnlyNotice } from "../../features/editor/components/read-only-notice";
import { useDocumentTitle } from "../../lib/use-document-title";

const route = getRouteApi("/_app/plans/$planId/edit");

/** The editor of a draft; anything else (or a reader without the right) gets a read-only page. */
export function PlanEditPage() {
  const { planId } = route.useParams();
  const { me } = route.useRouteContext();
  const { focus } = route.useSearch();
  // Hono's JSON typing flattens the recursive SectionItem to JSONValue; the API returns a Plan.
  const latest = useSuspenseQuery(planQuery(planId)).data as unknown as Plan;
  // The editor starts from the plan as it was opened; later changes reach it through its saves
  // (a 409 shows the other version), never by replacing what is being typed.
  const [opened] = useState(() => ({ id: planId, plan: latest }));
  const plan = opened.id === planId ? opened.plan : latest;
  useDocumentTitle(plan.subject);

  if (!canCreatePlans(me, plan.communeId)) return <ReadOnlyNotice plan={plan} reason="no_right" />;
  if (plan.status !== "draft") return <ReadOnlyNotice plan={plan} reason="not_draft" />;
  return <PlanEditor key={plan.id} plan={plan} focus={focus?.split(".")} />;
}
