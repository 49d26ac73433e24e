import { z } from "zod";

/** Browser-safe: the report list's query, taken by the API and by the dashboard's address (?year=). */
export const reportListQuery = z.object({
  year: z
    .string()
    .regex(/^(19|20)\d\d$/, { message: "Năm gồm 4 chữ số / Year must have 4 digits" })
    .optional(),
});
export type ReportListQuery = z.input<typeof reportListQuery>;
