import { Link, Outlet } from "@tanstack/react-router";
import { useAdminI18n } from "../lib/messages";
import "../admin.css";

const TABS = [
  { to: "/admin/units", label: "admin.tab.units" },
  { to: "/admin/scopes", label: "admin.tab.scopes" },
  { to: "/admin/users", label: "admin.tab.users" },
  { to: "/admin/lineage", label: "admin.tab.lineage" },
] as const;

/** The admin area: its own tabs above each admin page. Only admins reach it (the route checks). */
export function AdminLayout() {
  const { t } = useAdminI18n();
  return (
    <div className="admin">
      <nav className="admin-tabs" aria-label={t("admin.sectionNav")}>
        <ul>
          {TABS.map((tab) => (
            <li key={tab.to}>
              <Link
                to={tab.to}
                className="admin-tab"
                activeProps={{ "aria-current": "page", className: "active" }}
              >
                {t(tab.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
