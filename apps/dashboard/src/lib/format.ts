/** Dates as Vietnamese offices write them: dd/mm/yyyy, times in Asia/Ho_Chi_Minh. */

const VN_TZ = "Asia/Ho_Chi_Minh";

/** "2023-06-22" → "22/06/2023"; anything else is returned unchanged. */
export function formatDate(isoDay: string | undefined | null): string {
  if (!isoDay) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDay;
}

const dateTimeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: VN_TZ,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An ISO instant → "22/06/2023 14:05" in Vietnam time. */
export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(dateTimeParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** An ISO instant → its day in Vietnam, "22/06/2023". */
export function formatInstantDate(iso: string | undefined | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(dateTimeParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year}`;
}

/** Money in đồng: 12.500.000 đ. */
export function formatVnd(amount: number): string {
  return `${new Intl.NumberFormat("vi-VN").format(amount)} đ`;
}

/** The current year in Vietnam. */
export function currentYear(): number {
  return Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
}
