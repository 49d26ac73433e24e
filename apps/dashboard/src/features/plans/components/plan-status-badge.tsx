import type { PlanStatus } from "@kehoach/core/plan/schema";
import { useI18n } from "../../../i18n";

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}
