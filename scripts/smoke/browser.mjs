// Loads a smoke page in Debian's Chromium (playwright-core; never a downloaded browser) and returns
// what the page's checks left in `window.__smoke` (see checks.mjs), or a failure on timeout.
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export async function runPage(url, { timeout = 60_000 } = {}) {
  if (!existsSync(CHROMIUM)) return { ok: false, backend: null, pool: "no", failures: [`no Chromium at ${CHROMIUM}`] };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
  const errors = [];
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
    await page.goto(url, { timeout });
    const handle = await page.waitForFunction(() => window.__smoke, null, { timeout });
    const result = await handle.jsonValue();
    if (!result.ok) result.failures.push(...errors);
    return result;
  } catch (e) {
    return { ok: false, backend: null, pool: "no", failures: [String(e?.message ?? e), ...errors] };
  } finally {
    await browser.close();
  }
}
