// The sign-in throttle as a browser meets it: through the sign-in form and the password page.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type TestApp, buildTestApp } from "../../test/app.ts";
import { describeEachDatabase } from "../../test/databases.ts";
import { PASSWORD, addActor } from "../../test/newsroomFixtures.ts";
import { signIn, signInForm } from "../../test/session.ts";
import { ACCOUNT_MAX_FAILURES } from "./signIn.ts";

describeEachDatabase("sign-in throttle through the forms", (get) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(get().db);
  });
  afterAll(async () => t.close());

  const auditActions = async (subject: string) => (await get().db.selectFrom("auditLog").select("action").where("subject", "=", subject).execute()).map((r) => r.action);

  it("checks at most 5 of 40 parallel passwords sent through the form, and then refuses the right one too", async () => {
    await addActor(get().db, "muhabir", "Patlama");
    const email = "patlama-muhabir@haberci.test";
    const passwords = [...Array.from({ length: 40 }, (_, i) => `yanlis-parola-${i}`), PASSWORD];
    const responses = await Promise.all(passwords.map((password, i) => signInForm(t.app, email, password, `198.51.100.${i}`)));
    const statuses = responses.map((r) => r.statusCode);
    const checked = statuses.filter((s) => s === 401 || s === 303).length;
    expect(checked).toBeLessThanOrEqual(ACCOUNT_MAX_FAILURES);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - ACCOUNT_MAX_FAILURES);
    const actions = await auditActions(email);
    expect(actions.filter((a) => a === "sign_in_failed" || a === "sign_in_locked").length).toBeLessThanOrEqual(ACCOUNT_MAX_FAILURES);
    const refused = responses.find((r) => r.statusCode === 429);
    expect(refused?.headers["retry-after"]).toMatch(/^\d+$/);
    expect(refused?.body).toContain("Çok fazla başarısız giriş denemesi");
    // Once the burst is over the account is locked, the right password included.
    expect((await signInForm(t.app, email, PASSWORD, "192.0.2.99")).statusCode).toBe(429);
  });

  it("refuses an e-mail over 254 characters with 400 and records nothing", async () => {
    const email = `${"a".repeat(250)}@haberci.test`;
    const res = await signInForm(t.app, email, "yanlis-parola", "192.0.2.10");
    expect(res.statusCode).toBe(400);
    expect(await auditActions(email)).toEqual([]);
  });

  it("locks the password page's current-password check after 5 wrong guesses", async () => {
    await addActor(get().db, "muhabir", "Parola Sayfasi");
    const email = "parolasayfasi-muhabir@haberci.test";
    const session = await signIn(t.app, email, PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_MAX_FAILURES + 1; i++) {
      const res = await session.post("/yonetim/parola", { current: `tahmin-${i}`, next: "yepyeni-parola-42" });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(res.headers["retry-after"]).toMatch(/^\d+$/);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
    expect((await session.post("/yonetim/parola", { current: PASSWORD, next: "yepyeni-parola-42" })).statusCode).toBe(429);
    expect((await signInForm(t.app, email, PASSWORD, "192.0.2.11")).statusCode).toBe(429);
  });
});
