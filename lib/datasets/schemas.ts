import { z } from "zod";
import { ZProjectSlug } from "../projects/schemas";

// Golden datasets (issue 4). One item shape validates the API, the import of CSV and JSONL lines and
// the console forms. PostgreSQL refuses NUL and unpaired surrogates in text and jsonb: refused here.

const storable = (s: string) => s.isWellFormed() && !s.includes("\u0000");
const NOT_STORABLE = "must not contain NUL characters or broken Unicode";
const text = (max: number) => z.string().max(max, `at most ${max.toLocaleString("en")} characters`).refine(storable, NOT_STORABLE);

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_ITEMS_PER_VERSION = 50_000;
export const DEFAULT_SPLIT = "test";
export const DATASET_FORMATS = ["jsonl", "csv"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export const ZDatasetName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, "lowercase letters, digits, '.', '_' and '-', starting with a letter or digit, at most 80");

export const ZDatasetTag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,39}$/u, "letters, digits, '.', '_', ':' and '-', at most 40");

export const ZItemKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, "letters, digits, '.', '_', ':' and '-', starting with a letter or digit, at most 128");

// BCP-47-ish: a 2–3 letter language, then optional script/region/variant subtags (en, ar, pt-BR, zh-Hant-TW)
export const ZLanguage = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a language code such as en, ar or pt-BR")
  .transform((s) => s.split("-").map((part, i) => (i === 0 ? part.toLowerCase() : part)).join("-"));

export const ZSplit = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a split name such as test, train or dev (lowercase letters, digits, "_" and "-")');

export const ZDocId = z
  .string()
  .trim()
  .min(1, "a document id must not be empty")
  .max(200, "at most 200 characters")
  .refine((s) => !s.includes(","), "must not contain a comma")
  .refine(storable, NOT_STORABLE);

export const ZContextChunk = z
  .object({
    text: text(100_000).pipe(z.string().min(1, "a context chunk needs text")),
    docId: ZDocId.optional(),
    lastUpdated: z.iso.date("a date such as 2025-06-01").or(z.iso.datetime({ offset: true, message: "a date such as 2025-06-01" })).optional(),
  })
  .strict();
export type TContextChunk = z.infer<typeof ZContextChunk>;

const ZInputs = z
  .record(z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "variable names are letters, digits and '_', not starting with a digit").max(64), z.unknown())
  .refine((o) => Object.keys(o).length > 0, "give at least one input variable")
  .refine((o) => Object.keys(o).length <= 100, "at most 100 input variables")
  .refine((o) => storable(JSON.stringify(o)), `values ${NOT_STORABLE}`);

/** An item as given (API body, a JSONL line, a parsed CSV row). The key is generated when missing. */
export const ZDatasetItemInput = z
  .object({
    key: ZItemKey.optional(),
    inputs: ZInputs,
    contextChunks: z.array(ZContextChunk).max(100, "at most 100 context chunks").nullable().optional(),
    reference: text(100_000).nullable().optional(),
    relevantDocIds: z.array(ZDocId).max(100, "at most 100 document ids").default([]),
    tags: z.array(ZDatasetTag).max(20, "at most 20 tags").default([]),
    language: ZLanguage,
    split: ZSplit.default(DEFAULT_SPLIT),
  })
  .strict();
export type TDatasetItemInput = z.input<typeof ZDatasetItemInput>;

/** An item as stored and exported: every field present, in one form, so the content hash is stable. */
export interface DatasetItem {
  key: string;
  inputs: Record<string, unknown>;
  contextChunks: TContextChunk[] | null;
  reference: string | null;
  relevantDocIds: string[];
  tags: string[];
  language: string;
  split: string;
}
export type ItemWithoutKey = Omit<DatasetItem, "key">;

export const ZCreateDataset = z
  .object({
    name: ZDatasetName,
    description: text(2000).optional(),
    tags: z.array(ZDatasetTag).max(20).optional(),
  })
  .strict();
export type TCreateDataset = z.output<typeof ZCreateDataset>;

