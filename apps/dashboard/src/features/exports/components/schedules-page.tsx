import {
  type Schedule,
  schedulesQuery,
  type Unit,
  useCreateSchedule,
  useDeleteSchedule,
  useSetRetention,
  useUpdateSchedule,
} from "@kehoach/client/exports";
import { PERIOD_KINDS, type PeriodKind } from "@kehoach/core/report/period";
import {
  CRON_PRESETS,
  EXPORT_KINDS,
  type ExportFormat,
  type ExportKind,
  FORMATS_OF,
  PERIOD_RULES,
  type PeriodRule,
  type ScheduleInput,
  unitKindOf,
} from "@kehoach/core/schedule/schema";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ErrorAlert, fieldIssue, SuccessNote } from "../../../components/error-alert";
import { formatDateTime } from "../../../lib/format";
import { useExportsI18n } from "../lib/i18n";
import { KindSelect } from "./kind-select";

const toInput = (s: Schedule): ScheduleInput => ({
  kind: s.kind,
  ...(s.name ? { name: s.name } : {}),
  periodRule: s.periodRule,
  periodKinds: s.periodKinds as PeriodKind[],
  formats: s.formats as ExportFormat[],
  cron: s.cron,
  enabled: s.enabled,
});

/** The unit's schedules (on/off, edit, delete for managers) and how long its exports are kept. */
export function SchedulesPanel({ unit }: { unit: Unit }) {
  const { xt, pick } = useExportsI18n();
  const q = useQuery(schedulesQuery(unit));
  const [editing, setEditing] = useState<Schedule | "new" | null>(null);
  const update = useUpdateSchedule(unit);
  const remove = useDeleteSchedule(unit);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const { canManage, items, retentionDays } = q.data;
  const when = (cron: string) => {
    const preset = CRON_PRESETS.find((p) => p.cron === cron);
    return preset ? pick(preset.label) : cron;
  };
  return (
    <>
      <p>{xt("schedules.intro")}</p>
      {!canManage ? <p className="muted">{xt("schedules.readOnly")}</p> : null}
      {items.length ? (
        <table className="table">
          <caption className="visually-hidden">{xt("schedules.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{xt("schedules.col.name")}</th>
              <th scope="col">{xt("schedules.col.when")}</th>
              <th scope="col">{xt("schedules.col.next")}</th>
              <th scope="col">{xt("schedules.col.state")}</th>
              {canManage ? <th scope="col">{xt("schedules.col.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.scheduleId} data-schedule={s.scheduleId}>
                <td>
                  {s.name ?? xt(`kind.${s.kind}`)}
                  <br />
                  <small className="muted">
                    {xt(`kind.${s.kind}`)} · {xt(`schedules.rule.${s.periodRule}`)} ·{" "}
                    {s.periodKinds.map((k) => xt(`schedules.pk.${k as PeriodKind}`)).join(", ")} ·{" "}
                    {s.formats.join(", ").toUpperCase()}
                  </small>
                </td>
                <td>
                  {when(s.cron)} <code>{s.cron}</code>
                </td>
                <td>{s.nextRunAt ? formatDateTime(s.nextRunAt) : "—"}</td>
                <td>{xt(s.enabled ? "schedules.on" : "schedules.off")}</td>
                {canManage ? (
                  <td>
                    <button
                      type="button"
                      className="btn"
                      onClick={() =>
                        update.mutate({
                          scheduleId: s.scheduleId,
                          version: s.version,
                          schedule: { ...toInput(s), enabled: !s.enabled },
                        })
                      }
                    >
                      {xt(s.enabled ? "schedules.turnOff" : "schedules.turnOn")}
                    </button>{" "}
                    <button type="button" className="btn" onClick={() => setEditing(s)}>
                      {xt("schedules.edit")}
                    </button>{" "}
                    <button
                      type="button"
                      className="btn btn-danger"
                      onClick={() => remove.mutate(s.scheduleId)}
                    >
                      {xt("schedules.delete")}
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{xt("schedules.empty")}</p>
      )}
      <ErrorAlert error={update.error ?? remove.error} />
      {canManage && !editing ? (
        <button type="button" className="btn btn-primary" onClick={() => setEditing("new")}>
          {xt("schedules.new")}
        </button>
      ) : null}
      {canManage && editing ? (
        <ScheduleForm
          key={editing === "new" ? "new" : editing.scheduleId}
          unit={unit}
          schedule={editing === "new" ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {canManage ? <RetentionForm unit={unit} days={retentionDays} /> : null}
    </>
  );
}

function ScheduleForm({ unit, schedule, onDone }: { unit: Unit; schedule?: Schedule; onDone: () => void }) {
  const { xt, lang, pick } = useExportsI18n();
  const id = useId();
  const kinds = EXPORT_KINDS.filter((k) => unitKindOf(k) === unit.unitKind);
  const first = kinds[0] as ExportKind;
  const [kind, setKind] = useState<ExportKind>(schedule?.kind ?? first);
  const [name, setName] = useState(schedule?.name ?? "");
  const [rule, setRule] = useState<PeriodRule>(schedule?.periodRule ?? "next_due");
  const [periodKinds, setPeriodKinds] = useState<PeriodKind[]>(
    (schedule?.periodKinds as PeriodKind[] | undefined) ?? [...PERIOD_KINDS],
  );
  const [formats, setFormats] = useState<ExportFormat[]>(
    (schedule?.formats as ExportFormat[] | undefined) ?? [...FORMATS_OF[first]],
  );
  const [cron, setCron] = useState(schedule?.cron ?? CRON_PRESETS[0].cron);
  const [enabled, setEnabled] = useState(schedule?.enabled ?? true);
  const presetId = CRON_PRESETS.find((p) => p.cron === cron)?.id ?? "custom";
  const create = useCreateSchedule(unit);
  const update = useUpdateSchedule(unit);
  const m = schedule ? update : create;
  const issue = (f: string) => fieldIssue(m.error, f, lang);
  const toggle = <T,>(xs: T[], x: T) => (xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x]);
  const submit = () => {
    const body: ScheduleInput = {
      kind,
      ...(name.trim() ? { name: name.trim() } : {}),
      periodRule: rule,
      periodKinds,
      formats,
      cron,
      enabled,
    };
    const done = { onSuccess: onDone };
    if (schedule)
      update.mutate({ scheduleId: schedule.scheduleId, version: schedule.version, schedule: body }, done);
    else create.mutate(body, done);
  };
  return (
    <form
      className="card form-stack"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h2 id={`${id}-title`}>{xt(schedule ? "schedules.edit" : "schedules.new")}</h2>
      <KindSelect
        id={`${id}-kind`}
        kinds={kinds}
        value={kind}
        onChange={(k) => {
          setKind(k);
          setFormats([...FORMATS_OF[k]]);
        }}
      />
      <div className="field">
        <label htmlFor={`${id}-name`}>{xt("schedules.name")}</label>
        <input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-preset`}>{xt("schedules.preset")}</label>
        <select
          id={`${id}-preset`}
          value={presetId}
          onChange={(e) => {
            const p = CRON_PRESETS.find((x) => x.id === e.target.value);
            if (p) setCron(p.cron);
          }}
        >
          {CRON_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {pick(p.label)}
            </option>
          ))}
          <option value="custom">{xt("schedules.preset.custom")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-cron`}>{xt("schedules.cron")}</label>
        <input
          id={`${id}-cron`}
          value={cron}
          spellCheck={false}
          aria-invalid={issue("cron") ? true : undefined}
          aria-describedby={issue("cron") ? `${id}-cron-error` : undefined}
          onChange={(e) => setCron(e.target.value)}
        />
        {issue("cron") ? (
          <small id={`${id}-cron-error`} className="field-error">
            {issue("cron")}
          </small>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-rule`}>{xt("schedules.rule")}</label>
        <select id={`${id}-rule`} value={rule} onChange={(e) => setRule(e.target.value as PeriodRule)}>
          {PERIOD_RULES.map((r) => (
            <option key={r} value={r}>
              {xt(`schedules.rule.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{xt("schedules.periodKinds")}</legend>
        {PERIOD_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input
              type="checkbox"
              checked={periodKinds.includes(k)}
              onChange={() => setPeriodKinds(toggle(periodKinds, k))}
            />{" "}
            {xt(`schedules.pk.${k}`)}
          </label>
        ))}
        {issue("periodKinds") ? <small className="field-error">{issue("periodKinds")}</small> : null}
      </fieldset>
      <fieldset>
        <legend>{xt("schedules.formats")}</legend>
        {FORMATS_OF[kind].map((f) => (
          <label key={f} className="checkbox">
            <input
              type="checkbox"
              checked={formats.includes(f)}
              onChange={() => setFormats(toggle(formats, f))}
            />{" "}
            {f.toUpperCase()}
          </label>
        ))}
        {issue("formats") ? <small className="field-error">{issue("formats")}</small> : null}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />{" "}
        {xt("schedules.enabled")}
      </label>
      {m.error && !issue("cron") && !issue("formats") && !issue("periodKinds") ? (
        <ErrorAlert error={m.error} />
      ) : null}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={m.isPending}>
          {xt("schedules.save")}
        </button>{" "}
        <button type="button" className="btn" onClick={onDone}>
          {xt("schedules.cancel")}
        </button>
      </div>
    </form>
  );
}

function RetentionForm({ unit, days }: { unit: Unit; days: number }) {
  const { xt, lang } = useExportsI18n();
  const id = useId();
  const [value, setValue] = useState(String(days));
  const save = useSetRetention(unit);
  const problem = fieldIssue(save.error, "retentionDays", lang);
  return (
    <form
      className="card form-inline"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(Number(value));
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-days`}>{xt("schedules.retention")}</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={3650}
          value={value}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {problem ? <small className="field-error">{problem}</small> : null}
      </div>
      <button type="submit" className="btn" disabled={save.isPending}>
        {xt("schedules.retentionSave")}
      </button>
      {save.isSuccess ? (
        <SuccessNote>{xt("schedules.retentionSaved", { days: save.data.retentionDays })}</SuccessNote>
      ) : null}
    </form>
  );
}
