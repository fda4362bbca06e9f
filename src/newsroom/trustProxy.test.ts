// Which address sign-in throttles and the audit log see, under each TRUST_PROXY setting.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, expect, it } from "vitest";
import { TEST_NOW, TEST_PUBLIC_URL } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { cookieValue } from "../../test/session.ts";
import { buildApp } from "../app.ts";
import { type TrustProxy, parseTrustProxy } from "../config.ts";
import { createViewCounter } from "../news/viewCounter.ts";

describeEachDatabase("client address for throttles (TRUST_PROXY)", (get) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haberci-proxy-"));
  const closers: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closers) await close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The app as main.ts builds it; without `trustProxy` it gets buildApp's default. */
  async function appWith(trustProxy?: TrustProxy): Promise<FastifyInstance> {
    const views = createViewCounter(get().db, { everyMs: 60_000 });
    const app = await buildApp({ db: get().db, dataDir, publicUrl: TEST_PUBLIC_URL, now: () => TEST_NOW, views, ...(trustProxy === undefined ? {} : { trustProxy }) });
    closers.push(async () => {
      await app.close();
      await views.stop();
    });
    return app;
  }

  let n = 0;
  /** Posts a wrong password through the sign-in form; returns the address the audit log recorded. */
  async function failedSignInAddress(app: FastifyInstance, remoteAddress: string, forwardedFor: string): Promise<string | null> {
    n += 1;
    const email = `vekil-${n}@haberci.test`;
    const headers = { "x-forwarded-for": forwardedFor };
    const page = await app.inject({ url: "/yonetim/giris", remoteAddress, headers });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const res = await app.inject({
      method: "POST",
      url: "/yonetim/giris",
      remoteAddress,
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: `haberci_giris=${cookieValue(page, "haberci_giris") ?? ""}` },
      payload: new URLSearchParams({ _csrf: csrf, email, password: "yanlis-parola" }).toString(),
    });
    expect(res.statusCode).toBe(401);
    const row = await get().db.selectFrom("auditLog").select("ip").where("subject", "=", email).where("action", "=", "sign_in_failed").executeTakeFirstOrThrow();
    return row.ip;
  }

  it("ignores X-Forwarded-For by default", async () => {
    const app = await appWith();
    expect(await failedSignInAddress(app, "10.1.1.1", "1.2.3.4")).toBe("10.1.1.1");
  });

  it("takes the address one trusted hop away with TRUST_PROXY=1, not the client's leftmost entry", async () => {
    const app = await appWith(parseTrustProxy("1"));
    expect(await failedSignInAddress(app, "10.1.1.1", "1.2.3.4")).toBe("1.2.3.4");
    expect(await failedSignInAddress(app, "10.1.1.1", "6.6.6.6, 1.2.3.4")).toBe("1.2.3.4");
  });

  it("believes X-Forwarded-For only from listed proxies", async () => {
    const app = await appWith(parseTrustProxy("10.0.0.0/8, 2001:db8::1"));
    expect(await failedSignInAddress(app, "10.1.1.1", "1.2.3.4")).toBe("1.2.3.4");
    expect(await failedSignInAddress(app, "192.0.2.9", "1.2.3.4")).toBe("192.0.2.9");
  });
});
