// Which of a prompt's variables holds the user's question: the query for retrieval, the question the
// judge sees, the text whose language a new dataset item is guessed from. Pure, so the browser and the
// server read it the same way.

/** The variables whose value is the question, in order of preference. */
export const QUERY_VARIABLES = ["question", "query", "input"];

export function queryFromVariables(variables: Record<string, unknown>): string | undefined {
  const value = QUERY_VARIABLES.map((n) => variables[n]).find((v) => typeof v === "string" && v.trim());
  return value as string | undefined;
}
