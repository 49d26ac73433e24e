import type { PlanContentInput } from "../plan/schema";

/**
 * The seed plan of UBND xã Quảng Nghiệp, transcribed faithfully from its text,
 * errors of the original kept as written (the cited plan dated after the event,
 * "sơ tổng kết", "Văn phòng -thống kê", "Yêu công chức"). The header was lost in
 * extraction; issuer and signer lines come from the rest of the document.
 */
export const SEED_PLAN_ID = "seed-quang-nghiep-hnsk-cchc-2023-h1";

export const SEED_PLAN: PlanContentInput = {
  issuer: {
    name: "UBND xã Quảng Nghiệp",
    headerLines: ["ỦY BAN NHÂN DÂN", "XÃ QUẢNG NGHIỆP"],
    code: "UBND",
  },
  documentNumber: { typeCode: "KH", issuerCode: "UBND" },
  place: "Quảng Nghiệp",
  type: "KH",
  subject: "Tổ chức Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023",
  category: "CCHC",
  period: "2023-H1",
  basis: [
    {
      type: "Kế hoạch",
      number: 61,
      symbol: "61/KH-UBND",
      date: "2023-12-30",
      issuer: "UBND xã Quảng Nghiệp",
      subject: "cải cách hành chính năm 2023",
    },
  ],
  preamble: [
    "Thực hiện Kế hoạch số 61/KH-UBND ngày 30 tháng 12 năm 2023 của UBND xã Quảng Nghiệp về cải cách hành chính năm 2023 và tình hình thực hiện chỉ tiêu, nhiệm vụ, hoạt động, sản phẩm CCHC 6 tháng đầu năm. Ủy ban nhân dân xã Quảng Nghiệp xây dựng Kế hoạch tổ chức Hội nghị sơ tổng kết cải cách hành chính 6 tháng đầu năm 2023, cụ thể như sau:",
  ],
  sections: [
    {
      id: "s1",
      label: "I",
      heading: "MỤC ĐÍCH, YÊU CẦU",
      paragraphs: [],
      children: [
        {
          id: "s1-1",
          label: "1",
          heading: "Mục đích",
          paragraphs: [
            "Nhằm đánh giá công tác chỉ đạo, triển khai thực hiện cải cách hành chính, kết quả triển khai việc thực hiện chỉ tiêu, nhiệm vụ, hoạt động CCHC 6 tháng đầu năm 2023; chỉ rõ những ưu điểm, tồn tại, hạn chế và nguyên nhân để thực hiện tốt hơn việc thực hiện nhiệm vụ cải cách hành chính năm 2023, góp phần nâng cao Chỉ số cải cách hành chính của UBND xã, Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn xã.",
          ],
          children: [],
        },
        {
          id: "s1-2",
          label: "2",
          heading: "Yêu cầu",
          paragraphs: [],
          children: [
            {
              id: "s1-2-a",
              label: "-",
              paragraphs: [
                "Phân tích, đánh giá đúng thực trạng công tác cải cách hành chính và việc thực hiện nhiệm vụ cải cách hành chính 6 tháng đầu năm 2023. Rà soát, đối chiếu, so sánh chỉ tiêu, nhiệm vụ với khung kế hoạch CCHC năm 2023.",
              ],
              children: [],
            },
            {
              id: "s1-2-b",
              label: "-",
              paragraphs: ["Việc tổ chức Hội nghị đảm bảo tiết kiệm, hiệu quả."],
              children: [],
            },
          ],
        },
      ],
    },
    {
      id: "s2",
      label: "II",
      heading: "NỘI DUNG VÀ HÌNH THỨC THỰC HIỆN",
      paragraphs: [],
      children: [
        {
          id: "s2-1",
          label: "1",
          heading: "Nội dung",
          paragraphs: [
            "Sơ kết đánh giá kết quả cải cách hành chính 6 tháng đầu năm và giải pháp thực hiện nhiệm vụ CCHC 6 tháng cuối năm 2023.",
            "Thảo luận phân tích những tồn tại, hạn chế và thống nhất các giải pháp thực hiện để hoàn thành và vượt các chỉ tiêu nhiệm vụ CCHC năm 2023.",
          ],
          children: [],
        },
        {
          id: "s2-2",
          label: "2",
          heading: "Hình thức thực hiện",
          paragraphs: ["Tổ chức Hội nghị sơ kết."],
          children: [
            {
              id: "s2-2-1",
              label: "2.1",
              heading: "Thời gian tổ chức",
              paragraphs: ["½ ngày (dự kiến ngày 22/6/2023)"],
              children: [],
            },
            {
              id: "s2-2-2",
              label: "2.2",
              heading: "Thành phần tham dự",
              paragraphs: ["Khoảng 35 đại biểu, gồm:"],
              children: [
                { id: "s2-2-2-a", label: "-", paragraphs: ["BTV Đảng uỷ;"], children: [] },
                {
                  id: "s2-2-2-b",
                  label: "-",
                  paragraphs: ["Thường trực HĐND; Lãnh đạo UBND;"],
                  children: [],
                },
                {
                  id: "s2-2-2-c",
                  label: "-",
                  paragraphs: ["MTTQ, các ban ngành, đoàn thể, công chức UBND xã."],
                  children: [],
                },
                {
                  id: "s2-2-2-d",
                  label: "-",
                  paragraphs: ["Lãnh đạo các cơ quan trên địa  bàn xã;"],
                  children: [],
                },
                { id: "s2-2-2-e", label: "-", paragraphs: ["Bí thư chi bộ, trưởng thôn;"], children: [] },
                {
                  id: "s2-2-2-f",
                  label: "-",
                  paragraphs: ["Đại diện Lãnh đạo và Phóng viên Đài Phát thanh huyện (dự và đưa tin)."],
                  children: [],
                },
              ],
            },
            {
              id: "s2-2-3",
              label: "2.3",
              heading: "Địa điểm tổ chức",
              paragraphs: ["Hội trường Nhà Văn hóa Trung tâm xã."],
              children: [],
            },
            {
              id: "s2-2-4",
              label: "2.4",
              heading: "Kinh phí tổ chức Hội nghị",
              paragraphs: ["Do nguồn ngân sách xã đảm bảo."],
              children: [],
            },
          ],
        },
      ],
    },
    { id: "s3", label: "III", heading: "TỔ CHỨC THỰC HIỆN", paragraphs: [], children: [] },
  ],
  event: {
    name: "Hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm 2023",
    duration: "½ ngày",
    date: "2023-06-22",
    dateTentative: true,
    attendeeCount: 35,
    attendeeCountApproximate: true,
    attendeeGroups: [
      { name: "BTV Đảng uỷ" },
      { name: "Thường trực HĐND; Lãnh đạo UBND" },
      { name: "MTTQ, các ban ngành, đoàn thể, công chức UBND xã" },
      { name: "Lãnh đạo các cơ quan trên địa  bàn xã" },
      { name: "Bí thư chi bộ, trưởng thôn" },
      { name: "Đại diện Lãnh đạo và Phóng viên Đài Phát thanh huyện (dự và đưa tin)" },
    ],
    venue: "Hội trường Nhà Văn hóa Trung tâm xã",
    fundingSource: "Do nguồn ngân sách xã đảm bảo",
  },
  assignments: [
    {
      id: "a1",
      label: "1",
      unit: "Văn phòng -thống kê",
      tasks: [
        {
          id: "a1-t1",
          description:
            "Có trách nhiệm chuẩn bị tài liệu phục vụ Hội nghị (Báo cáo sơ kết công tác CCHC 6 tháng đầu năm 2023,...), trang trí, khánh tiết và các điều kiện cơ sở vật chất khác phục vụ Hội nghị.",
          leadUnit: "Văn phòng -thống kê",
          kind: "giao",
        },
        {
          id: "a1-t2",
          description:
            "Tham mưu cho UBND xã phân công cho các ban ngành, đoàn thể, công chức  chuyên môn chuẩn bị nội dung tham luận tại hội nghị.",
          leadUnit: "Văn phòng -thống kê",
          kind: "giao",
        },
        {
          id: "a1-t3",
          description:
            "Chủ trì, phối hợp với công chức Tài chính - Kế  toán chuẩn bị kinh phí phục vụ Hội nghị theo quy định.",
          leadUnit: "Văn phòng -thống kê",
          partnerUnits: ["Tài chính - Kế toán"],
          kind: "giao",
        },
      ],
    },
    {
      id: "a2",
      label: "2",
      unit: "Tài chính - Kế toán",
      tasks: [
        {
          id: "a2-t1",
          description:
            "Trên cơ sở dự trù kinh phí của Văn phòng-thống kê, có trách nhiệm tham mưu nguồn kinh phí và hướng dẫn thanh quyết toán theo quy định.",
          leadUnit: "Tài chính - Kế toán",
          kind: "giao",
        },
      ],
    },
    {
      id: "a3",
      label: "3",
      unit: "Văn hoá thông tin",
      tasks: [
        {
          id: "a3-t1",
          description:
            "Phối hợp với Văn phòng -thống kê bố trí địa điểm và các trang thiết bị, cơ sở vật chất cần thiết phục vụ Hội nghị.",
          leadUnit: "Văn phòng -thống kê",
          partnerUnits: ["Văn hoá thông tin"],
          kind: "giao",
        },
        {
          id: "a3-t2",
          description:
            "Viết bài, đưa tin về Hội nghị trên hệ thống đài truyền thanh xã; đồng thời đưa thông tin về Hội nghị lên Trang thông tin điện tử của xã.",
          leadUnit: "Văn hoá thông tin",
          kind: "giao",
        },
      ],
    },
    {
      id: "a4",
      label: "4",
      unit: "Công chức chuyên môn khác",
      tasks: [
        {
          id: "a4-t1",
          description:
            "Đối chiếu kết quả thực hiện 6 tháng đầu năm với chỉ tiêu, nhiệm vụ, hoạt động CCHC năm 2023, tham luận đưa ra các giải pháp hữu hiệu để hoàn thành tốt CCHC năm 2023.",
          leadUnit: "Công chức chuyên môn khác",
          kind: "giao",
        },
      ],
    },
  ],
  closing: [
    "Trên đây là Kế hoạch tổ chức Hội nghị sơ kết công tác CCHC 6 tháng đầu năm 2023; đề nghị MTTQ, các ngành đoàn thể phối hợp thực hiện. Yêu công chức chuyên môn nghiêm túc triển khai thực hiện./.",
  ],
  // Stored one recipient per entry; the renderer writes "- …;" and ends with "- Lưu: VT."
  recipients: ["UBND huyện Tứ Kỳ", "BTV Đảng uỷ", "TT HĐND xã", "MTTQ, các ban ngành, đoàn thể", "Lưu: VT"],
  signer: { authority: "TM.", onBehalfOf: "ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Vũ Chí Mạnh" },
};
