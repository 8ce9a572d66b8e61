// A model version must be pinned: "latest" and undated ids that providers re-point silently would
// change behaviour without a release. Such ids are refused unless the version is explicitly marked
// floating, and then it is flagged wherever it appears.

const FLOATING_IDS = new Set([
  "gpt-4o", "gpt-4o-mini", "gpt-4-turbo", "gpt-4", "gpt-3.5-turbo", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano",
  "gpt-5", "gpt-5-mini", "o1", "o1-mini", "o3", "o3-mini", "o4-mini", "chatgpt-4o-latest",
  "claude-sonnet-4-0", "claude-opus-4-0", "claude-3-5-sonnet", "claude-3-5-haiku", "claude-3-opus",
  "gemini-pro", "gemini-1.5-pro", "gemini-1.5-flash", "gemini-2.0-flash", "gemini-2.5-pro", "gemini-2.5-flash",
  "deepseek-chat", "deepseek-reasoner", "text-embedding-ada-002-latest",
]);

/** Why an id floats, or null when it looks pinned. */
export function floatingReason(providerModelId: string): string | null {
  const id = providerModelId.trim().toLowerCase();
  if (/(^|[-:/._])latest$/.test(id)) return `"${providerModelId}" ends in "latest", which the provider re-points`;
  if (FLOATING_IDS.has(id)) return `"${providerModelId}" is an undated alias that the provider re-points to new snapshots; pin a dated id`;
  return null;
}
