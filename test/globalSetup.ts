// One-line notices for the optional suites, printed once per run.
import fs from "node:fs";

export default function setup(): void {
  if (!process.env.TEST_POSTGRES_URL) {
    console.log("[haberci] PostgreSQL tests skipped (counted as skipped below): set TEST_POSTGRES_URL=postgres://... to run them.");
  }
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromium) && process.env.TEST_BROWSER !== "1") {
    console.log(`[haberci] Browser tests skipped: no Chromium at ${chromium} (set TEST_BROWSER=1 to require them).`);
  }
  const xmllint = process.env.XMLLINT_PATH ?? "/usr/bin/xmllint";
  if (!fs.existsSync(xmllint) && process.env.TEST_XMLLINT !== "1") {
    console.log(`[haberci] Sitemap schema tests skipped: no xmllint at ${xmllint} (Debian's libxml2-utils; set TEST_XMLLINT=1 to require them).`);
  }
}
