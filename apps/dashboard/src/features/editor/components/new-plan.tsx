import { templatesQuery, useCreatePlan } from "@kehoach/client/plans";
import type { PlanContentInput } from "@kehoach/core/plan/schema";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useRouteContext } from "@tanstack/react-router";
import { useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { useEditorI18n } from "../lib/i18n";
import "../editor.css";

/** Who may start a plan in a commune: its own staff and leaders (the API says the same). */
export function canCreatePlans(me: { role: string; unit: { id: string } | null }, communeId: string) {
  return (me.role === "commune_staff" || me.role === "commune_leader") && me.unit?.id === communeId;
}

/** "Tạo kế hoạch" on the plan list, for those who may. */
export function NewPlanLink({ communeId }: { communeId: string }) {
  const { et } = useEditorI18n();
  const { me } = useRouteContext({ from: "/_app" });
  if (!canCreatePlans(me, communeId)) return null;
  return (
    <Link
      to="/communes/$communeId/plans/new"
      params={{ communeId }}
      className="btn btn-primary new-plan-link"
    >
      <span aria-hidden="true">+</span> {et("new.button")}
    </Link>
  );
}

/** Choose a template, create the draft from it, open it in the editor. */
export function NewPlanForm({ communeId }: { communeId: string }) {
  const { et, etTry, lang } = useEditorI18n();
  const templates = useQuery(templatesQuery(communeId));
  const create = useCreatePlan();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string | null>(null);
  const list = templates.data ?? [];
  const selected = list.find((t) => t.id === chosen) ?? list[0];
  const text = (id: string, part: "name" | "description", fallback: string) =>
    lang === "vi" ? fallback : (etTry(`template.${id}.${part}`) ?? fallback);

  if (templates.isPending) return <Loading />;
  if (templates.isError) return <ErrorAlert error={templates.error} />;

  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!selected) return;
        const plan = await create
          .mutateAsync({ communeId, content: selected.content as PlanContentInput })
          .catch(() => null);
        if (plan) void navigate({ to: "/plans/$planId/edit", params: { planId: plan.id } });
      }}
    >
      <p>{et("new.intro")}</p>
      <fieldset className="template-list">
        <legend className="visually-hidden">{et("new.templates")}</legend>
        {list.map((t) => (
          <label key={t.id} className="template-option">
            <input
              type="radio"
              name="template"
              value={t.id}
              checked={selected?.id === t.id}
              onChange={() => setChosen(t.id)}
            />
            <span>
              <span className="template-name">{text(t.id, "name", t.name)}</span>
              <span className="template-description">{text(t.id, "description", t.description)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <ErrorAlert error={create.error} />
      <div className="page-actions">
        <button type="submit" className="btn btn-primary" disabled={!selected || create.isPending}>
          {create.isPending ? et("new.creating") : et("new.create")}
        </button>
        <Link to="/communes/$communeId/plans" params={{ communeId }} className="btn btn-ghost">
          {et("new.back")}
        </Link>
      </div>
    </form>
  );
}
