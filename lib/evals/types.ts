// Shapes shared by every scorer. A scorer is a pure function of (parsed config, input); what it
// needs from the item is declared in the registry so a run can refuse an item up front instead of
// scoring it as zero (issue 4, "Bad input").

export interface ScoreResult {
  /** 0..1 unless the scorer's registry entry says otherwise. */
  score: number;
  /** Present only where a threshold applies. */
  passed?: boolean;
  explanation: string;
}

export interface ContextChunk {
  text: string;
  docId?: string;
}

export interface ScorerInput {
  /** The candidate's answer. */
  output: string;
  reference?: string;
  context?: ContextChunk[];
  /** Ordered best first, as the retriever returned them. */
  retrievedDocIds?: string[];
  relevantDocIds?: string[];
  latencyMs?: number;
  costUsd?: number;
}

/** Embeds a batch of texts; the run passes the model version's embedder or the offline one. */
export type EmbedFn = (texts: string[]) => Promise<number[][]>;
