import {
  type ChaseLetter,
  chaseLettersQuery,
  letterDocxUrl,
  useIssueChaseLetter,
} from "@kehoach/client/board";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { DataTable } from "../../../components/data-table";
import { ErrorAlert, fieldIssue } from "../../../components/error-alert";
import { DateField, TextField } from "../../../components/field";
import { ModalDialog } from "../../../components/modal-dialog";
import { formatDate } from "../../../lib/format";
import { useBoardI18n } from "../lib/i18n";

/** What a Sở Nội vụ letter is signed as, unless the form says otherwise (Decree 30: KT. = ký thay). */
const DEFAULT_SIGNER = { title: "PHÓ GIÁM ĐỐC", authority: "KT. GIÁM ĐỐC" };

/**
 * The form of a chase-up letter (công văn đôn đốc) to the communes picked on the board: the
 * signer's name (required), title and authority (prefilled), and an optional reply-by date.
 */
export function ChaseLetterDialog({
  open,
  scopeId,
  communes,
  onClose,
  onIssued,
}: {
  open: boolean;
  scopeId: string;
  communes: { id: string; name: string }[];
  onClose: () => void;
  onIssued: (letter: ChaseLetter) => void;
}) {
  const { bt, lang } = useBoardI18n();
  const issue = useIssueChaseLetter(scopeId);
  const [signerName, setSignerName] = useState("");
  const [signerTitle, setSignerTitle] = useState(DEFAULT_SIGNER.title);
  const [authority, setAuthority] = useState(DEFAULT_SIGNER.authority);
  const [replyBy, setReplyBy] = useState("");
  const [nameError, setNameError] = useState<string | undefined>();
  const introId = useId();

  const close = () => {
    issue.reset();
    setNameError(undefined);
    onClose();
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!signerName.trim()) {
      setNameError(bt("letter.signerNameRequired"));
      (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>("[name=signerName]")?.focus();
      return;
    }
    setNameError(undefined);
    const letter = await issue
      .mutateAsync({
        communeIds: communes.map((c) => c.id),
        signerName: signerName.trim(),
        ...(signerTitle.trim() ? { signerTitle: signerTitle.trim() } : {}),
        ...(authority.trim() ? { authority: authority.trim() } : {}),
        ...(replyBy ? { replyBy } : {}),
      })
      .catch(() => null);
    if (!letter) return;
    issue.reset();
    onIssued(letter);
  }

  return (
    <ModalDialog open={open} title={bt("letter.title")} onClose={close} describedBy={introId}>
      <form className="form letter-form" onSubmit={submit} noValidate>
        <p id={introId} className="muted">
          {bt("letter.intro")}
        </p>
        <p>
          <strong>{bt("letter.to", { names: communes.map((c) => c.name).join(", ") })}</strong>
        </p>
        <TextField
          label={bt("letter.signerName")}
          name="signerName"
          value={signerName}
          required
          maxLength={100}
          autoComplete="name"
          data-autofocus
          error={nameError ?? fieldIssue(issue.error, "signerName", lang)}
          onChange={(e) => setSignerName(e.target.value)}
        />
        <TextField
          label={bt("letter.signerTitle")}
          name="signerTitle"
          value={signerTitle}
          maxLength={100}
          error={fieldIssue(issue.error, "signerTitle", lang)}
          onChange={(e) => setSignerTitle(e.target.value)}
        />
        <TextField
          label={bt("letter.authority")}
          hint={bt("letter.authorityHint")}
          name="authority"
          value={authority}
          maxLength={40}
          error={fieldIssue(issue.error, "authority", lang)}
          onChange={(e) => setAuthority(e.target.value)}
        />
        <DateField
          label={bt("letter.replyBy")}
          name="replyBy"
          value={replyBy}
          error={fieldIssue(issue.error, "replyBy", lang)}
          onChange={setReplyBy}
        />
        <ErrorAlert error={issue.error} />
        <div className="letter-actions">
          <button type="submit" className="btn btn-primary" disabled={issue.isPending}>
            {issue.isPending ? bt("letter.issuing") : bt("letter.issue")}
          </button>
          <button type="button" className="btn btn-ghost" onClick={close}>
            {bt("letter.cancel")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** The chase-up letters the body issued from this scope, each with its DOCX. */
export function IssuedLetters({ scopeId, names }: { scopeId: string; names: Map<string, string> }) {
  const { bt } = useBoardI18n();
  const letters = useQuery({
    ...chaseLettersQuery(),
    select: (all) => all.filter((l) => l.scopeId === scopeId),
  });
  const headingId = useId();
  return (
    <section className="stack board-letters" aria-labelledby={headingId}>
      <h2 id={headingId}>{bt("letters.title")}</h2>
      {letters.isError ? <ErrorAlert error={letters.error} /> : null}
      <DataTable
        caption={bt("letters.caption")}
        columns={[
          { label: bt("letters.col.symbol"), className: "col-symbol" },
          { label: bt("letters.col.date"), className: "col-date" },
          bt("letters.col.to"),
          { label: bt("letters.col.file"), className: "no-print" },
        ]}
        loading={letters.isPending}
        empty={letters.data?.length ? undefined : bt("letters.empty")}
      >
        {letters.data?.map((l) => (
          <tr key={l.id} data-letter-id={l.id}>
            <td className="nowrap">{l.symbol}</td>
            <td className="nowrap">{formatDate(l.issuedDate)}</td>
            <td>{l.communeIds.map((id) => names.get(id) ?? id).join(", ")}</td>
            <td className="no-print">
              <a href={letterDocxUrl(l.id)} download>
                {bt("letter.download", { symbol: l.symbol })}
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
