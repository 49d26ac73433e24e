import { describe, expect, it } from "vitest";
import { locationLabel } from "../src/plan/locations";
import { planContent } from "../src/plan/schema";
import { SEED_PLAN } from "../src/seed/seed-plan";

const plan = planContent.parse(structuredClone(SEED_PLAN));
const vi = (path: (string | number)[] | string) => locationLabel(plan, path).vi;

describe("locationLabel: a field's place read as the document reads it", () => {
  it("names sections by their numbers, bullets by their order, paragraphs by count", () => {
    expect(vi(["sections", 0, "children", 0, "paragraphs", 0])).toBe("Mục I › 1 › đoạn 1");
    expect(vi("sections.1.children.1.children.0.heading")).toBe("Mục II › 2 › 2.1 › tiêu đề");
    expect(vi("sections.0.children.1.children.1.paragraphs.0")).toBe("Mục I › 2 › ý 2 › đoạn 1");
    expect(locationLabel(plan, "sections.0.heading").en).toBe("Section I › heading");
  });

  it("names the other parts as the page does", () => {
    expect(vi(["recipients", 0])).toBe("Nơi nhận, dòng 1");
    expect(vi(["date"])).toBe("Ngày ban hành");
    expect(vi(["basis", 0, "date"])).toBe("Căn cứ 1 (61/KH-UBND), ngày");
    expect(vi("assignments.0.tasks.1.deadline.date")).toBe(
      "Tổ chức thực hiện › 1. Văn phòng -thống kê › nhiệm vụ 2, thời hạn",
    );
    expect(vi("event.venue")).toBe("Sự kiện, địa điểm");
    expect(vi("signer.name")).toBe("Người ký, họ tên");
    expect(vi("preamble.0")).toBe("Phần mở đầu, đoạn 1");
  });

  it("never shows a stored path, even without the plan or for a path it does not know", () => {
    expect(locationLabel(undefined, "sections.4.children.2.paragraphs.0").vi).toBe("Mục ý 5 › ý 3 › đoạn 1");
    expect(locationLabel(plan, "recipients.12").vi).toBe("Nơi nhận, dòng 13");
  });
});
