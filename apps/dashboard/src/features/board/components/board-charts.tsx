import type { BoardPeriods, BoardRow } from "@kehoach/client/board";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useBoardI18n } from "../lib/i18n";

const COLORS = { overdue: "#a3111b", onTime: "#1d6b35", late: "#b26a00", missing: "#8a97a8" };

type Props = {
  rows: BoardRow[];
  periods: BoardPeriods;
  unit: "commune" | "province";
  /** The scope's first day: periods due before it are left out unless a report came for them. */
  since?: string | undefined;
};

/**
 * The board's two charts, loaded only when shown (recharts stays out of the first bundle): overdue
 * tasks by commune, and periodic reports per period — for communes, how many reported on time,
 * late or not at all (as the board's report columns count them); for provinces, the reports sent.
 * Each chart has its figures as a table beside it for screen readers and print.
 */
export default function BoardCharts({ rows, periods, unit, since }: Props) {
  const { bt, pick } = useBoardI18n();
  const overdue = [...rows]
    .sort((a, b) => b.tasks.overdue - a.tasks.overdue || a.name.localeCompare(b.name, "vi"))
    .map((r) => ({ name: r.name, overdue: r.tasks.overdue }));
  const history = periods.history.filter(
    (p) => !since || p.due >= since || rows.some((r) => r.reportHistory[p.key]),
  );
  const reports = history.map((p) => {
    let onTime = 0;
    let late = 0;
    let missing = 0;
    for (const r of rows) {
      const h = r.reportHistory[p.key];
      if (unit === "province") {
        onTime += h?.onTime ?? 0;
        late += h?.late ?? 0;
      } else if (h?.onTime) onTime++;
      else if (h?.late) late++;
      else missing++;
    }
    return { period: pick(p.label), onTime, late, missing };
  });
  const labels = {
    overdue: bt("col.overdue"),
    onTime: bt("report.on_time"),
    late: bt("report.late"),
    missing: bt("report.missing"),
  };
  const anyOverdue = overdue.some((d) => d.overdue > 0);

  return (
    <div className="board-charts">
      <figure className="card board-chart">
        <figcaption className="card-title">{bt("charts.overdue")}</figcaption>
        {anyOverdue ? (
          <ResponsiveContainer width="100%" height={Math.max(160, overdue.length * 34 + 50)}>
            <BarChart data={overdue} layout="vertical" margin={{ left: 8, right: 24 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={130} />
              <Tooltip />
              <Bar dataKey="overdue" name={labels.overdue} fill={COLORS.overdue} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        ) : (
          <p className="muted">{bt("charts.overdueNone")}</p>
        )}
        <details className="chart-data">
          <summary>{bt("charts.data")}</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{bt("charts.unit")}</th>
                <th scope="col">{labels.overdue}</th>
              </tr>
            </thead>
            <tbody>
              {overdue.map((d) => (
                <tr key={d.name}>
                  <th scope="row">{d.name}</th>
                  <td className="num">{d.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>

      <figure className="card board-chart">
        <figcaption className="card-title">{bt("charts.reports")}</figcaption>
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={reports} margin={{ left: 0, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="period" interval={0} angle={-20} textAnchor="end" height={60} fontSize={12} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar
              dataKey="onTime"
              stackId="r"
              name={labels.onTime}
              fill={COLORS.onTime}
              isAnimationActive={false}
            />
            <Bar dataKey="late" stackId="r" name={labels.late} fill={COLORS.late} isAnimationActive={false} />
            {unit === "commune" ? (
              <Bar
                dataKey="missing"
                stackId="r"
                name={labels.missing}
                fill={COLORS.missing}
                isAnimationActive={false}
              />
            ) : null}
          </BarChart>
        </ResponsiveContainer>
        <details className="chart-data">
          <summary>{bt("charts.data")}</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{bt("charts.period")}</th>
                <th scope="col">{labels.onTime}</th>
                <th scope="col">{labels.late}</th>
                {unit === "commune" ? <th scope="col">{labels.missing}</th> : null}
              </tr>
            </thead>
            <tbody>
              {reports.map((d) => (
                <tr key={d.period}>
                  <th scope="row">{d.period}</th>
                  <td className="num">{d.onTime}</td>
                  <td className="num">{d.late}</td>
                  {unit === "commune" ? <td className="num">{d.missing}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
    </div>
  );
}
