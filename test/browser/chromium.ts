import fs from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Browser tests run where Chromium is installed; TEST_BROWSER=1 (set by .ci/run) makes them mandatory. */
export const browserTestsEnabled = fs.existsSync(CHROMIUM_PATH) || process.env.TEST_BROWSER === "1";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
