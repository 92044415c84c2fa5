import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests never assert timings (DEVELOPERS.md): speed lives in `npm run bench`.
    testTimeout: 60_000,
  },
});
