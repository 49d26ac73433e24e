import {
  type CheckablePlan,
  checkPlan,
  FINDING_CODES,
  type Finding,
  hasBlockingErrors,
} from "@kehoach/core/plan/checker";
import { type PlanContent, planContent } from "@kehoach/core/plan/schema";
import { describe, expect, it } from "vitest";
import { cleanPlan, cleanPlanInput, seedPlan } from "./helpers";

const TODAY = "2026-11-25";
const check = (p: CheckablePlan, units?: readonly string[]) =>
  checkPlan(p, { today: TODAY, ...(units ? { units } : {}) });
const codes = (fs: Finding[]) => fs.map((f) => f.code);
const only = (fs: Finding[], code: string) => fs.filter((f) => f.code === code);
/** A modified clean plan. Raw values (that the schema would reject) go through a cast, as from unvalidated JSON. */
const modify = (f: (p: PlanContent & { status?: string }) => void) => {
  const p = cleanPlan();
  f(p);
  return p;
};

describe("checkPlan on the seed plan", () => {
  const findings = check(seedPlan());

  it("reports the cited plan dated after the conference it prepares (error)", () => {
    const f = only(findings, "cited-after-event");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", location: { path: ["basis", 0, "date"] } });
    expect(f[0]?.message.vi).toContain("61/KH-UBND");
    expect(f[0]?.message.vi).toContain("30/12/2023");
    expect(f[0]?.message.en).toContain("22/06/2023");
    expect(hasBlockingErrors(findings)).toBe(true);
  });

  it('reports "sơ tổng kết" against "sơ kết" (warning, in the preamble)', () => {
    const f = only(findings, "event-naming");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", location: { path: ["preamble", 0] } });
    expect(f[0]?.message.vi).toContain("sơ tổng kết");
  });

  it("reports the unit spelled three ways against the unit list (warnings)", () => {
    const f = only(findings, "unit-spelling");
    expect(f.every((x) => x.severity === "warning")).toBe(true);
    const at = (path: (string | number)[]) =>
      f.find((x) => JSON.stringify(x.location.path) === JSON.stringify(path));
    expect(at(["assignments", 0, "unit"])?.message.vi).toContain('"Văn phòng -thống kê"');
    expect(at(["assignments", 0, "unit"])?.message.vi).toContain('"Văn phòng - Thống kê"');
    expect(at(["assignments", 1, "tasks", 0, "description"])?.message.vi).toContain('"Văn phòng-thống kê"');
    expect(at(["assignments", 2, "tasks", 0, "description"])?.message.vi).toContain('"Văn phòng -thống kê"');
    expect(at(["assignments", 2, "unit"])?.message.en).toContain('"Văn hóa - Thông tin"');
    // "Tài chính - Kế  toán" is the right name with a double space: that is a double-space finding, not a spelling one
    expect(f.some((x) => x.message.vi.includes("Tài chính"))).toBe(false);
  });

  it('reports "Yêu công chức" (warning, in the closing)', () => {
    const f = only(findings, "phrase-missing-word");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", location: { path: ["closing", 0] } });
    expect(f[0]?.message.vi).toContain("Yêu cầu công chức");
  });

  it("also reports mixed tone marks and double spaces, and nothing about district bodies (2023 plan)", () => {
    expect(only(findings, "tone-mark-mixed").length).toBeGreaterThan(0);
    expect(only(findings, "double-space").map((f) => f.location.path)).toContainEqual([
      "assignments",
      0,
      "tasks",
      2,
      "description",
    ]);
    expect(codes(findings)).not.toContain("defunct-body");
    expect(codes(findings)).not.toContain("required-part-missing");
    expect(codes(findings)).not.toContain("signer-authority");
  });

  it("gives every finding a known code, its severity, a path and both languages", () => {
    for (const f of findings) {
      expect(FINDING_CODES[f.code]).toBe(f.severity);
      expect(f.location.path.length).toBeGreaterThan(0);
      expect(f.location.label).toMatch(/ \/ /);
      expect(f.message.vi.length).toBeGreaterThan(5);
      expect(f.message.en.length).toBeGreaterThan(5);
    }
  });

  it("paths point at real fields of the plan", () => {
    const plan = seedPlan() as unknown as Record<string, unknown>;
    for (const f of findings) {
      if (f.code === "task-no-deadline" || f.code === "task-no-lead") continue; // they point at a field to fill in
      let node: unknown = plan;
      for (const k of f.location.path) node = (node as Record<string | number, unknown>)?.[k];
      expect(node, JSON.stringify(f.location.path)).toBeDefined();
    }
  });
});

