// The New run form: what the server hands the dialog (plain, serialisable choices), the draft the
// dialog edits, and the one conversion from draft to the ZCreateEvalRun body. Pure, so it is tested
// without a browser (run-form.test.ts).

/** One config property of a scorer, derived from its zod schema on the server (scorer-choices.ts). */
export interface ConfigField {
  name: string;
  kind: "boolean" | "number" | "integer" | "enum" | "string" | "list" | "json";
  required: boolean;
  default?: unknown;
  options?: string[];
  min?: number;
  max?: number;
}

export interface ScorerChoice {
  name: string;
  label: string;
  description: string;
  /** What an item must have for this scorer, in words ("a reference answer"). */
  needs: string[];
  fields: ConfigField[];
}

export interface NewRunChoices {
  datasets: { name: string; versions: { version: number; itemCount: number }[] }[];
  prompts: { name: string; versions: { version: number; modelVersionId: string | null }[] }[];
  models: { id: string; label: string }[];
  retrievalConfigs: { name: string; versions: number[] }[];
  scorers: ScorerChoice[];
  /** Newest first. `retrieval` is "name@version" or "". */
  runs: { id: string; name: string; dataset: string; status: string; createdAt: string; retrieval: string }[];
  defaultRubric: RubricDraft[];
  judgeDefaults: { prompt: string | null; modelVersionId: string | null };
}

export interface RubricDraft {
  name: string;
  description: string;
}

export type FieldValue = string | boolean;

export interface ScorerDraft {
  /** React key only. */
  id: string;
  type: string;
  key: string;
  values: Record<string, FieldValue>;
}

export interface RunDraft {
  name: string;
  dataset: string;
  datasetVersion: string;
  prompt: string;
  promptVersion: string;
  modelVersionId: string;
  /** "" or "name@version" */
  retrieval: string;
  scorers: ScorerDraft[];
  judge: boolean;
  judgePrompt: string;
  judgePromptVersion: string;
  judgeModelVersionId: string;
  passAt: string;
  rubric: RubricDraft[];
  repeats: string;
  costCapUsd: string;
  baselineRunId: string;
}

let counter = 0;
export const draftId = () => `s${++counter}`;

function initialValue(f: ConfigField): FieldValue {
  switch (f.kind) {
    case "boolean": return typeof f.default === "boolean" ? f.default : false;
    case "enum": return typeof f.default === "string" ? f.default : (f.options?.[0] ?? "");
    case "list": return Array.isArray(f.default) ? f.default.join("\n") : "";
    case "json": return f.default !== undefined ? JSON.stringify(f.default, null, 2) : f.required ? "{\n  \"type\": \"object\"\n}" : "";
    default: return f.default !== undefined && f.default !== null ? String(f.default) : "";
  }
}

export function newScorerDraft(choice: ScorerChoice): ScorerDraft {
  return { id: draftId(), type: choice.name, key: "", values: Object.fromEntries(choice.fields.map((f) => [f.name, initialValue(f)])) };
}

const latest = <T extends { version: number }>(versions: T[]) => versions.reduce<T | undefined>((a, v) => (!a || v.version > a.version ? v : a), undefined);

/** The prompt version's own model: a run of a prompt defaults to the model it was written for. */
export function promptModel(choices: NewRunChoices, prompt: string, version: string): string {
  const p = choices.prompts.find((x) => x.name === prompt);
  return p?.versions.find((v) => String(v.version) === version)?.modelVersionId ?? "";
}

export function latestVersionOf(list: { name: string; versions: { version: number }[] }[], name: string): string {
  const v = latest(list.find((x) => x.name === name)?.versions ?? []);
  return v ? String(v.version) : "";
}

/** The retrieval config of the newest run on the dataset: a dataset built for retrieval needs one every time. */
export function lastRetrieval(choices: NewRunChoices, dataset: string): string {
  const previous = choices.runs.find((r) => r.dataset === dataset)?.retrieval ?? "";
  return choices.retrievalConfigs.some((c) => c.versions.some((v) => `${c.name}@${v}` === previous)) ? previous : "";
}

