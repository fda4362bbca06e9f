import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const BIN = path.resolve(import.meta.dirname, "../bin/haberci.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A port nothing listens on right now (the machine runs other services on fixed ports). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `sqlite:${path.join(tmp, "cli.db")}`, DATA_DIR: tmp, ...env },
    timeout: 30_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe("haberci CLI", { timeout: 90_000 }, () => {
  it("prints help for the program and for each command", () => {
    const main = run(["--help"]);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/serve[\s\S]*migrate[\s\S]*seed/);
    for (const command of ["serve", "migrate", "seed"]) {
      const res = run([command, "--help"]);
      expect(res.code, command).toBe(0);
      expect(res.stdout).toContain(`Usage: haberci ${command}`);
    }
  });

  it.each([
    [["frobnicate"], 2, 'haberci: unknown command "frobnicate" (try: haberci --help)'],
    [["serve", "--port", "1"], 2, "haberci: serve: Unknown option '--port' (try: haberci serve --help)"],
    [["seed"], 2, "haberci: seed: say what to seed: --demo (try: haberci seed --help)"],
  ])("refuses bad arguments %j with one line", (args, code, line) => {
    const res = run(args);
    expect(res.code).toBe(code);
    expect(res.stderr.trim()).toBe(line);
  });

  it.each([
    [{ DATABASE_URL: "mysql://root@localhost/haberci" }, /^haberci: DATABASE_URL must start with sqlite: or postgres:\/\//],
    [{ DATABASE_URL: "postgres://nobody@127.0.0.1:1/haberci" }, /^haberci: Cannot connect to PostgreSQL: /],
    [{ PORT: "http" }, /^haberci: PORT must be a number/],
  ])("refuses bad settings %o with one line and no stack trace", (env, message) => {
    const res = run(["migrate"], env);
    expect(res.code).toBe(1);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
    expect(res.stderr).toMatch(message);
  });

  it("migrates a new SQLite database", () => {
    const file = path.join(tmp, "new", "site.db");
    const res = run(["migrate"], { DATABASE_URL: `sqlite:${file}` });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("Database is up to date.");
    expect(fs.existsSync(file)).toBe(true);
    expect(run(["migrate"], { DATABASE_URL: `sqlite:${file}` }).code).toBe(0);
  });

  it("rebuilds the search index with a progress bar", () => {
    const res = run(["reindex"], { DATABASE_URL: `sqlite:${path.join(tmp, "reindex.db")}` });
    expect(res.code).toBe(0);
    expect(res.stderr).toContain("] 100% 0/0");
    expect(res.stdout).toContain("Indexed 0 articles.");
  });

  it("serves the site", async () => {
    const port = await freePort();
    const child: ChildProcess = spawn(process.execPath, [BIN, "serve"], {
      env: { ...process.env, DATABASE_URL: `sqlite:${path.join(tmp, "serve.db")}`, DATA_DIR: tmp, PORT: String(port), LOG_LEVEL: "warn", WEATHER_PROVIDER: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let errors = "";
      child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${errors}`)), 60_000);
        child.stdout?.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("Haberci is running at")) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${errors}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<html lang="tr">');
    } finally {
      child.kill("SIGTERM");
    }
  });
});

describe("npm start (serve --demo)", { timeout: 180_000 }, () => {
  it("fills an empty site with demo content and prints a one-time editor password that works", async () => {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-start-"));
    const child = spawn(process.execPath, [BIN, "serve", "--demo"], {
      env: { ...process.env, DATABASE_URL: `sqlite:${path.join(dir, "site.db")}`, DATA_DIR: dir, PORT: String(port), LOG_LEVEL: "warn", WEATHER_PROVIDER: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 170_000);
        child.stdout?.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes("Haberci is running at")) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
      });
      expect(out).toMatch(/Seeded 70 demo articles \(5 headlines, \d+ breaking\)\./);
      const password = /sign in as editor@haberci\.local with password:\n\s+(\S+)/.exec(out)?.[1] ?? "";
      expect(password.length).toBeGreaterThanOrEqual(16);
      const base = `http://127.0.0.1:${port}`;
      const list = (await (await fetch(`${base}/api/v1/articles?limit=50`)).json()) as { total: number };
      expect(list.total).toBe(70);
      const form = await fetch(`${base}/yonetim/giris`);
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
      const cookie = (form.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const signIn = await fetch(`${base}/yonetim/giris`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ _csrf: token, email: "editor@haberci.local", password }).toString(),
      });
      expect(signIn.status).toBe(303);
      expect(signIn.headers.get("location")).toBe("/yonetim/");
    } finally {
      child.kill("SIGTERM");
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("haberci user and token commands", { timeout: 90_000 }, () => {
  const env = { DATABASE_URL: `sqlite:${path.join(tmp, "accounts.db")}` };
  const withStdin = (args: string[], input: string) => {
    const res = spawnSync(process.execPath, [BIN, ...args], {
      encoding: "utf8",
      input,
      env: { ...process.env, DATA_DIR: tmp, ...env },
      timeout: 30_000,
    });
    return { code: res.status, stdout: res.stdout, stderr: res.stderr };
  };

  it("adds a user with a password from standard input, and refuses a weak one", () => {
    const ok = withStdin(["user", "add", "--email", "Zeynep@Haberci.test", "--name", "Zeynep Kaya", "--role", "editor", "--password-stdin"], "guclu-bir-parola-9\n");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("Added zeynep@haberci.test (editor).");
    const weak = withStdin(["user", "add", "--email", "x@haberci.test", "--name", "X", "--role", "muhabir", "--password-stdin"], "kisa\n");
    expect(weak.code).toBe(1);
    expect(weak.stderr.trim()).toBe("haberci: Parola en az 10 karakter olmalı.");
    const badRole = withStdin(["user", "add", "--email", "y@haberci.test", "--name", "Y", "--role", "patron"], "");
    expect(badRole.code).toBe(2);
    expect(badRole.stderr.trim()).toBe("haberci: user add: --role must be muhabir, editor or yonetici");
  });

  it("prints a new API token alone on the last line, and disables users", () => {
    const res = run(["token", "create", "--email", "zeynep@haberci.test", "--name", "CMS"], env);
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^hbr_[A-Za-z0-9_-]{40,}$/);
    expect(withStdin(["user", "passwd", "--email", "zeynep@haberci.test", "--password-stdin"], "yeni-guclu-parola-7\n").code).toBe(0);
    const disabled = run(["user", "disable", "--email", "zeynep@haberci.test"], env);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toContain("Disabled zeynep@haberci.test");
    const missing = run(["user", "disable", "--email", "yok@haberci.test"], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe("haberci: Kullanıcı bulunamadı (yok@haberci.test).");
  });
});
