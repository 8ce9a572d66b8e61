import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { compilePrompt } from "../registry/prompts/template";
import { compile, createFlightdeck, FlightdeckCompileError, FlightdeckError } from "./index";
import { ERROR_CASES, PARITY_CASES } from "./parity-cases";

// compile() must render exactly what the server renders. The cases cover every feature of the
// template language; each is run through the SDK and the server's compiler and must agree, for
// output and for errors alike. (package.test.ts repeats this through the built bundle.)

describe("compile renders exactly as the server", () => {
  it.each(PARITY_CASES)("%s", (_name, prompt, variables) => {
    const server = compilePrompt(prompt, variables);
    expect(compile(prompt, variables)).toEqual(server);
    expect(createFlightdeck({ baseUrl: "http://x", apiKey: "k", project: "p" }).compile(prompt, variables)).toEqual(server);
  });

  it("agrees on a case with hand-checked output", () => {
    const [, prompt, variables] = PARITY_CASES[4];
    expect(compile(prompt, variables).messages[0].content).toBe("- Pen x2\n- Ink x1\nLayla {\"name\":\"Layla\"}");
  });

  it.each(ERROR_CASES)("throws a FlightdeckCompileError with the server's message and issues: %s", (_name, prompt, variables) => {
    let server: AppError | undefined;
    try {
      compilePrompt(prompt, variables);
    } catch (e) {
      server = e as AppError;
    }
    expect(server).toBeInstanceOf(AppError);
    let sdk: unknown;
    try {
      compile(prompt, variables);
    } catch (e) {
      sdk = e;
    }
    expect(sdk).toBeInstanceOf(FlightdeckCompileError);
    expect(sdk).toBeInstanceOf(FlightdeckError);
    expect(sdk).toMatchObject({ code: "VALIDATION", message: server!.message, issues: server!.issues });
  });

  it("names a missing required variable", () => {
    const prompt = { messages: [{ role: "user", content: "{{question}}" }], variables: [{ name: "question", type: "string" as const, required: true }] };
    expect(() => compile(prompt, {})).toThrow(/"question" is required/);
  });
});
