import { planDocxUrl } from "@kehoach/client/plans";
import { useCheckerI18n } from "../../../components/findings/i18n";

/** "Tải DOCX": the Decree 30 Word file of the plan (the server names it by its symbol). */
export function PlanDocxLink({ planId }: { planId: string }) {
  const { ct } = useCheckerI18n();
  return (
    <a className="btn" href={planDocxUrl(planId)} download title={ct("docx.hint")}>
      {ct("docx.download")}
    </a>
  );
}
