import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { ConflictError, InvalidInputError, NotFoundError, RateLimitedError } from "../errors.ts";
import { renderPlugin } from "../ui/renderPlugin.ts";
import { formErrors } from "./formErrors.ts";

function Form({ error, fields }: { error: string; fields?: Record<string, string> }) {
  return (
    <p>
      {error}
      {fields?.name}
    </p>
  );
}

async function appThrowing(error: Error) {
  const app = Fastify();
  await app.register(renderPlugin);
  app.setErrorHandler(async (e: Error, _request, reply) => reply.code(599).send({ app: e.message }));
  const errorHandler = formErrors(Form, [InvalidInputError, RateLimitedError], (e: InvalidInputError | RateLimitedError) => ({
    error: e.message,
    fields: e instanceof InvalidInputError ? e.fields : undefined,
  }));
  app.post("/", { errorHandler }, async () => {
    throw error;
  });
  return app;
}

describe("a refused form shown again", () => {
  it("renders the form with the message, field errors and the error's status", async () => {
    const res = await (await appThrowing(new InvalidInputError("Olmadı.", { name: "Ad gerekli." }))).inject({ method: "POST", url: "/" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).toContain("<p>Olmadı.Ad gerekli.</p>");
  });

  it("answers 429 with Retry-After for a throttled form", async () => {
    const res = await (await appThrowing(new RateLimitedError("Çok fazla deneme.", 90))).inject({ method: "POST", url: "/" });
    expect(res.statusCode).toBe(429);
    expect(res.headers["retry-after"]).toBe("90");
    expect(res.body).toContain("Çok fazla deneme.");
  });

  it("leaves every other error to the app's error handler", async () => {
    for (const error of [new ConflictError("Çakışma."), new NotFoundError("Haber", 1), new Error("boom")]) {
      const res = await (await appThrowing(error)).inject({ method: "POST", url: "/" });
      expect(res.statusCode).toBe(599);
      expect(res.json()).toEqual({ app: error.message });
    }
  });
});
