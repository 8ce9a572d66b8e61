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
