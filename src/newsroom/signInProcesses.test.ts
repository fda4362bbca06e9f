// signIn's throttle across two processes sharing one SQLite file (the rest of signIn's tests are in signIn.test.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PASSWORD } from "../../test/newsroomFixtures.ts";
import { connectDatabase } from "../db/connect.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { ACCOUNT_MAX_FAILURES } from "./signIn.ts";
import { addUser } from "./users.ts";

const NOW = new Date("2026-11-27T12:00:00.000Z");

// Two processes, one SQLite file: each sends 20 wrong passwords at once. The checks that got through
// wait until both processes have sent all theirs, so the reservations overlap in time.
const CHILD = `
const fs = await import("node:fs");
const { connectDatabase } = await import("./src/db/connect.ts");
const { signIn } = await import("./src/newsroom/signIn.ts");
const [file, email, go] = process.argv.slice(1);
const handle = await connectDatabase({ dialect: "sqlite", file });
let verified = 0, settled = 0, ready = false;
const report = () => { if (!ready && verified + settled === 20) { ready = true; console.log("ready"); } };
const check = async () => {
  verified += 1;
  report();
  while (!fs.existsSync(go)) await new Promise((r) => setTimeout(r, 5));
  return false;
};
const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
  signIn(handle.db, { email, password: "yanlis-" + i, ip: "198.51.100." + i, now: new Date("2026-11-27T12:00:00Z") }, check)
    .then(() => "signed in", (e) => e.constructor.name)
    .finally(() => { if (!fs.existsSync(go)) { settled += 1; report(); } })));
await handle.close();
console.log(JSON.stringify({ verified, results }));
`;

describe("sign-in throttle across processes (one SQLite file)", () => {
  it("checks at most 5 of 40 wrong passwords sent at once from two processes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-throttle-"));
    try {
      const file = path.join(dir, "haberci.db");
      const go = path.join(dir, "go");
      const handle = await connectDatabase({ dialect: "sqlite", file });
      await migrateToLatest(handle.db);
      const email = "iki-surec@haberci.test";
      await addUser(handle.db, { email, name: "İki Süreç", role: "muhabir", password: PASSWORD, actor: null, now: NOW });
      await handle.close();

      let ready = 0;
      const children = [0, 1].map(
        () =>
          new Promise<{ verified: number; results: string[] }>((resolve, reject) => {
            const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHILD, file, email, go], { cwd: process.cwd() });
            let out = "";
            let err = "";
            let sawReady = false;
            child.stdout.on("data", (chunk: Buffer) => {
              out += chunk.toString();
              if (!sawReady && out.includes("ready\n")) {
                sawReady = true;
                ready += 1;
                if (ready === 2) fs.writeFileSync(go, "");
              }
            });
            child.stderr.on("data", (chunk: Buffer) => {
              err += chunk.toString();
            });
            child.on("error", reject);
            child.on("close", (code) => {
              const last = out.trim().split("\n").at(-1) ?? "";
              if (code === 0) resolve(JSON.parse(last) as { verified: number; results: string[] });
              else reject(new Error(`child exited ${code}: ${err}`));
            });
          }),
      );
      const outcomes = await Promise.all(children);
      const results = outcomes.flatMap((o) => o.results);
      expect(outcomes.reduce((n, o) => n + o.verified, 0)).toBe(ACCOUNT_MAX_FAILURES);
      expect(results.filter((r) => r === "UnauthorizedError")).toHaveLength(ACCOUNT_MAX_FAILURES - 1);
      expect(results.filter((r) => r === "RateLimitedError")).toHaveLength(40 - (ACCOUNT_MAX_FAILURES - 1));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
