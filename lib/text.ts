import { z } from "zod";

// Short text people type (names of keys, projects, organizations, members). PostgreSQL refuses NUL
// and unpaired surrogates in text and jsonb, so they are refused here with a message instead of a 500.
export function zName(max = 80, empty = "enter a name") {
  return z
    .string()
    .trim()
    .min(1, empty)
    .max(max, `at most ${max} characters`)
    .refine((s) => s.isWellFormed() && !/[\u0000-\u001f\u007f]/.test(s), "must not contain control characters");
}
