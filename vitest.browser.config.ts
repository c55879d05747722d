/**
 * Browser tests (`npm run test:browser`): Debian's Chromium driven by playwright-core against the
 * built demo and a plain `<script type="module">` page. Kept out of `npm test` (vitest.config.ts
 * includes only test/**\/*.test.ts).
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.browser.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
