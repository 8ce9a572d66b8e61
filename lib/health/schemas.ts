import { z } from "zod";

const ZPart = z.enum(["ok", "down"]);
export const ZHealth = z.object({
  status: z.enum(["ok", "degraded"]),
  db: ZPart,
  redis: ZPart,
  worker: ZPart,
  failing: z.array(z.string()).optional(),
});
export type THealth = z.infer<typeof ZHealth>;
