import type { EventDetails } from "@kehoach/core/plan/schema";
import { useI18n } from "../../../i18n";
import { formatDate, formatVnd } from "../../../lib/format";

/** The event the plan prepares, at a glance: when, who and how many, where, paid by whom. */
export function EventCard({ event }: { event: EventDetails }) {
  const { t } = useI18n();
  const when = [event.duration, event.date ? formatDate(event.date) : undefined, event.time]
    .filter(Boolean)
    .join(" · ");
  const funding = [
    event.fundingSource,
    event.budgetAmount !== undefined ? formatVnd(event.budgetAmount) : undefined,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <section className="card event-card" aria-labelledby="event-card-title">
      <h2 id="event-card-title" className="card-title">
        {t("event.title")}
      </h2>
      {event.name ? <p className="event-name">{event.name}</p> : null}
      <dl className="facts">
        {when ? (
          <div>
            <dt>{t("event.time")}</dt>
            <dd>
              {when}
              {event.dateTentative ? (
                <span className="chip chip-tentative">{t("event.tentative")}</span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {event.attendeeCount !== undefined ? (
          <div>
            <dt>{t("event.attendees")}</dt>
            <dd>
              {event.attendeeCountApproximate
                ? t("event.approx", { count: event.attendeeCount })
                : String(event.attendeeCount)}
            </dd>
          </div>
        ) : null}
        {event.attendeeGroups.length ? (
          <div>
            <dt>{t("event.groups")}</dt>
            <dd>
              <ul className="plain-list">
                {event.attendeeGroups.map((g) => (
                  <li key={g.name}>
                    {g.name.replace(/\s+/g, " ")}
                    {g.count !== undefined ? ` (${g.count})` : ""}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {event.venue ? (
          <div>
            <dt>{t("event.venue")}</dt>
            <dd>{event.venue}</dd>
          </div>
        ) : null}
        {funding ? (
          <div>
            <dt>{t("event.funding")}</dt>
            <dd>{funding}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
