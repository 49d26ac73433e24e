import { useRef } from "react";
import { type EventDetails, newEvent, optional, pathKey, replaceAt } from "../lib/content";
import { useEditorI18n } from "../lib/i18n";
import { CheckboxInput, DateInput, NumberInput, TextInput } from "./fields";
import { AddButton, ItemControls } from "./list-controls";

type Group = EventDetails["attendeeGroups"][number];

/** The event the plan prepares (optional): when, how long, who and how many, where, paid from what. */
export function EventPart({
  value,
  onChange,
}: {
  value: EventDetails | undefined;
  onChange: (v: EventDetails | undefined) => void;
}) {
  const { et } = useEditorI18n();
  // Unticking keeps what was typed, so ticking again brings it back.
  const last = useRef<EventDetails | undefined>(value);
  if (value) last.current = value;
  const set = (patch: Partial<EventDetails>) => value && onChange({ ...value, ...patch });
  const groupsPath = ["event", "attendeeGroups"];

  return (
    <div className="stack-sm" data-path="event">
      <CheckboxInput
        path={["event", "enabled"]}
        label={et("event.enabled")}
        checked={value !== undefined}
        onChange={(on) => onChange(on ? (last.current ?? newEvent()) : undefined)}
      />
      {value ? (
        <>
          <div className="part-grid">
            <TextInput
              path={["event", "name"]}
              label={et("event.name")}
              hint={et("event.nameHint")}
              value={value.name}
              onChange={(s) => set({ name: optional(s) })}
            />
            <TextInput
              path={["event", "duration"]}
              label={et("event.duration")}
              hint={et("event.durationHint")}
              value={value.duration}
              onChange={(s) => set({ duration: optional(s) })}
            />
            <div className="field-pair">
              <DateInput
                path={["event", "date"]}
                label={et("event.date")}
                value={value.date}
                onChange={(date) => set({ date })}
              />
              <CheckboxInput
                path={["event", "dateTentative"]}
                label={et("event.tentative")}
                checked={value.dateTentative}
                onChange={(dateTentative) => set({ dateTentative })}
              />
            </div>
            <TextInput
              path={["event", "time"]}
              label={et("event.time")}
              hint={et("event.timeHint")}
              value={value.time}
              onChange={(s) => set({ time: optional(s) })}
            />
            <div className="field-pair">
              <NumberInput
                path={["event", "attendeeCount"]}
                label={et("event.attendeeCount")}
                min={0}
                value={value.attendeeCount}
                onChange={(attendeeCount) => set({ attendeeCount })}
              />
              <CheckboxInput
                path={["event", "attendeeCountApproximate"]}
                label={et("event.approximate")}
                checked={value.attendeeCountApproximate}
                onChange={(attendeeCountApproximate) => set({ attendeeCountApproximate })}
              />
            </div>
            <TextInput
              path={["event", "venue"]}
              label={et("event.venue")}
              value={value.venue}
              onChange={(s) => set({ venue: optional(s) })}
            />
            <TextInput
              path={["event", "fundingSource"]}
              label={et("event.funding")}
              value={value.fundingSource}
              onChange={(s) => set({ fundingSource: optional(s) })}
            />
            <NumberInput
              path={["event", "budgetAmount"]}
              label={et("event.budget")}
              min={0}
              value={value.budgetAmount}
              onChange={(budgetAmount) => set({ budgetAmount })}
            />
          </div>
          <fieldset className="sub-part" data-path={pathKey(groupsPath)}>
            <legend>{et("event.groups")}</legend>
            {value.attendeeGroups.length > 0 ? (
              <ol className="list-editor">
                {value.attendeeGroups.map((g, i) => {
                  const p = [...groupsPath, i];
                  const groups = value.attendeeGroups;
                  const setGroup = (patch: Partial<Group>) =>
                    set({ attendeeGroups: replaceAt(groups, i, { ...g, ...patch }) });
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: groups have no id; their place identifies them
                    <li key={i} className="list-row" data-item={pathKey(p)}>
                      <TextInput
                        path={[...p, "name"]}
                        label={et("event.groupName", { n: i + 1 })}
                        required
                        className="field-grow"
                        value={g.name}
                        onChange={(name) => setGroup({ name })}
                      />
                      <NumberInput
                        path={[...p, "count"]}
                        label={et("event.groupCount")}
                        min={0}
                        className="field-count"
                        value={g.count}
                        onChange={(count) => setGroup({ count })}
                      />
                      <ItemControls
                        listPath={groupsPath}
                        items={groups}
                        onChange={(attendeeGroups) => set({ attendeeGroups })}
                        index={i}
                        name={g.name.trim() || et("event.group", { n: i + 1 })}
                      />
                    </li>
                  );
                })}
              </ol>
            ) : null}
            <AddButton
              listPath={groupsPath}
              items={value.attendeeGroups}
              onChange={(attendeeGroups) => set({ attendeeGroups })}
              newItem={() => ({ name: "" })}
              label={et("event.addGroup")}
            />
          </fieldset>
        </>
      ) : null}
    </div>
  );
}