export function initialDraft(choices: NewRunChoices, preset: { dataset?: string } = {}): RunDraft {
  const dataset = choices.datasets.find((d) => d.name === preset.dataset)?.name ?? choices.datasets[0]?.name ?? "";
  // the judge prompt is a prompt too, but nobody means to evaluate it by default
  const prompt = choices.prompts.find((p) => p.name !== choices.judgeDefaults.prompt)?.name ?? choices.prompts[0]?.name ?? "";
  const promptVersion = latestVersionOf(choices.prompts, prompt);
  const judgePrompt = choices.judgeDefaults.prompt ?? "";
  const judgePromptVersion = latestVersionOf(choices.prompts, judgePrompt);
  return {
    name: "",
    dataset,
    datasetVersion: latestVersionOf(choices.datasets, dataset),
    prompt,
    promptVersion,
    modelVersionId: promptModel(choices, prompt, promptVersion),
    retrieval: lastRetrieval(choices, dataset),
    scorers: [],
    judge: judgePrompt !== "",
    judgePrompt,
    judgePromptVersion,
    judgeModelVersionId: choices.judgeDefaults.modelVersionId ?? promptModel(choices, judgePrompt, judgePromptVersion),
    passAt: "4",
    rubric: choices.defaultRubric.map((d) => ({ ...d })),
    repeats: "1",
    costCapUsd: "",
    baselineRunId: "",
  };
}

export interface LocalIssue {
  field: string;
  message: string;
}

const toNumber = (text: string) => (text.trim() === "" ? undefined : Number(text));

function scorerConfig(draft: ScorerDraft, fields: ConfigField[], index: number, issues: LocalIssue[]): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = draft.values[f.name];
    const path = `scorers.${index}.config`;
    if (f.kind === "boolean") {
      config[f.name] = raw === true;
      continue;
    }
    const text = typeof raw === "string" ? raw : "";
    if (f.kind === "number" || f.kind === "integer") {
      const n = toNumber(text);
      if (n === undefined) { if (f.required) issues.push({ field: path, message: `${f.name}: enter a number` }); continue; }
      if (!Number.isFinite(n)) { issues.push({ field: path, message: `${f.name}: “${text}” is not a number` }); continue; }
      config[f.name] = n;
    } else if (f.kind === "list") {
      const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
      if (lines.length || f.required) config[f.name] = lines;
    } else if (f.kind === "json") {
      if (!text.trim()) { if (f.required) issues.push({ field: path, message: `${f.name}: enter JSON` }); continue; }
      try {
        config[f.name] = JSON.parse(text);
      } catch {
        issues.push({ field: path, message: `${f.name} is not valid JSON` });
      }
    } else if (text !== "" || f.required) {
      config[f.name] = text;
    }
  }
  return config;
}

/** The ZCreateEvalRun body, and the mistakes that can be named before anything is sent. */
export function toCreateInput(draft: RunDraft, scorers: ScorerChoice[]): { input: Record<string, unknown>; issues: LocalIssue[] } {
  const issues: LocalIssue[] = [];
  const [retrievalConfig, retrievalVersion] = draft.retrieval ? draft.retrieval.split("@") : [];
  const input: Record<string, unknown> = {
    name: draft.name.trim() || undefined,
    dataset: draft.dataset,
    datasetVersion: toNumber(draft.datasetVersion),
    prompt: { name: draft.prompt, version: toNumber(draft.promptVersion) },
    modelVersionId: draft.modelVersionId || undefined,
    retrieval: retrievalConfig ? { config: retrievalConfig, version: toNumber(retrievalVersion ?? "") } : undefined,
    scorers: draft.scorers.map((s, i) => ({
      type: s.type,
      key: s.key.trim() || undefined,
      config: scorerConfig(s, scorers.find((c) => c.name === s.type)?.fields ?? [], i, issues),
    })),
    judge: draft.judge
      ? {
          prompt: { name: draft.judgePrompt, version: toNumber(draft.judgePromptVersion) },
          modelVersionId: draft.judgeModelVersionId,
          rubric: { dimensions: draft.rubric.map((d) => ({ name: d.name.trim(), description: d.description.trim() })) },
          passAt: toNumber(draft.passAt),
        }
      : undefined,
    repeats: toNumber(draft.repeats),
    costCapUsd: toNumber(draft.costCapUsd),
    baselineRunId: draft.baselineRunId || undefined,
  };
  return { input, issues };
}
