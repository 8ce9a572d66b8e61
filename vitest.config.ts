import { defineConfig } from "vitest/config";
import path from "node:path";

// Two layers: `unit` (pure logic, no I/O) and `int` (the real PostgreSQL and Redis; run through
// `npm run test:int`, which prepares a dedicated, freshly migrated database first).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["{lib,workers,scripts,components}/**/*.test.ts"], exclude: ["**/*.int.test.ts", "node_modules/**"] },
      },
      {
        extends: true,
        test: {
          name: "int",
          include: ["{lib,workers,scripts}/**/*.int.test.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
