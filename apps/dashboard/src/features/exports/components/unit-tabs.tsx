import type { Unit } from "@kehoach/client/exports";
import { Link } from "@tanstack/react-router";
import { useExportsI18n } from "../lib/i18n";

/** Exports | Schedules of one unit. */
export function UnitTabs({ unit }: { unit: Unit }) {
  const { xt } = useExportsI18n();
  const params = { unitKind: unit.unitKind, unitId: unit.unitId };
  return (
    <nav className="tabs" aria-label={xt("exports.title")}>
      <Link
        to="/exports/$unitKind/$unitId"
        params={params}
        activeProps={{ "aria-current": "page", className: "active" }}
      >
        {xt("exports.exportsLink")}
      </Link>{" "}
      <Link
        to="/schedules/$unitKind/$unitId"
        params={params}
        activeProps={{ "aria-current": "page", className: "active" }}
      >
        {xt("exports.schedulesLink")}
      </Link>
    </nav>
  );
}
