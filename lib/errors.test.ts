import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, parseOrThrow, toErrorBody } from "./errors";

describe("error mapping", () => {
  it("turns zod failures into a 422 naming each field", () => {
    const schema = z.object({ name: z.string().min(1), scopes: z.array(z.string()).min(1) }).strict();
    try {
      parseOrThrow(schema, { name: "", scopes: [], extra: 1 }, "Body");
      expect.unreachable();
    } catch (e) {
      const { status, body } = toErrorBody(e, "r1");
      expect(status).toBe(422);
      const fields = body.error.issues!.map((i) => i.field);
      expect(fields).toEqual(expect.arrayContaining(["name", "scopes", "(body)"]));
      expect(body.error.message).toMatch(/^Body is invalid/);
    }
  });

  it("never exposes an unexpected error's message or stack", () => {
    const { status, body } = toErrorBody(new Error("connection string postgres://secret@db"), "r2");
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(body.error.requestId).toBe("r2");
  });

  it("maps codes to statuses", () => {
    expect(new AppError("NOT_FOUND", "x").status).toBe(404);
    expect(new AppError("PAYLOAD_TOO_LARGE", "x").status).toBe(413);
  });
});

describe("unexpected errors", () => {
  it("maps a unique-constraint race to 409", () => {
    const race = Object.assign(new Error("Unique constraint failed on the fields: (`email`)"), { code: "P2002" });
    expect(toErrorBody(race).status).toBe(409);
  });

  it("logs only a first line with row values masked", async () => {
    const { loggableError } = await import("./errors");
    const err = Object.assign(new Error('duplicate key value violates unique constraint\nDETAIL: Key (email)=(amira@example.com) already exists.'), { code: "23505" });
    const logged = loggableError(err);
    expect(logged).toEqual({ name: "Error", code: "23505", message: "duplicate key value violates unique constraint" });
    expect(JSON.stringify(loggableError(new Error("Key (email)=(amira@example.com) exists")))).not.toContain("amira");
  });
});
