import { randomUUID } from "node:crypto";
import { z } from "zod";
import { actor } from "../actor";
import { now, todayInVietnam } from "../clock";
import { db } from "../db/entities";
import { DomainError, notFound } from "../errors";
import { numberOps } from "../plan/lifecycle";
import { isoDate, requiredText, text } from "../plan/schema";
import { board as taskBoard } from "../task";
import { unitIdList } from "../unit/schema";
import { parse } from "../validate";
import { put, writeItems } from "../write";
import { scopeBoard } from "./index";

/**
 * Chase-up letters (công văn đôn đốc): an overseer picks late communes on the board and the
 * overseeing body issues a công văn to them, listing what each has missing or overdue. It is
 * numbered from the body's own counter for công văn and entered in its register of outgoing
 * documents, in one transaction, like any document the body issues.
 */

export const letterInput = z.object({
  communeIds: unitIdList(100).refine((ids) => ids.length > 0, {
    message: "Chọn ít nhất một xã / Choose at least one commune",
  }),
  signerName: requiredText(100),
  signerTitle: text(100).optional(),
  authority: text(40).optional(),
  /** The day the communes must report back by. */
  replyBy: isoDate.optional(),
});
export type LetterInput = z.input<typeof letterInput>;

/** Công văn carry no type code in their number; their counter is kept under this key. */
export const LETTER_COUNTER = "CV";
const MAX_ITEMS_PER_COMMUNE = 15;

const vn = (iso: string) => iso.split("-").reverse().join("/");

/** A chase-up letter (công văn đôn đốc) as issued: what the DOCX renderer prints. */
export type LetterContent = {
  /** e.g. superior "UBND THÀNH PHỐ HẢI PHÒNG", name "SỞ NỘI VỤ". */
  issuer: { superior: string; name: string };
  /** Full number and symbol, e.g. "12/SNV-CCHC": a công văn has no type code. */
  symbol: string;
  place: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Printed under the number as "V/v " + subject. */
  subject: string;
  /** "Kính gửi:" — one per line, or on the "Kính gửi:" line when there is only one. */
  recipients: string[];
  intro: string;
  /** For each commune, what is missing or overdue. */
  communes: { name: string; items: string[] }[];
  /** The request: what to do and by when to report back. */
  closing: string;
  /** e.g. authority "KT. GIÁM ĐỐC", title "PHÓ GIÁM ĐỐC". */
  signer: { authority?: string; title: string; name: string };
  /** "Nơi nhận:"; "- Lưu: VT" is added when absent. */
  copyTo: string[];
};

export type LetterOut = {
  id: string;
  scopeId: string;
  symbol: string;
  number: number;
  issuedDate: string;
  communeIds: string[];
  subject: string;
  createdBy: string;
  createdAt: string;
};

function bodyOf(unit: { kind: string; name: string; shortName: string }) {
  const province = unit.kind === "province";
  return {
    superior: `UBND ${unit.name.replace(/^(Tỉnh|Thành phố|Huyện)/, (m) => m.toLowerCase())}`.toUpperCase(),
    name: province ? "SỞ NỘI VỤ" : "PHÒNG NỘI VỤ",
    code: province ? "SNV" : "PNV",
    place: unit.shortName,
    signerTitle: province ? "PHÓ GIÁM ĐỐC" : "PHÓ TRƯỞNG PHÒNG",
    authority: province ? "KT. GIÁM ĐỐC" : "KT. TRƯỞNG PHÒNG",
  };
}

/** What a commune has missing or overdue, as the letter lists it. */
async function itemsFor(
  communeId: string,
  row: Awaited<ReturnType<typeof scopeBoard>>["rows"][number],
  periods: {
    previous: { label: { vi: string }; due: string };
  },
) {
  const items: string[] = [];
  if (row.reports.previous === "missing") {
    items.push(`Chưa gửi báo cáo ${periods.previous.label.vi} (hạn ${vn(periods.previous.due)})`);
  }
  if (row.tasks.overdue > 0) {
    const page = await taskBoard(communeId, { view: "overdue", limit: MAX_ITEMS_PER_COMMUNE });
    for (const t of page.items) {
      const plan = t.planSymbol ? `Kế hoạch số ${t.planSymbol}` : `Kế hoạch ${t.planSubject}`;
      items.push(
        `${t.description.slice(0, 300)} (${plan}; hạn ${vn(t.deadline ?? "")}): quá hạn, chưa hoàn thành`,
      );
    }
    const rest = row.tasks.overdue - page.items.length;
    if (rest > 0) items.push(`Và ${rest} nhiệm vụ quá hạn khác`);
  }
  if (row.requestsOpen > 0) items.push(`${row.requestsOpen} yêu cầu chỉnh sửa chưa được giải quyết`);
  return items;
}