describe("checkPlan on a correct plan", () => {
  it("finds nothing at all", () => {
    expect(check(cleanPlan())).toEqual([]);
  });
  it("as a draft without number and date, finds nothing either", () => {
    const p = planContent.parse({
      ...cleanPlanInput(),
      documentNumber: { typeCode: "KH", issuerCode: "UBND" },
      date: undefined,
    });
    expect(check(p)).toEqual([]);
  });
});

describe("checkPlan on raw, unvalidated input", () => {
  it("does not throw and reports the missing parts", () => {
    const f = check({} as CheckablePlan);
    expect(only(f, "required-part-missing").map((x) => x.location.path)).toEqual(
      expect.arrayContaining([
        ["issuer", "name"],
        ["subject"],
        ["place"],
        ["signer", "name"],
        ["recipients"],
      ]),
    );
    const g = check({ ...cleanPlan(), basis: [{ type: "Kế hoạch", date: "30/12/2022" }] } as CheckablePlan);
    expect(only(g, "date-malformed")[0]?.location.path).toEqual(["basis", 0, "date"]);
  });
});

describe("checkPlan rules", () => {
  it("required-part-missing: empty subject, no recipients, unsigned; an issued plan without number or date", () => {
    const f = check(
      modify((p) => {
        p.subject = "";
        p.recipients = ["Lưu: VT"];
        p.signer.name = " ";
        p.documentNumber = {};
        p.date = undefined;
      }),
    );
    const paths = only(f, "required-part-missing").map((x) => x.location.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["subject"],
        ["recipients"],
        ["signer", "name"],
        ["documentNumber", "number"],
        ["date"],
      ]),
    );
    expect(only(f, "required-part-missing").every((x) => x.severity === "error")).toBe(true);
  });

  it("cited-after-document: a cited document dated after this one", () => {
    const f = check(modify((p) => ((p.basis[0] as { date?: string }).date = "2023-06-15")));
    expect(only(f, "cited-after-document")).toHaveLength(1);
    expect(only(f, "cited-after-document")[0]?.location.path).toEqual(["basis", 0, "date"]);
    expect(codes(f)).not.toContain("cited-after-event"); // reported once
  });

  it("cited-after-event: dated before this plan but after the event", () => {
    const f = check(
      modify((p) => {
        p.date = undefined;
        p.status = "draft";
        (p.basis[0] as { date?: string }).date = "2023-07-01";
      }),
    );
    expect(only(f, "cited-after-event")[0]).toMatchObject({
      severity: "error",
      location: { path: ["basis", 0, "date"] },
    });
  });

  it("symbol-malformed: unpadded, spaced, wrong type code, mismatched number; malformed cited symbol", () => {
    const sym = (symbol: string, number?: number) =>
      only(
        check(modify((p) => (p.documentNumber = { ...p.documentNumber, symbol, number }))),
        "symbol-malformed",
      );
    expect(sym("5/KH-UBND", 5)).toHaveLength(1);
    expect(sym("05 / KH-UBND", 5)).toHaveLength(1);
    expect(sym("05/BC-UBND", 5)[0]?.message.vi).toContain('"KH-"');
    expect(sym("06/KH-UBND", 5)).toHaveLength(1);
    expect(sym("05/KH-UBND", 5)).toHaveLength(0);
    const cited = check(modify((p) => ((p.basis[0] as { symbol?: string }).symbol = "61 KH-UBND")));
    expect(only(cited, "symbol-malformed")[0]?.location.path).toEqual(["basis", 0, "symbol"]);
    const decree = check(
      modify((p) =>
        p.basis.push({ type: "Nghị định", number: 30, symbol: "30/2020/NĐ-CP", date: "2020-03-05" }),
      ),
    );
    expect(codes(decree)).not.toContain("symbol-malformed");
  });

  it("date-malformed: impossible field dates (raw JSON) and impossible dates in the text", () => {
    const f = check(
      modify((p) => {
        (p.basis[0] as { date?: string }).date = "2023-02-30";
        p.closing = ["Hoàn thành trước ngày 31/4/2023./."];
      }),
    );
    const paths = only(f, "date-malformed").map((x) => x.location.path);
    expect(paths).toContainEqual(["basis", 0, "date"]);
    expect(paths).toContainEqual(["closing", 0]);
    const far = check(modify((p) => (p.event = { ...p.event, date: "2203-06-22" } as PlanContent["event"])));
    expect(only(far, "date-malformed")[0]?.location.path).toEqual(["event", "date"]);
  });

  it("event-before-issue: the event is before the plan's date", () => {
    const f = check(modify((p) => (p.date = "2023-06-25")));
    expect(only(f, "event-before-issue")[0]).toMatchObject({
      severity: "error",
      location: { path: ["event", "date"] },
    });
  });

  it("signer-authority: unknown authority, KT. by the head, TM. by a deputy, none for a People's Committee", () => {
    const auth = (s: Partial<PlanContent["signer"]> & Record<string, unknown>) =>
      only(
        check(modify((p) => (p.signer = { ...p.signer, ...s } as PlanContent["signer"]))),
        "signer-authority",
      );
    expect(auth({ authority: "T/M" as "TM." })[0]?.location.path).toEqual(["signer", "authority"]);
    expect(auth({ authority: "KT.", onBehalfOf: "CHỦ TỊCH", title: "CHỦ TỊCH" })).toHaveLength(1);
    expect(auth({ authority: "KT.", onBehalfOf: "CHỦ TỊCH", title: "PHÓ CHỦ TỊCH" })).toHaveLength(0);
    expect(auth({ authority: "TM.", title: "PHÓ CHỦ TỊCH" })).toHaveLength(1);
    expect(auth({ authority: undefined })).toHaveLength(1);
  });

  it("defunct-body: district bodies named in a document dated on/after 1 July 2025", () => {
    const after = check(
      modify((p) => {
        p.date = "2025-09-10";
        p.event = { ...(p.event as NonNullable<PlanContent["event"]>), date: "2025-09-25" };
        p.basis = [];
      }),
    );
    const f = only(after, "defunct-body");
    expect(f.map((x) => x.location.path)).toEqual(
      expect.arrayContaining([
        ["recipients", 0], // UBND huyện Tứ Kỳ
        ["event", "attendeeGroups", 5, "name"], // Đài Phát thanh huyện
      ]),
    );
    expect(f.every((x) => x.severity === "error")).toBe(true);
    expect(codes(check(cleanPlan()))).not.toContain("defunct-body"); // 2023
    // Citing a district's document of 2024 is history, not an error.
    const citing = check(
      modify((p) => {
        p.date = "2025-09-10";
        p.event = undefined;
        p.recipients = ["Sở Nội vụ", "Lưu: VT"];
        p.sections = [];
        p.basis = [
          {
            type: "Kế hoạch",
            symbol: "12/KH-UBND",
            number: 12,
            date: "2024-12-20",
            issuer: "UBND huyện Tứ Kỳ",
          },
        ];
        p.preamble = [
          "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/12/2024 của UBND huyện Tứ Kỳ, Ủy ban nhân dân xã xây dựng Kế hoạch.",
        ];
      }),
    );
    expect(codes(citing)).not.toContain("defunct-body");
    // An undated draft with nothing older in it is taken as written today.
    const undated = check(
      modify((p) => {
        p.date = undefined;
        p.status = "draft";
        p.documentNumber = {};
        p.event = undefined;
        p.basis = [];
        p.period = undefined;
        for (const a of p.assignments)
          for (const t of a.tasks) t.deadline = { kind: "date", date: "2026-12-15" };
      }),
    );
    expect(only(undated, "defunct-body")[0]?.message.vi).toContain("chưa ghi ngày");
  });

  it("unit-spelling: compares case, spaces around '-' and tone placement with the given unit list", () => {
    const units = ["Văn phòng - Thống kê", "Địa chính - Xây dựng"];
    const f = check(
      modify((p) => {
        p.assignments = [
          { id: "x", unit: "Địa Chính-xây dựng", tasks: [] },
          { id: "y", unit: "Văn phòng - Thống kê", tasks: [] },
          { id: "z", unit: "Ban Chỉ huy Quân sự xã", tasks: [] },
        ];
        p.closing = [
          "Giao công chức Địa chính -Xây dựng rà soát hồ sơ; tài chính kế toán là nghiệp vụ, không phải tên đơn vị./.",
        ];
      }),
      units,
    );
    const u = only(f, "unit-spelling");
    expect(u.map((x) => x.location.path)).toEqual([
      ["assignments", 0, "unit"],
      ["closing", 0],
    ]);
    expect(u[1]?.message.vi).toContain('"Địa chính -Xây dựng"');
  });

  it("tone-mark-mixed: hoá and hóa (or uỷ and ủy) in one document", () => {
    const f = check(
      modify(
        (p) => (p.closing = ["Giao Văn hóa - Thông tin phối hợp với Đảng uỷ và Ủy ban MTTQ xã thực hiện./."]),
      ),
    );
    const t = only(f, "tone-mark-mixed");
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ severity: "warning", location: { path: ["closing", 0] } });
    expect(t[0]?.message.vi).toContain('"uỷ" → "ủy"');
    // "quý" has one possible place for its tone: never reported
    expect(codes(check(modify((p) => (p.closing = ["Báo cáo quý I./."]))))).not.toContain("tone-mark-mixed");
  });

  it("double-space and stray-space", () => {
    const f = check(
      modify((p) => (p.closing = [" Trên đây là Kế hoạch  của UBND xã ; đề nghị thực hiện./."])),
    );
    expect(only(f, "double-space")[0]?.location.path).toEqual(["closing", 0]);
    expect(only(f, "stray-space").length).toBeGreaterThanOrEqual(1);
  });

  it("task-no-deadline and task-no-lead", () => {
    const f = check(
      modify((p) => {
        const t = p.assignments[1]?.tasks[0];
        if (t) {
          t.deadline = undefined;
          t.leadUnit = undefined;
        }
      }),
    );
    expect(only(f, "task-no-deadline").map((x) => x.location.path)).toEqual([
      ["assignments", 1, "tasks", 0, "deadline"],
    ]);
    expect(only(f, "task-no-lead").map((x) => x.location.path)).toEqual([
      ["assignments", 1, "tasks", 0, "leadUnit"],
    ]);
  });

  it('event-naming: "Hội nghị tổng kết" in a "sơ kết" plan; other reviews merely mentioned are fine', () => {
    const f = check(
      modify(
        (p) =>
          (p.closing = ["Trên đây là Kế hoạch tổ chức Hội nghị tổng kết; đề nghị các đơn vị thực hiện./."]),
      ),
    );
    expect(only(f, "event-naming")[0]?.location.path).toEqual(["closing", 0]);
    const ok = check(modify((p) => (p.closing = ["Kết quả được đưa vào báo cáo tổng kết năm 2023./."])));
    expect(codes(ok)).not.toContain("event-naming");
  });

  it("phrase-missing-word: fixed phrases with a word missing, without false alarms", () => {
    const phrase = (s: string) => only(check(modify((p) => (p.closing = [s]))), "phrase-missing-word");
    expect(phrase("Yêu công chức chuyên môn thực hiện./.")[0]?.message.vi).toContain("Yêu cầu công chức");
    expect(phrase("Đề MTTQ xã phối hợp thực hiện./.")[0]?.message.vi).toContain("Đề nghị MTTQ");
    expect(phrase("Trên là Kế hoạch của UBND xã./.")).toHaveLength(1);
    expect(phrase("UBND xã xây dựng Kế hoạch cụ thể sau: ...")).toHaveLength(1);
    expect(phrase("Văn phòng phối với Tài chính - Kế toán thực hiện./.")).toHaveLength(1);
    expect(
      phrase(
        "Các bộ phận có trách nhiệm, yêu cầu công chức thực hiện; vấn đề các ban ngành nêu được giải quyết./.",
      ),
    ).toHaveLength(0);
    expect(phrase("Giáo dục truyền thống yêu nước, yêu quê hương./.")).toHaveLength(0);
    expect(phrase("Hàng hóa được phân phối với giá niêm yết./.")).toHaveLength(0);
  });

  it("placeholder-left / placeholder-text: template gaps, in a draft an error where they identify the document, in an issued document an error anywhere", () => {
    const gaps = modify((p) => {
      p.subject = "Tổ chức Hội nghị sơ kết công tác … 6 tháng đầu năm";
      p.signer.name = "(Họ và tên người ký)";
      p.preamble = [
        "Thực hiện Kế hoạch số …/KH-UBND ngày … của UBND xã về …, UBND xã xây dựng Kế hoạch như sau:",
      ];
      p.recipients = ["UBND cấp trên trực tiếp", ...p.recipients];
    });
    const gapsOf = (p: CheckablePlan) =>
      check(p)
        .filter((f) => f.code.startsWith("placeholder"))
        .map((f) => [f.code, f.location.path.join("."), f.location.label]);
    expect(gapsOf({ ...gaps, status: "draft" })).toEqual([
      ["placeholder-left", "subject", "Trích yếu / Subject"],
      ["placeholder-left", "signer.name", "Người ký, họ tên / Signer, name"],
      ["placeholder-text", "preamble.0", "Phần mở đầu, đoạn 1 / Preamble, paragraph 1"],
      ["placeholder-text", "recipients.0", "Nơi nhận, dòng 1 / Recipients, line 1"],
    ]);
    const issued = gapsOf(gaps);
    expect(issued.map((g) => g[0])).toEqual(Array(4).fill("placeholder-left"));
    const found = check(gaps).filter((f) => f.code.startsWith("placeholder"));
    expect(hasBlockingErrors(found)).toBe(true);
    // An ellipsis meaning "and so on" is not a gap.
    const etc = modify(
      (p) => (p.closing = ["Chuẩn bị tài liệu (báo cáo, tham luận,...) phục vụ Hội nghị./."]),
    );
    expect(codes(check(etc))).not.toContain("placeholder-text");
  });
});

