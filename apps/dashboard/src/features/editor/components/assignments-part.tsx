import { formatDate } from "../../../lib/format";
import {
  type Assignment,
  newAssignment,
  newTask,
  nextLabel,
  optional,
  type Path,
  pathKey,
  replaceAt,
  shiftDay,
  type Task,
} from "../lib/content";
import { useEditorI18n } from "../lib/i18n";
import { useEditorContext } from "./editor-context";
import { DateInput, NumberInput, RadioGroup, SelectInput, TextInput } from "./fields";
import { AddButton, ItemControls, TextList } from "./list-controls";

const PATH = ["assignments"];

/** Section III: units (from the commune's offices, or typed) and the tasks given to or requested of them. */
export function AssignmentsPart({
  value,
  onChange,
}: {
  value: Assignment[];
  onChange: (v: Assignment[]) => void;
}) {
  const { et } = useEditorI18n();
  const { officesListId } = useEditorContext();
  return (
    <div data-path="assignments">
      {value.length === 0 ? <p className="empty list-empty">{et("assignment.empty")}</p> : null}
      <ol className="card-list">
        {value.map((a, i) => {
          const p = [...PATH, i];
          const unitName = a.unit.trim() || et("assignment.itemUnnamed", { n: i + 1 });
          const name = a.unit.trim() ? et("assignment.item", { name: a.unit.trim() }) : unitName;
          const set = (patch: Partial<Assignment>) => onChange(replaceAt(value, i, { ...a, ...patch }));
          return (
            <li key={a.id}>
              <fieldset className="item-box assignment" data-item={pathKey(p)}>
                <legend>
                  {a.label ? `${a.label}. ` : ""}
                  {unitName}
                </legend>
                <div className="section-head">
                  <TextInput
                    path={[...p, "label"]}
                    label={et("assignment.label")}
                    className="field-label-input"
                    value={a.label}
                    onChange={(s) => set({ label: optional(s) })}
                  />
                  <TextInput
                    path={[...p, "unit"]}
                    label={et("assignment.unit")}
                    hint={et("assignment.unitHint")}
                    required
                    list={officesListId}
                    className="field-grow"
                    value={a.unit}
                    onChange={(unit) => set({ unit })}
                  />
                </div>
                <TaskList
                  path={[...p, "tasks"]}
                  tasks={a.tasks}
                  unitName={unitName}
                  defaultLead={a.unit.trim()}
                  onChange={(tasks) => set({ tasks })}
                />
                <ItemControls listPath={PATH} items={value} onChange={onChange} index={i} name={name} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <AddButton
        listPath={PATH}
        items={value}
        onChange={onChange}
        newItem={() => newAssignment(nextLabel(value.at(-1)?.label, 1))}
        label={et("assignment.add")}
      />
    </div>
  );
}

function TaskList({
  path,
  tasks,
  unitName,
  defaultLead,
  onChange,
}: {
  path: Path;
  tasks: Task[];
  unitName: string;
  defaultLead: string;
  onChange: (v: Task[]) => void;
}) {
  const { et } = useEditorI18n();
  return (
    <div className="task-list" data-path={pathKey(path)}>
      {tasks.length === 0 ? <p className="empty list-empty">{et("task.empty")}</p> : null}
      <ol className="card-list">
        {tasks.map((t, j) => (
          <li key={t.id}>
            <TaskEditor
              path={[...path, j]}
              task={t}
              name={et("task.item", { n: j + 1, unit: unitName })}
              onChange={(task) => onChange(replaceAt(tasks, j, task))}
              controls={
                <ItemControls
                  listPath={path}
                  items={tasks}
                  onChange={onChange}
                  index={j}
                  name={et("task.item", { n: j + 1, unit: unitName })}
                />
              }
              legend={et("task.itemShort", { n: j + 1 })}
            />
          </li>
        ))}
      </ol>
      <AddButton
        listPath={path}
        items={tasks}
        onChange={onChange}
        newItem={() => newTask(defaultLead || undefined)}
        label={et("task.add")}
        ariaLabel={et("task.addTo", { unit: unitName })}
      />
    </div>
  );
}

type DeadlineMode = "none" | "date" | "relative";

function TaskEditor({
  path,
  task,
  name,
  legend,
  onChange,
  controls,
}: {
  path: Path;
  task: Task;
  name: string;
  legend: string;
  onChange: (t: Task) => void;
  controls: React.ReactNode;
}) {
  const { et } = useEditorI18n();
  const { officesListId, eventDate } = useEditorContext();
  const set = (patch: Partial<Task>) => onChange({ ...task, ...patch });
  const d = task.deadline;
  const mode: DeadlineMode = !d ? "none" : d.kind === "date" ? "date" : "relative";
  const mttq = /mttq|mặt trận|đoàn thể/iu.test(task.leadUnit ?? "");

  return (
    <fieldset className="item-box task" data-item={pathKey(path)} aria-label={name}>
      <legend>{legend}</legend>
      <TextInput
        path={[...path, "description"]}
        label={et("task.description")}
        required
        multiline
        value={task.description}
        onChange={(description) => set({ description })}
      />
      <div className="part-grid">
        <TextInput
          path={[...path, "leadUnit"]}
          label={et("task.lead")}
          list={officesListId}
          value={task.leadUnit}
          onChange={(s) => set({ leadUnit: optional(s) })}
        />
        <RadioGroup
          path={[...path, "kind"]}
          legend={et("task.kind")}
          hint={mttq && task.kind === "giao" ? et("task.kindHint") : undefined}
          value={task.kind}
          options={[
            { value: "giao", label: et("task.kind.giao") },
            { value: "de_nghi", label: et("task.kind.de_nghi") },
          ]}
          onChange={(kind) => set({ kind })}
        />
      </div>
      <fieldset className="sub-part">
        <legend>{et("task.partners")}</legend>
        <TextList
          path={[...path, "partnerUnits"]}
          items={task.partnerUnits}
          onChange={(partnerUnits) => set({ partnerUnits })}
          itemLabel={(n) => et("task.partner", { n })}
          addLabel={et("task.addPartner")}
          list={officesListId}
          required
          emptyText=""
        />
      </fieldset>
      <fieldset className="sub-part deadline" data-path={pathKey([...path, "deadline"])}>
        <legend>{et("task.deadline")}</legend>
        <div className="part-grid">
          <SelectInput<DeadlineMode>
            path={[...path, "deadline", "kind"]}
            label={et("task.deadlineKind")}
            value={mode}
            options={[
              { value: "none", label: et("task.deadline.none") },
              { value: "date", label: et("task.deadline.date") },
              { value: "relative", label: et("task.deadline.relative") },
            ]}
            onChange={(m) =>
              set({
                deadline:
                  m === "none"
                    ? undefined
                    : m === "date"
                      ? { kind: "date", date: d?.kind === "date" ? d.date : (eventDate ?? "") }
                      : { kind: "relative_to_event", days: d?.kind === "relative_to_event" ? d.days : -3 },
              })
            }
          />
          {d?.kind === "date" ? (
            <DateInput
              path={[...path, "deadline", "date"]}
              label={et("task.deadlineDate")}
              required
              value={d.date || undefined}
              onChange={(date) => set({ deadline: { kind: "date", date: date ?? "" } })}
            />
          ) : null}
          {d?.kind === "relative_to_event" ? (
            <div className="field-pair">
              <NumberInput
                path={[...path, "deadline", "days"]}
                label={et("task.days")}
                min={0}
                max={365}
                className="field-count"
                hint={
                  eventDate
                    ? et("task.relativeIs", { date: formatDate(shiftDay(eventDate, d.days)) })
                    : et("task.relativeNoEvent")
                }
                value={Math.abs(d.days)}
                onChange={(n) =>
                  set({ deadline: { kind: "relative_to_event", days: (d.days > 0 ? 1 : -1) * (n ?? 0) } })
                }
              />
              <SelectInput<"before" | "after">
                path={[...path, "deadline", "direction"]}
                label={et("task.direction")}
                value={d.days > 0 ? "after" : "before"}
                options={[
                  { value: "before", label: et("task.before") },
                  { value: "after", label: et("task.after") },
                ]}
                onChange={(dir) =>
                  set({
                    deadline: {
                      kind: "relative_to_event",
                      days: (dir === "after" ? 1 : -1) * Math.abs(d.days),
                    },
                  })
                }
              />
            </div>
          ) : null}
        </div>
      </fieldset>
      {controls}
    </fieldset>
  );
}
