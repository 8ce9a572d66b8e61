import { defineConfig } from "vitest/config";

// Two layers: `unit` (pure logic, no I/O) and `int` (the real PostgreSQL and Redis; run through
// `npm run test:int`, which prepares a dedicated, freshly migrated database first).
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
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
          setupFiles: ["scripts/test/int-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
