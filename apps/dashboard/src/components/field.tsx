import { type ReactNode, useId } from "react";
import { dateInputProps } from "../lib/dates";

/** What a control gets from its Field to be tied to the label, the hint and the error. */
export type ControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

type FieldProps = {
  label: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  /** The control's id, when it must be known outside (the editor's, from the content path). */
  id?: string | undefined;
  className?: string | undefined;
  children: (control: ControlProps) => ReactNode;
};

/** The ids of a control's hint and error (`<id>-hint`, `<id>-error`) and the aria-describedby naming them. */
export function describedBy(id: string, hint: unknown, error: unknown) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/**
 * A label, one control, its hint and its error, tied together: the label names the control, the
 * hint and the error describe it, and an error marks it invalid (aria-invalid, .field-invalid).
 */
export function Field({ id: fixedId, label, hint, error, className, children }: FieldProps) {
  const generatedId = useId();
  const id = fixedId ?? generatedId;
  const { hintId, errorId, "aria-describedby": described } = describedBy(id, hint, error);
  return (
    <div className={`field${error ? " field-invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Labelled = { label: string; hint?: string | undefined; error?: string | undefined };

/** A labelled input; every other prop goes to the <input>. */
export function TextField({
  label,
  hint,
  error,
  className,
  ...input
}: Omit<React.ComponentProps<"input">, "id"> & Labelled) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}

/** A labelled select; every other prop (the options too) goes to the <select>. */
export function SelectField({
  label,
  hint,
  error,
  className,
  ...select
}: Omit<React.ComponentProps<"select">, "id"> & Labelled) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => <select {...control} {...select} />}
    </Field>
  );
}

/**
 * A labelled date, shown and typed as dd/mm/yyyy whatever the browser's locale; `value` and
 * `onChange` speak ISO (YYYY-MM-DD), or the text as typed while it is not yet a real day.
 */
export function DateField({
  value,
  onChange,
  ...props
}: Omit<React.ComponentProps<"input">, "id" | "value" | "onChange" | "type"> &
  Labelled & { value: string | undefined; onChange: (value: string) => void }) {
  return <TextField {...props} {...dateInputProps(value, onChange)} />;
}
