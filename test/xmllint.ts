// xmllint (Debian's libxml2-utils) validates the sitemaps against their XSD schemas. Where it is not
// installed those tests are skipped, with a one-line notice (test/globalSetup.ts); TEST_XMLLINT=1
// (set by .ci/run, which installs it) makes them mandatory, as TEST_BROWSER does for Chromium.
import fs from "node:fs";

export const XMLLINT = process.env.XMLLINT_PATH ?? "/usr/bin/xmllint";
export const xmllintEnabled = fs.existsSync(XMLLINT) || process.env.TEST_XMLLINT === "1";
