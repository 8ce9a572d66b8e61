import { z } from "zod";
import { defineContract } from "../http/contract";
import { ZProject } from "./schemas";

export const ZCaller = z.object({
  kind: z.enum(["user", "apiKey"]),
  label: z.string(),
  role: z.string().nullable(),
  scopes: z.array(z.string()).nullable(),
});

export const getProjectRoute = defineContract({
  method: "GET", path: "/api/v1/project", tag: "Project", summary: "The caller's project and who the caller is (any valid key)",
  permission: null, response: z.object({ project: ZProject, caller: ZCaller }),
});