export const ZImportDataset = z
  .object({
    format: z.enum(DATASET_FORMATS, "format is jsonl or csv"),
    text: z.string().min(1, "the file is empty"),
    mode: z.enum(["append", "replace"], "mode is append or replace").default("append"),
    skipInvalid: z.boolean().default(false),
    changelog: text(2000).optional(),
  })
  .strict();
export type TImportDataset = z.output<typeof ZImportDataset>;
export type TImportDatasetInput = z.input<typeof ZImportDataset>;

export const ZAddDatasetItem = ZDatasetItemInput.extend({ changelog: text(2000).optional() }).strict();
export type TAddDatasetItem = z.output<typeof ZAddDatasetItem>;
export const ZUpdateDatasetItem = ZDatasetItemInput.omit({ key: true }).extend({ changelog: text(2000).optional() }).strict();
export type TUpdateDatasetItem = z.output<typeof ZUpdateDatasetItem>;
export const ZRemoveDatasetItemQuery = z.object({ changelog: text(2000).optional() });

export const ZProjectParam = z.object({ project: ZProjectSlug });
export const ZDatasetParam = ZProjectParam.extend({ name: ZDatasetName });
export const ZDatasetVersionParam = ZDatasetParam.extend({ version: z.coerce.number().int().min(1) });
export const ZDatasetItemParam = ZDatasetParam.extend({ key: ZItemKey });

export const ZListItemsQuery = z.object({
  cursor: z.coerce.number().int().min(0).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TListItemsQuery = z.output<typeof ZListItemsQuery>;
export const ZExportQuery = z.object({ format: z.enum(DATASET_FORMATS, "format is jsonl or csv").default("jsonl") });

// --- responses ---

export const ZImportIssue = z.object({ line: z.number().int(), field: z.string().optional(), message: z.string() });
export type ImportIssue = z.infer<typeof ZImportIssue>;

export const ZDatasetItem = z.object({
  key: z.string(),
  inputs: z.record(z.string(), z.unknown()),
  contextChunks: z.array(ZContextChunk).nullable(),
  reference: z.string().nullable(),
  relevantDocIds: z.array(z.string()),
  tags: z.array(z.string()),
  language: z.string(),
  split: z.string(),
});

export const ZDatasetVersion = z.object({
  id: z.string(),
  version: z.number().int(),
  itemCount: z.number().int(),
  contentHash: z.string(),
  changelog: z.string(),
  author: z.string(),
  createdAt: z.string(),
});
export type TDatasetVersion = z.infer<typeof ZDatasetVersion>;

export const ZDatasetSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  latestVersion: z.number().int().nullable(),
  itemCount: z.number().int().describe("Items in the latest version"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TDatasetSummary = z.infer<typeof ZDatasetSummary>;

export const ZDatasetDetail = ZDatasetSummary.extend({ versions: z.array(ZDatasetVersion).describe("Newest first") });
export type TDatasetDetail = z.infer<typeof ZDatasetDetail>;

export const ZDatasetItemsPage = z.object({
  version: z.number().int(),
  items: z.array(ZDatasetItem),
  nextCursor: z.number().int().nullable(),
});
export type TDatasetItemsPage = z.infer<typeof ZDatasetItemsPage>;

export const ZSavedDatasetVersion = z.object({
  datasetId: z.string(),
  name: z.string(),
  version: z.number().int().nullable().describe("The latest version after the change (null: the dataset has no version yet)"),
  itemCount: z.number().int(),
  contentHash: z.string().nullable(),
  unchanged: z.boolean().describe("true: the items equal the latest version's, so no version was created"),
});
export type TSavedDatasetVersion = z.infer<typeof ZSavedDatasetVersion>;

export const ZImportResult = ZSavedDatasetVersion.extend({
  imported: z.number().int().describe("Valid lines taken from the file"),
  skipped: z.array(ZImportIssue).describe("Invalid lines left out (skipInvalid: true)"),
});
export type TImportResult = z.infer<typeof ZImportResult>;
