// Measures the peak resident memory (RSS) of the server process while six large pictures are uploaded at once
// through the JSON API (`POST /api/v1/images`, multipart), as a newsroom would. Not a test: figures vary by machine.
//
//   npm run bench:upload-memory -- [scenario...]
//
// Scenarios: huge-png (six 10000×10000 PNGs, over the pixel limit), under-jpeg (six 8160×6120 JPEG photos,
// just under it), under-png (six 7070×7070 PNGs). Each runs in a fresh process; the peak is the kernel's
// high-water mark (VmHWM in /proc/self/status), so no short spike is missed. Test pictures are generated once,
// in a separate process, under the system temp directory.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SCENARIOS = {
  "huge-png": { file: "huge-10000x10000.png", type: "image/png" },
  "under-jpeg": { file: "under-8160x6120.jpg", type: "image/jpeg" },
  "under-png": { file: "under-7070x7070.png", type: "image/png" },
} as const;
type Scenario = keyof typeof SCENARIOS;
const PARALLEL = 6;
const MB = 1_048_576;
const fixtures = path.join(os.tmpdir(), "haberci-upload-memory");

function isScenario(name: string): name is Scenario {
  return Object.hasOwn(SCENARIOS, name);
}

/** Peak and current RSS in MB, from the kernel. */
function memory(): { peak: number; now: number } {
  const status = fs.readFileSync("/proc/self/status", "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { peak: Math.round(kb("VmHWM") / 1024), now: Math.round(kb("VmRSS") / 1024) };
}

async function generate(): Promise<void> {
  const { default: sharp } = await import("sharp");
  fs.mkdirSync(fixtures, { recursive: true });
  const huge = path.join(fixtures, SCENARIOS["huge-png"].file);
  if (!fs.existsSync(huge)) {
    await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#336699" } })
      .png()
      .toFile(huge);
  }
  // A photo-like picture: smooth noise blown up, so JPEG lands near a real camera file's size.
  const under = path.join(fixtures, SCENARIOS["under-jpeg"].file);
  if (!fs.existsSync(under)) {
    const small = await sharp({ create: { width: 816, height: 612, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 60 } } })
      .png()
      .toBuffer();
    const grain = await sharp({ create: { width: 8160, height: 6120, channels: 3, background: "#000000", noise: { type: "gaussian", mean: 0, sigma: 9 } } })
      .png()
      .toBuffer();
    await sharp(small)
      .resize(8160, 6120, { kernel: "cubic" })
      .composite([{ input: grain, blend: "add" }])
      .jpeg({ quality: 90 })
      .toFile(under);
  }
  // A graphic: flat blocks of colour, as PNGs usually are.
  const underPng = path.join(fixtures, SCENARIOS["under-png"].file);
  if (!fs.existsSync(underPng)) {
    const small = await sharp({ create: { width: 70, height: 70, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 60 } } })
      .png()
      .toBuffer();
    await sharp(small).resize(7070, 7070, { kernel: "nearest" }).png({ compressionLevel: 9 }).toFile(underPng);
  }
}

async function measure(scenario: Scenario): Promise<void> {
  const { buildApp } = await import("../src/app.ts");
  const { connectDatabase } = await import("../src/db/connect.ts");
  const { migrateToLatest } = await import("../src/db/migrate.ts");
  const { createApiToken } = await import("../src/newsroom/apiTokens.ts");
  const { addUser } = await import("../src/newsroom/users.ts");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-memory-run-"));
  const handle = await connectDatabase({ dialect: "sqlite", file: path.join(work, "haberci.db") });
  await migrateToLatest(handle.db);
  const now = new Date();
  const user = await addUser(handle.db, { email: "foto@haberci.test", name: "Foto Muhabir", role: "muhabir", password: "uzun-bir-parola-1", actor: null, now });
  const token = await createApiToken(handle.db, { userId: user.id, name: "ölçüm", actor: null, now });
  const app = await buildApp({ db: handle.db, dataDir: work, publicUrl: "http://localhost", maxUploadBytes: 20 * MB });
  await app.ready();
  const { file, type } = SCENARIOS[scenario];
  const data = fs.readFileSync(path.join(fixtures, file));
  const boundary = `----haberci${crypto.randomBytes(8).toString("hex")}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nÖlçüm görseli\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const before = memory();
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: PARALLEL }, () =>
      app.inject({
        method: "POST",
        url: "/api/v1/images",
        headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}` },
        payload,
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = memory();
  const statuses = results.map((r) => r.statusCode).join(" ");
  const firstError = results.find((r) => r.statusCode !== 201)?.json<{ error: { message: string } }>().error.message;
  console.log(
    `${scenario}: ${PARALLEL}× ${file} (${(data.length / MB).toFixed(1)} MB) in ${seconds.toFixed(1)} s; statuses ${statuses}` +
      (firstError ? ` ("${firstError}")` : "") +
      `; RSS before ${before.now} MB, peak ${after.peak} MB (process peak before the uploads: ${before.peak} MB)`,
  );
  await app.close();
  await handle.close();
  fs.rmSync(work, { recursive: true, force: true });
}

const self = fileURLToPath(import.meta.url);
const [mode, ...rest] = process.argv.slice(2);
if (mode === "--generate") {
  await generate();
} else if (mode === "--measure" && rest[0] && isScenario(rest[0])) {
  await measure(rest[0]);
} else {
  const wanted = (mode ? [mode, ...rest] : Object.keys(SCENARIOS)).filter(isScenario);
  const tsx = ["--import", "tsx"];
  execFileSync(process.execPath, [...tsx, self, "--generate"], { stdio: "inherit" });
  for (const scenario of wanted) execFileSync(process.execPath, [...tsx, self, "--measure", scenario], { stdio: "inherit" });
}
