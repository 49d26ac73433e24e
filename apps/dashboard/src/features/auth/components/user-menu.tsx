import { useLogout } from "@kehoach/client/auth";
import { Link, useNavigate } from "@tanstack/react-router";
import { useI18n } from "../../../i18n";
import { usePopover } from "../../../lib/use-popover";

type Me = {
  displayName: string;
  username: string;
  role: "commune_staff" | "commune_leader" | "overseer" | "admin";
};

/** Who is signed in, in which role, and the account links; a disclosure menu usable by keyboard. */
export function UserMenu({ me }: { me: Me }) {
  const { t } = useI18n();
  const { open, setOpen, ref, buttonRef } = usePopover();
  const logout = useLogout();
  const navigate = useNavigate();

  const close = () => setOpen(false);

  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        ref={buttonRef}
        className="user-menu-button"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={() => setOpen((o) => !o)}
      >
        <span className="user-name">{me.displayName}</span>
        <span className="user-role">{t(`role.${me.role}`)}</span>
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id="user-menu-panel" className="user-menu-panel" hidden={!open}>
        <p className="user-menu-id">
          <span className="muted">{t("user.menu")}:</span> <strong>{me.username}</strong>
        </p>
        <ul>
          <li>
            <Link to="/account/password" onClick={close}>
              {t("user.changePassword")}
            </Link>
          </li>
          <li>
            <Link to="/account/sessions" onClick={close}>
              {t("user.sessions")}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="link-button"
              disabled={logout.isPending}
              onClick={() =>
                logout.mutate(undefined, {
                  onSettled: () => {
                    close();
                    void navigate({ to: "/login", search: {} });
                  },
                })
              }
            >
              {logout.isPending ? t("user.loggingOut") : t("user.logout")}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
