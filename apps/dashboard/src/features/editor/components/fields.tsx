import type { ReactNode } from "react";
import { type ControlProps, describedBy, Field } from "../../../components/field";
import { dateInputProps } from "../../../lib/dates";
import { fieldId, type Path, pathKey } from "../lib/content";
import { useEditorI18n } from "../lib/i18n";
import { useEditorContext } from "./editor-context";

type Common = {
  path: Path;
  label: string;
  hint?: string | undefined;
  required?: boolean;
  className?: string;
};

type EditorControlProps = ControlProps & { "data-path": string; "aria-required": true | undefined };

/**
 * The shared Field at a content path: the id and data-path come from the path (focusPath finds
 * the control by it), the error from the schema or the API, and a required field is marked.
 */
function FieldShell({
  path,
  label,
  hint,
  required,
  className,
  children,
}: Common & { children: (control: EditorControlProps) => ReactNode }) {
  const { errorAt } = useEditorContext();
  const { et, pick } = useEditorI18n();
  const error = errorAt(path);
  return (
    <Field
      id={fieldId(path)}
      label={
        <>
          {label}
          {required ? (
            <span className="field-required">
              <span aria-hidden="true"> *</span>
              <span className="visually-hidden"> ({et("editor.required")})</span>
            </span>
          ) : null}
        </>
      }
      hint={hint}
      error={error ? pick(error) : undefined}
      className={className}
    >
      {(control) =>
        children({ ...control, "data-path": pathKey(path), "aria-required": required || undefined })
      }
    </Field>
  );
}

export function TextInput({
  value,
  onChange,
  multiline,
  list,
  placeholder,
  ...common
}: Common & {
  value: string | undefined;
  onChange: (v: string) => void;
  multiline?: boolean;
  list?: string | undefined;
  placeholder?: string;
}) {
  return (
    <FieldShell {...common}>
      {(a11y) =>
        multiline ? (
          <textarea
            {...a11y}
            value={value ?? ""}
            rows={2}
            placeholder={placeholder}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...a11y}
            type="text"
            value={value ?? ""}
            list={list || undefined}
            placeholder={placeholder}
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </FieldShell>
  );
}

export function NumberInput({
  value,
  onChange,
  min,
  max,
  ...common
}: Common & {
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  min?: number;
  max?: number;
}) {
  return (
    <FieldShell {...common}>
      {(a11y) => (
        <input
          {...a11y}
          type="number"
          inputMode="numeric"
          step={1}
          min={min}
          max={max}
          value={value ?? ""}
          onChange={(e) => {
            const v = e.target.value;
            onChange(v === "" || Number.isNaN(Number(v)) ? undefined : Number(v));
          }}
        />
      )}
    </FieldShell>
  );
}

/** An ISO date (YYYY-MM-DD), shown and typed as dd/mm/yyyy whatever the browser's locale. */
export function DateInput({
  value,
  onChange,
  ...common
}: Common & { value: string | undefined; onChange: (v: string | undefined) => void }) {
  return (
    <FieldShell {...common}>
      {(a11y) => <input {...a11y} {...dateInputProps(value, (v) => onChange(v || undefined))} />}
    </FieldShell>
  );
}

export function SelectInput<V extends string>({
  value,
  onChange,
  options,
  ...common
}: Common & {
  value: V;
  onChange: (v: V) => void;
  options: readonly { value: V; label: string }[];
}) {
  return (
    <FieldShell {...common}>
      {(a11y) => (
        <select {...a11y} value={value} onChange={(e) => onChange(e.target.value as V)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function CheckboxInput({
  path,
  label,
  checked,
  onChange,
  className,
}: {
  path: Path;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  className?: string;
}) {
  const id = fieldId(path);
  return (
    <div className={`check${className ? ` ${className}` : ""}`}>
      <input
        id={id}
        data-path={pathKey(path)}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A group of radio buttons with its legend (e.g. giao / đề nghị). */
export function RadioGroup<V extends string>({
  path,
  legend,
  hint,
  value,
  onChange,
  options,
}: {
  path: Path;
  legend: string;
  hint?: string;
  value: V;
  onChange: (v: V) => void;
  options: readonly { value: V; label: string }[];
}) {
  const id = fieldId(path);
  const { hintId, "aria-describedby": described } = describedBy(id, hint, undefined);
  return (
    <fieldset className="radio-group" data-path={pathKey(path)} aria-describedby={described}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div key={o.value} className="check">
          <input
            id={`${id}-${o.value}`}
            type="radio"
            name={id}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}

/** An error about a whole list or part (e.g. "at most 3 lines"), shown above it. */
export function PartError({ path }: { path: Path }) {
  const { errorAt } = useEditorContext();
  const { pick } = useEditorI18n();
  const error = errorAt(path);
  return error ? (
    <p className="field-error" id={`${fieldId(path)}-error`}>
      {pick(error)}
    </p>
  ) : null;
}