/** Issue a chase-up letter from the caller's body to communes of one of its scopes. */
export async function issueLetter(scopeId: string, input: LetterInput): Promise<LetterOut> {
  const me = actor();
  const l = parse(letterInput, input);
  if (me.role !== "overseer" || !me.unitId) throw notFound("scope");
  const board = await scopeBoard(scopeId);
  if (board.scope.historical) {
    throw new DomainError(409, "scope_ended", {
      vi: "Phạm vi theo dõi này đã kết thúc; không gửi công văn từ phạm vi lịch sử.",
      en: "This oversight scope has ended; letters are not sent from a historical scope.",
    });
  }
  const rows = new Map(board.rows.map((r) => [r.id, r]));
  const outside = l.communeIds.findIndex((id) => !rows.has(id));
  if (outside >= 0) {
    const vi = "Xã không thuộc phạm vi theo dõi này.";
    const en = "The commune is not in this oversight scope.";
    throw new DomainError(
      400,
      "not_in_scope",
      { vi, en },
      { issues: [{ path: ["communeIds", outside], message: { vi, en } }] },
    );
  }
  const unit = (await db().unit.get({ unitId: me.unitId }).go()).data;
  if (!unit) throw notFound("scope");
  const body = bodyOf(unit);
  const communes = [];
  for (const id of l.communeIds) {
    const row = rows.get(id);
    if (!row) continue;
    const items = await itemsFor(id, row, board.periods);
    communes.push({
      name: `UBND ${row.name.replace(/^Xã/, "xã")}`,
      items: items.length ? items : ["Tiếp tục thực hiện đúng tiến độ các nhiệm vụ được giao"],
    });
  }
  const subject = "đôn đốc thực hiện nhiệm vụ và gửi báo cáo định kỳ";
  const letterId = randomUUID();
  for (let attempt = 0; attempt < 100; attempt++) {
    const today = todayInVietnam();
    const year = today.slice(0, 4);
    const key = { issuerId: me.unitId, year, typeCode: LETTER_COUNTER };
    const counter = (await db().counter.get(key).go({ consistent: true })).data;
    const current = counter?.value ?? 0;
    const number = current + 1;
    const symbol = `${number}/${body.code}-CCHC`;
    const content: LetterContent = {
      issuer: { superior: body.superior, name: body.name },
      symbol,
      place: body.place,
      date: today,
      subject,
      recipients: communes.map((c) => c.name),
      intro: `Qua theo dõi trên hệ thống KeHoach đến ngày ${vn(today)}, ${body.name === "SỞ NỘI VỤ" ? "Sở Nội vụ" : "Phòng Nội vụ"} nhận thấy một số đơn vị còn chậm thực hiện nhiệm vụ và chế độ báo cáo định kỳ, cụ thể như sau:`,
      communes,
      closing: `Đề nghị Ủy ban nhân dân các xã khẩn trương chỉ đạo hoàn thành các nội dung nêu trên${l.replyBy ? ` và báo cáo kết quả trước ngày ${vn(l.replyBy)}` : ""}./.`,
      signer: {
        authority: l.authority ?? body.authority,
        title: l.signerTitle ?? body.signerTitle,
        name: l.signerName,
      },
      copyTo: ["Như trên", "Lãnh đạo Sở", "Lưu: VT, CCHC"],
    };
    const at = now().toISOString();
    const res = await writeItems([
      ...numberOps(key, counter ? current : null, {
        communeId: me.unitId,
        symbol,
        issuedDate: today,
        subject: `V/v ${subject}`,
        signer: `${content.signer.authority ?? ""} ${content.signer.title} ${content.signer.name}`.trim(),
        planId: letterId,
      }),
      put(
        db()
          .letter.create({
            letterId,
            overseerUnitId: me.unitId,
            scopeId,
            year,
            number,
            symbol,
            issuedDate: today,
            communeIds: l.communeIds,
            content,
            createdBy: me.username,
            createdAt: at,
          })
          .params(),
      ),
    ]);
    if (res.ok) {
      return {
        id: letterId,
        scopeId,
        symbol,
        number,
        issuedDate: today,
        communeIds: l.communeIds,
        subject: `V/v ${subject}`,
        createdBy: me.username,
        createdAt: at,
      };
    }
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
  }
  throw new DomainError(409, "busy", {
    vi: "Hệ thống đang bận cấp số, vui lòng thử lại.",
    en: "Numbering is busy, please retry.",
  });
}

/** A letter the caller's body issued, with its content for rendering. */
export async function getLetter(letterId: string) {
  const me = actor();
  const l = (await db().letter.get({ letterId }).go()).data;
  if (!l || me.role !== "overseer" || l.overseerUnitId !== me.unitId) throw notFound();
  return { ...l, content: l.content as LetterContent };
}

/** The letters the caller's body issued, newest first (one page of 50). */
export async function myLetters(): Promise<LetterOut[]> {
  const me = actor();
  if (me.role !== "overseer" || !me.unitId) return [];
  const res = await db()
    .letter.query.byOverseer({ overseerUnitId: me.unitId })
    .go({ order: "desc", limit: 50 });
  return res.data.map((l) => ({
    id: l.letterId,
    scopeId: l.scopeId,
    symbol: l.symbol,
    number: l.number,
    issuedDate: l.issuedDate,
    communeIds: l.communeIds,
    subject: (l.content as LetterContent).subject ? `V/v ${(l.content as LetterContent).subject}` : "",
    createdBy: l.createdBy,
    createdAt: l.createdAt,
  }));
}