describe("one fact, one value", () => {
  it("flags a cited date, an event date, a venue, an attendee count and a deadline the text restates differently", () => {
    const p = modify((p) => {
      p.preamble = [(p.preamble[0] as string).replace("30 tháng 12 năm 2022", "30 tháng 12 năm 2023")];
      (p.event as NonNullable<PlanContent["event"]>).date = "2023-06-25";
      (p.event as NonNullable<PlanContent["event"]>).venue = "Hội trường UBND xã";
      (p.event as NonNullable<PlanContent["event"]>).attendeeCount = 40;
      const task = p.assignments[0]?.tasks[0] as PlanContent["assignments"][number]["tasks"][number];
      task.description = "Chuẩn bị tài liệu, hoàn thành trước ngày 15/6/2023.";
      task.deadline = { kind: "date", date: "2023-06-18" };
    });
    const found = only(check(p), "fact-contradiction");
    const at = (s: string) => found.filter((f) => f.message.vi.includes(s)).map((f) => f.location.label);
    expect(at("61/KH-UBND ngày 30/12/2023")).toEqual(["Phần mở đầu, đoạn 1 / Preamble, paragraph 1"]);
    expect(at("ngày tổ chức 22/06/2023")).toHaveLength(1);
    expect(at("Văn bản ghi địa điểm")).toHaveLength(1);
    expect(at("35 đại biểu")).toHaveLength(1);
    expect(at("hạn 15/06/2023")).toEqual([
      "Tổ chức thực hiện › 1. Văn phòng - Thống kê › nhiệm vụ 1, nội dung / Implementation › 1. Văn phòng - Thống kê › task 1, description",
    ]);
    expect(found.every((f) => f.severity === "error")).toBe(true);
    expect(only(check(cleanPlan()), "fact-contradiction")).toEqual([]);
  });

  it("a subject in capitals is a warning; a task whose words carry its time is not missing a deadline", () => {
    const p = modify((p) => {
      p.subject = "TỔ CHỨC HỘI NGHỊ SƠ KẾT CẢI CÁCH HÀNH CHÍNH";
      const tasks = p.assignments[0]?.tasks ?? [];
      for (const t of tasks) delete t.deadline;
      (tasks[0] as { description: string }).description = "Cập nhật thông tin thường xuyên.";
      (tasks[1] as { description: string }).description = "Báo cáo hằng tháng, trước ngày 20.";
      (tasks[2] as { description: string }).description = "Chuẩn bị hội trường.";
    });
    const f = check(p);
    expect(only(f, "subject-capitals")).toHaveLength(1);
    expect(only(f, "task-no-deadline").map((x) => x.location.path.join("."))).toEqual([
      "assignments.0.tasks.2.deadline",
    ]);
  });

  it("the blocking list is the plan's errors as issued today: an event before today and template gaps anywhere", async () => {
    const { issueBlockers } = await import("@kehoach/core/plan/checker");
    const draft = {
      ...cleanPlan(),
      status: "draft",
      date: undefined,
      documentNumber: { typeCode: "KH" as const },
    };
    draft.recipients = ["UBND cấp trên trực tiếp", ...draft.recipients];
    expect(codes(check(draft).filter((x) => x.severity === "error"))).toEqual([]);
    const blocking = issueBlockers(draft, { today: TODAY });
    expect(codes(blocking)).toContain("event-before-issue");
    expect(codes(blocking)).toContain("placeholder-left");
    expect(blocking.every((x) => x.severity === "error")).toBe(true);
  });
});
