"use client";

import { useRouter } from "next/navigation";
import { Field, Select } from "@/components/ui/field";

/** Which prompt and version the playground runs; the choice lives in the URL, so it can be linked to. */
export function PromptPicker({
  slug,
  prompts,
  prompt,
  versions,
  version,
}: {
  slug: string;
  prompts: string[];
  prompt: string;
  versions: number[];
  version: number;
}) {
  const router = useRouter();
  const go = (name: string, v?: number) =>
    router.push(`/p/${slug}/playground?prompt=${encodeURIComponent(name)}${v ? `&version=${v}` : ""}`);
  return (
    <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
      <Field label="Prompt" htmlFor="pg-prompt">
        <Select id="pg-prompt" value={prompt} onChange={(e) => go(e.target.value)}>
          {prompts.map((p) => <option key={p} value={p}>{p}</option>)}
        </Select>
      </Field>
      <Field label="Version" htmlFor="pg-version">
        <Select id="pg-version" value={String(version)} onChange={(e) => go(prompt, Number(e.target.value))}>
          {versions.map((v, i) => <option key={v} value={v}>v{v}{i === 0 ? " (latest)" : ""}</option>)}
        </Select>
      </Field>
    </div>
  );
}
