import { z } from "zod";
import { ZProjectSlug } from "../projects/schemas";

// Environments and rollout (issue 6). One schema validates the API body, the console's form and the CLI.

export const DEFAULT_ENVIRONMENTS = ["staging", "production"] as const;
export const PRODUCTION = "production";

export const ZEnvironmentName = z
  .string()
  .trim()
  .min(2, "at least 2 characters")
  .max(40)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "lowercase letters, digits and dashes, not at the ends (e.g. staging, eu-production)");

export const ZProjectParam = z.object({ project: ZProjectSlug });
export const ZEnvironmentParam = ZProjectParam.extend({ env: ZEnvironmentName });

export const ZCreateEnvironment = z.object({ name: ZEnvironmentName }).strict();
export type TCreateEnvironment = z.output<typeof ZCreateEnvironment>;

const ZReleaseRef = z.string().trim().min(1, "name the release by id or version").max(64).describe("The release's id or its semantic version");
const ZReason = z.string().trim().max(2000);
const ZPercent = z.number().int("a whole percentage").min(1, "at least 1%").max(99, "at most 99% (graduate for 100%)");

export const ZPromote = z.object({ release: ZReleaseRef, reason: ZReason.optional() }).strict();
export type TPromote = z.output<typeof ZPromote>;
export const ZStartCanary = z.object({ release: ZReleaseRef, percent: ZPercent, reason: ZReason.optional() }).strict();
export type TStartCanary = z.output<typeof ZStartCanary>;
export const ZUpdateCanary = z.object({ percent: ZPercent, reason: ZReason.optional() }).strict();
export type TUpdateCanary = z.output<typeof ZUpdateCanary>;
export const ZGraduate = z.object({ reason: ZReason.optional() }).strict();
export const ZAbortCanary = z.object({ reason: ZReason.min(3, "say why (at least 3 characters): it is kept with the deployment") }).strict();
export const ZRollback = z.object({ reason: ZReason.min(3, "say why (at least 3 characters): it is kept with the deployment") }).strict();
export type TRollback = z.output<typeof ZRollback>;

export const ZResolveQuery = z.object({
  key: z.string().max(256).optional().describe("The request key (a user or session id): the same key always gets the same variant. Without it: stable."),
});
export const ZDeploymentsQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

const ZReleaseBrief = z.object({ id: z.string(), version: z.string(), state: z.string() }).nullable();

export const ZEnvironment = z.object({
  id: z.string(),
  name: z.string(),
  stable: ZReleaseBrief,
  canary: ZReleaseBrief,
  canaryPercent: z.number().int(),
  epoch: z.number().int(),
  updatedAt: z.string(),
});
export type TEnvironment = z.infer<typeof ZEnvironment>;

export const DEPLOYMENT_ACTIONS = ["promote", "canary_start", "canary_update", "graduate", "rollback", "canary_abort"] as const;
export type DeploymentActionName = (typeof DEPLOYMENT_ACTIONS)[number];

export const ZDeployment = z.object({
  id: z.string(),
  action: z.enum(DEPLOYMENT_ACTIONS),
  stableBefore: z.string().nullable(),
  stableAfter: z.string().nullable(),
  canaryBefore: z.string().nullable(),
  canaryAfter: z.string().nullable(),
  canaryPercentBefore: z.number().int(),
  canaryPercentAfter: z.number().int(),
  actorType: z.string(),
  actorLabel: z.string(),
  reason: z.string().nullable(),
  gateResult: z.unknown().nullable(),
  createdAt: z.string(),
});
export type TDeployment = z.infer<typeof ZDeployment>;

export const ZMoveResult = z.object({ environment: ZEnvironment, deployment: ZDeployment });
export type TMoveResult = z.infer<typeof ZMoveResult>;

const ZModelRef = z.object({ provider: z.string(), connection: z.string(), model: z.string(), modelVersionId: z.string() });

export const ZResolvedPrompt = z.object({
  name: z.string(),
  version: z.number().int(),
  messages: z.array(z.object({ role: z.string(), content: z.string() })),
  params: z.record(z.string(), z.unknown()),
  variables: z.array(z.record(z.string(), z.unknown())),
});

export const ZResolvedRelease = z.object({
  release: z.object({ id: z.string(), version: z.string() }),
  variant: z.enum(["stable", "canary"]),
  prompts: z.record(z.string(), ZResolvedPrompt),
  model: ZModelRef.extend({
    params: z.object({ contextWindow: z.number().int(), maxOutputTokens: z.number().int() }),
    fallbacks: z.array(ZModelRef),
  }),
  retrieval: z
    .object({
      name: z.string(),
      version: z.number().int(),
      retrievalConfigVersionId: z.string(),
      embeddingModel: ZModelRef,
      chunkSize: z.number().int(),
      chunkOverlap: z.number().int(),
      topK: z.number().int(),
      minSimilarity: z.number(),
      rerank: z.string(),
      knowledgeBaseId: z.string().nullable(),
      externalUrl: z.string().nullable(),
    })
    .nullable(),
});
export type TResolvedRelease = z.infer<typeof ZResolvedRelease>;
export type TResolvedBundle = Omit<TResolvedRelease, "variant">;

// the deployment config import (deployment-config.ts)
const MAX_YAML_BYTES = 256 * 1024;
export const ZImportConfig = z.object({
  yaml: z.string().min(1, "paste the YAML file").max(MAX_YAML_BYTES),
  version: z.string().trim().max(64).optional().describe("Overrides the file's release version (versions are unique per project)"),
}).strict();
export type TImportConfig = z.output<typeof ZImportConfig>;
