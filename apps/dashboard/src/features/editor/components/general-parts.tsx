import { DOCUMENT_TYPES, type PlanContent, SIGNER_AUTHORITIES } from "@kehoach/core/plan/schema";
import { formatDate } from "../../../lib/format";
import { type CitedDocument, insertAt, newCitedDocument, optional, pathKey, replaceAt } from "../lib/content";
import { useEditorI18n } from "../lib/i18n";
import { DateInput, PartError, SelectInput, TextInput } from "./fields";
import { AddButton, ItemControls, TextList } from "./list-controls";

type Issuer = PlanContent["issuer"];

export function IssuerPart({ value, onChange }: { value: Issuer; onChange: (v: Issuer) => void }) {
  const { et } = useEditorI18n();
  return (
    <div className="part-grid">
      <TextInput
        path={["issuer", "name"]}
        label={et("issuer.name")}
        hint={et("issuer.nameHint")}
        required
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
      />
      <TextInput
        path={["issuer", "superior"]}
        label={et("issuer.superior")}
        hint={et("issuer.superiorHint")}
        value={value.superior}
        onChange={(s) => onChange({ ...value, superior: optional(s) })}
      />
      <div className="part-wide">
        <p className="list-title" id="issuer-header-lines">
          {et("issuer.headerLines")}
        </p>
        <PartError path={["issuer", "headerLines"]} />
        <TextList
          path={["issuer", "headerLines"]}
          items={value.headerLines ?? []}
          onChange={(headerLines) => onChange({ ...value, headerLines })}
          itemLabel={(n) => et("issuer.headerLine", { n })}
          addLabel={et("issuer.addHeaderLine")}
          max={3}
          required
        />
      </div>
      <TextInput
        path={["issuer", "code"]}
        label={et("issuer.code")}
        hint={et("issuer.codeHint")}
        value={value.code}
        onChange={(s) => onChange({ ...value, code: optional(s) })}
      />
    </div>
  );
}

const TYPE_CODES = Object.keys(DOCUMENT_TYPES) as (keyof typeof DOCUMENT_TYPES)[];

export function GeneralPart({
  value,
  onChange,
}: {
  value: PlanContent;
  onChange: (patch: Partial<PlanContent>) => void;
}) {
  const { et } = useEditorI18n();
  const numberDate = [value.documentNumber.symbol, value.date ? formatDate(value.date) : undefined]
    .filter(Boolean)
    .join(" · ");
  return (
    <div className="part-grid">
      <SelectInput
        path={["type"]}
        label={et("general.type")}
        value={value.type}
        options={TYPE_CODES.map((c) => ({ value: c, label: `${DOCUMENT_TYPES[c]} (${c})` }))}
        onChange={(type) => onChange({ type })}
      />
      <div className="field">
        <span className="field-label">{et("general.numberDate")}</span>
        <p className="field-static">{numberDate || "—"}</p>
        <p className="field-hint">{et("general.numberDateHint")}</p>
      </div>
      <TextInput
        path={["subject"]}
        label={et("general.subject")}
        required
        multiline
        className="part-wide"
        value={value.subject}
        onChange={(subject) => onChange({ subject })}
      />
      <TextInput
        path={["place"]}
        label={et("general.place")}
        hint={et("general.placeHint")}
        required
        value={value.place}
        onChange={(place) => onChange({ place })}
      />
      <TextInput
        path={["category"]}
        label={et("general.category")}
        hint={et("general.categoryHint")}
        value={value.category}
        onChange={(s) => onChange({ category: optional(s) })}
      />
      <TextInput
        path={["period"]}
        label={et("general.period")}
        hint={et("general.periodHint")}
        value={value.period}
        onChange={(s) => onChange({ period: optional(s.trim()) })}
      />
    </div>
  );
}

/** The leading number of a symbol: "61/KH-UBND" → 61. */
function numberOf(symbol: string | undefined): number | undefined {
  const m = /^\s*0*(\d{1,5})\s*\//.exec(symbol ?? "");
  return m ? Number(m[1]) || undefined : undefined;
}

