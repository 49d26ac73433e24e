import { useImportFile, useImportText } from "@kehoach/client/documents";
import { useId, useRef, useState } from "react";
import { ErrorAlert } from "../../../components/error-alert";
import { Field, TextField } from "../../../components/field";
import { Loading } from "../../../components/loading";
import { useImportI18n } from "../lib/i18n";
import type { ImportOrigin, ImportResponse } from "../lib/types";

type Props = {
  onImported: (result: ImportResponse, origin: ImportOrigin) => void;
  /** Text pasted before (kept when the user comes back from the review). */
  initialText?: string;
};

/**
 * The two ways in: paste the text, or choose (or drop) a .docx/.txt file. The server reads it
 * into a draft; nothing is saved here. Errors (empty, too large, not a DOCX) are the API's own.
 */
export function ImportForm({ onImported, initialText = "" }: Props) {
  const { it } = useImportI18n();
  const id = useId();
  const [text, setText] = useState(initialText);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const importText = useImportText();
  const importFile = useImportFile();
  const pending = importText.isPending || importFile.isPending;
  const error = importText.error ?? importFile.error;

  const analyseText = () => {
    importFile.reset();
    importText.mutate(text, {
      onSuccess: (r) => onImported(r as unknown as ImportResponse, { kind: "import-text" }),
    });
  };
  const analyseFile = (file: File) => {
    importText.reset();
    // A .txt file is read as pasted text on the server; it is still saved as "import-text".
    const origin: ImportOrigin = /\.txt$/i.test(file.name)
      ? { kind: "import-text", filename: file.name }
      : { kind: "import-docx", filename: file.name };
    importFile.mutate(file, {
      onSuccess: (r) => onImported(r as unknown as ImportResponse, origin),
      onSettled: () => {
        // Choosing the same file again after a failure should try again.
        if (fileInput.current) fileInput.current.value = "";
      },
    });
  };

  return (
    <div className="import-form stack">
      {error ? (
        <div className="import-error" id={`${id}-error`}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      {pending ? <Loading label={it("import.analyzing")} /> : null}
      <div className="import-ways">
        <form
          className="card import-way"
          aria-labelledby={`${id}-paste`}
          onSubmit={(e) => {
            e.preventDefault();
            analyseText();
          }}
        >
          <h2 className="card-title" id={`${id}-paste`}>
            {it("import.paste.legend")}
          </h2>
          <Field label={it("import.paste.label")} hint={it("import.paste.hint")}>
            {(control) => (
              <textarea
                {...control}
                name="text"
                className="import-textarea"
                rows={14}
                value={text}
                spellCheck={false}
                onChange={(e) => setText(e.target.value)}
                disabled={pending}
              />
            )}
          </Field>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {importText.isPending ? it("import.analyzing") : it("import.paste.submit")}
          </button>
        </form>

        <section className="card import-way" aria-labelledby={`${id}-file-title`}>
          <h2 className="card-title" id={`${id}-file-title`}>
            {it("import.file.legend")}
          </h2>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the file input inside is the keyboard way */}
          <div
            className={`dropzone${dragging ? " is-dragging" : ""}`}
            onDragOver={(e) => {
              if (pending) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = "copy";
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              const file = e.dataTransfer.files[0];
              if (file && !pending) analyseFile(file);
            }}
          >
            <TextField
              ref={fileInput}
              label={it("import.file.label")}
              hint={it("import.file.hint")}
              type="file"
              name="file"
              accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
              disabled={pending}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) analyseFile(file);
              }}
            />
            <p className="dropzone-note" aria-hidden="true">
              {dragging ? it("import.file.dropActive") : it("import.file.drop")}
            </p>
          </div>
        </section>
      </div>
    </div>
  );
}
