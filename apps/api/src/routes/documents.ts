import { OpenAPIHono, z } from "@hono/zod-openapi";
import { planContent } from "@kehoach/core/plan/schema";
import { checkPlan } from "@kehoach/documents/checker";
import { commonErrors, type Env, guarded, json } from "../http";

export const findingSchema = z
  .object({
    code: z.string(),
    severity: z.enum(["error", "warning"]),
    location: z.object({ path: z.array(z.union([z.string(), z.number()])), label: z.string() }),
    message: z.object({ vi: z.string(), en: z.string() }),
  })
  .meta({ id: "Finding" });

const STAFF = ["commune_staff", "commune_leader"] as const;

export const documents = new OpenAPIHono<Env>().openapi(
  guarded(STAFF, {
    method: "post",
    path: "/check",
    summary: "Kiểm tra thể thức một bản đang soạn (không lưu) / Check unsaved content against Decree 30",
    tags: ["documents"],
    request: {
      body: {
        content: {
          "application/json": { schema: z.object({ content: planContent, status: z.string().optional() }) },
        },
        required: true,
      },
    },
    responses: { 200: json(z.array(findingSchema), "Kết quả kiểm tra / Findings"), ...commonErrors },
  }),
  (c) => {
    const { content, status } = c.req.valid("json");
    return c.json(checkPlan({ ...content, ...(status ? { status } : {}) }), 200);
  },
);