export function BasisPart({
  value,
  onChange,
}: {
  value: CitedDocument[];
  onChange: (v: CitedDocument[]) => void;
}) {
  const { et } = useEditorI18n();
  const path = ["basis"];
  const set = (i: number, patch: Partial<CitedDocument>) =>
    onChange(replaceAt(value, i, { ...(value[i] as CitedDocument), ...patch }));
  return (
    <div data-path="basis">
      <datalist id="editor-document-types">
        {Object.values(DOCUMENT_TYPES).map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {value.length === 0 ? <p className="empty list-empty">{et("basis.empty")}</p> : null}
      <ol className="card-list">
        {value.map((doc, i) => {
          const p = [...path, i];
          const name = et("basis.item", { n: i + 1 });
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: cited documents have no id; their place identifies them
            <li key={i}>
              <fieldset className="item-box" data-item={pathKey(p)}>
                <legend>{name}</legend>
                <div className="part-grid">
                  <TextInput
                    path={[...p, "type"]}
                    label={et("basis.type")}
                    required
                    list="editor-document-types"
                    value={doc.type}
                    onChange={(type) => set(i, { type })}
                  />
                  <TextInput
                    path={[...p, "symbol"]}
                    label={et("basis.symbol")}
                    hint={et("basis.symbolHint")}
                    value={doc.symbol}
                    onChange={(s) => set(i, { symbol: optional(s), number: numberOf(s) })}
                  />
                  <DateInput
                    path={[...p, "date"]}
                    label={et("basis.date")}
                    value={doc.date}
                    onChange={(date) => set(i, { date })}
                  />
                  <TextInput
                    path={[...p, "issuer"]}
                    label={et("basis.issuer")}
                    value={doc.issuer}
                    onChange={(s) => set(i, { issuer: optional(s) })}
                  />
                  <TextInput
                    path={[...p, "subject"]}
                    label={et("basis.subject")}
                    multiline
                    className="part-wide"
                    value={doc.subject}
                    onChange={(s) => set(i, { subject: optional(s) })}
                  />
                </div>
                <ItemControls listPath={path} items={value} onChange={onChange} index={i} name={name} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <AddButton
        listPath={path}
        items={value}
        onChange={onChange}
        newItem={newCitedDocument}
        label={et("basis.add")}
      />
    </div>
  );
}

type Signer = PlanContent["signer"];
type Authority = (typeof SIGNER_AUTHORITIES)[number];

export function SignerPart({ value, onChange }: { value: Signer; onChange: (v: Signer) => void }) {
  const { et } = useEditorI18n();
  return (
    <div className="part-grid">
      <SelectInput<Authority | "">
        path={["signer", "authority"]}
        label={et("signer.authority")}
        value={value.authority ?? ""}
        options={[
          { value: "", label: et("signer.authority.none") },
          ...SIGNER_AUTHORITIES.map((a) => ({ value: a, label: et(`signer.authority.${a}`) })),
        ]}
        onChange={(a) => onChange({ ...value, authority: a || undefined })}
      />
      <TextInput
        path={["signer", "onBehalfOf"]}
        label={et("signer.onBehalfOf")}
        hint={et("signer.onBehalfOfHint")}
        value={value.onBehalfOf}
        onChange={(s) => onChange({ ...value, onBehalfOf: optional(s) })}
      />
      <TextInput
        path={["signer", "title"]}
        label={et("signer.title")}
        hint={et("signer.titleHint")}
        required
        value={value.title}
        onChange={(title) => onChange({ ...value, title })}
      />
      <TextInput
        path={["signer", "name"]}
        label={et("signer.name")}
        required
        value={value.name}
        onChange={(name) => onChange({ ...value, name })}
      />
    </div>
  );
}

const isArchive = (r: string) => /^lưu(?![\p{L}\d])/iu.test(r.trim());

export function RecipientsPart({
  value,
  superior,
  onChange,
}: {
  value: string[];
  superior: string | undefined;
  onChange: (v: string[]) => void;
}) {
  const { et } = useEditorI18n();
  const presets = [
    superior?.trim() || et("recipients.superiorDefault"),
    "Thường trực Đảng ủy",
    "Thường trực HĐND xã",
    "MTTQ và các đoàn thể",
    "Lưu: VT",
  ];
  const has = (r: string) =>
    value.some((v) => v.trim().toLocaleLowerCase("vi") === r.toLocaleLowerCase("vi"));
  /** Presets go before "Lưu: VT", which stays last as Decree 30 prints it. */
  const addPreset = (r: string) => {
    if (isArchive(r)) return onChange([...value, r]);
    const archive = value.findIndex(isArchive);
    onChange(archive === -1 ? [...value, r] : insertAt(value, archive, r));
  };
  return (
    <div className="stack-sm">
      <fieldset className="presets">
        <legend className="presets-label">{et("recipients.presets")}:</legend>
        {presets.map((r) => (
          <button
            key={r}
            type="button"
            className="btn btn-small btn-preset"
            aria-label={et("recipients.preset", { name: r })}
            // aria-disabled keeps the focus on the button once its recipient is in the list.
            aria-disabled={has(r) || undefined}
            onClick={() => {
              if (!has(r)) addPreset(r);
            }}
          >
            <span aria-hidden="true">+</span> {r}
          </button>
        ))}
      </fieldset>
      <PartError path={["recipients"]} />
      <TextList
        path={["recipients"]}
        items={value}
        onChange={onChange}
        itemLabel={(n) => et("recipients.item", { n })}
        addLabel={et("recipients.add")}
        required
      />
      <p className="field-hint">{et("recipients.archiveHint")}</p>
    </div>
  );
}
