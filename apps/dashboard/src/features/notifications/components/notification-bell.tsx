import { notificationsQuery, useMarkRead } from "@kehoach/client/notifications";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { createMessages, useMessages } from "../../../i18n";
import { formatDate, formatDateTime } from "../../../lib/format";
import { usePopover } from "../../../lib/use-popover";
import "./notifications.css";

const messages = createMessages(
  {
    "bell.label": "Thông báo: {count} chưa đọc",
    "bell.labelNone": "Thông báo: không có thông báo chưa đọc",
    "bell.title": "Thông báo",
    "bell.empty": "Chưa có thông báo nào.",
    "bell.markAll": "Đánh dấu đã đọc tất cả",
    "bell.kind.overdue": "Quá hạn",
    "bell.kind.due_soon": "Sắp đến hạn",
    "bell.kind.comment": "Góp ý",
    "bell.kind.revision_request": "Yêu cầu chỉnh sửa",
    "bell.kind.reply": "Trả lời",
    "bell.kind.resolved": "Đã giải quyết",
    "bell.deadline": "Hạn {date}",
    "bell.on": "Về: {title}",
    "bell.unread": "Chưa đọc",
  },
  {
    "bell.label": "Notifications: {count} unread",
    "bell.labelNone": "Notifications: none unread",
    "bell.title": "Notifications",
    "bell.empty": "No notifications yet.",
    "bell.markAll": "Mark all read",
    "bell.kind.overdue": "Overdue",
    "bell.kind.due_soon": "Due soon",
    "bell.kind.comment": "Comment",
    "bell.kind.revision_request": "Revision request",
    "bell.kind.reply": "Answer",
    "bell.kind.resolved": "Resolved",
    "bell.deadline": "Due {date}",
    "bell.on": "On: {title}",
    "bell.unread": "Unread",
  },
);

/**
 * The header's bell: the unread count in its name, a panel of the latest notices — task reminders,
 * and comments, revision requests, answers and resolutions — each linking to its task or plan (a
 * comment's to its thread) and marked read when followed; "mark all read". Escape or a click
 * outside closes the panel, and Escape puts the focus back on the bell.
 */
export function NotificationBell() {
  const { t } = useMessages(messages);
  const query = useQuery(notificationsQuery());
  const markRead = useMarkRead();
  const { open, setOpen, ref, buttonRef } = usePopover();
  const panelId = useId();
  const unread = query.data?.unread ?? 0;

  const label = unread ? t("bell.label", { count: unread }) : t("bell.labelNone");

  return (
    <div className="bell" ref={ref}>
      <button
        type="button"
        ref={buttonRef}
        className="bell-button"
        aria-label={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread ? (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      <section id={panelId} className="bell-panel" hidden={!open} aria-label={t("bell.title")}>
        <div className="bell-panel-head">
          <h2 className="bell-title">{t("bell.title")}</h2>
          {unread ? (
            <button
              type="button"
              className="link-button"
              disabled={markRead.isPending}
              onClick={() => markRead.mutate("all")}
            >
              {t("bell.markAll")}
            </button>
          ) : null}
        </div>
        {query.isPending ? (
          <Loading />
        ) : query.isError ? (
          <ErrorAlert error={query.error} />
        ) : query.data.items.length === 0 ? (
          <p className="empty bell-empty">{t("bell.empty")}</p>
        ) : (
          <ul className="bell-list">
            {query.data.items.map((n) => (
              <li key={n.id} className={n.read ? "bell-item" : "bell-item bell-item-unread"}>
                <Link
                  {...(n.seriesId && n.taskId
                    ? { to: "/tasks/$seriesId/$taskId", params: { seriesId: n.seriesId, taskId: n.taskId } }
                    : { to: "/plans/$planId", params: { planId: n.planId } })}
                  {...(n.commentId ? { hash: `comment-${n.commentId}` } : {})}
                  onClick={() => {
                    if (!n.read) markRead.mutate(n.id);
                    setOpen(false);
                  }}
                >
                  <span className={`badge bell-kind bell-kind-${n.kind}`}>{t(`bell.kind.${n.kind}`)}</span>
                  {n.read ? null : <span className="visually-hidden">{t("bell.unread")}: </span>}
                  <span className="bell-text">
                    {n.actorName ? <strong>{n.actorName}: </strong> : null}
                    {n.description}
                  </span>
                  {n.subjectTitle ? (
                    <span className="bell-subject muted">{t("bell.on", { title: n.subjectTitle })}</span>
                  ) : null}
                  <span className="bell-date muted">
                    {n.deadline
                      ? t("bell.deadline", { date: formatDate(n.deadline) })
                      : formatDateTime(n.createdAt)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
