// The home page control area (editors): the manşet order and the son dakika flag.
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ConflictError, InvalidInputError } from "../../errors.ts";
import { IdParams } from "../../http/schemas.ts";
import { HEADLINES_FULL } from "../../news/headlineOrder.ts";
import { setBreakingFlag, setHeadlineOrder } from "../../news/homeControl.ts";
import { actorOf } from "../auth.ts";
import { type FormRequest, formErrors } from "../formErrors.ts";
import { type NewsroomOptions, chromeOf, editors, messageFor } from "../page.ts";
import { HeadlinesPage } from "../views/HeadlinesPage.tsx";
import { loadHomeControl } from "./loadHomeControl.ts";
import { BreakingForm, type BreakingFormBody, HeadlinesForm, type HeadlinesFormBody, HomeControlQuery, breakingUntilOf, requestedOrderOf, slotIdsOf } from "./schemas.ts";

export const homeRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, { db, assets, now }) => {
  app.get("/manset", { ...editors, schema: { querystring: HomeControlQuery } }, async (request, reply) =>
    reply.render(HeadlinesPage, {
      chrome: chromeOf(request, assets),
      ...(await loadHomeControl(db, { now: now(), ara: request.query.ara, sdara: request.query.sdara })),
      message: messageFor(request.query.mesaj),
    }),
  );

  /**
   * A refused manşet form is shown again with the editor's order: with the message (400), or after
   * another editor's change (409) on the stored order's stamp beside that order, so saving again
   * is a choice made knowingly.
   */
  const headlinesErrors = formErrors(HeadlinesPage, [InvalidInputError, ConflictError], async (error, request: FormRequest<HeadlinesFormBody>) => {
    const conflict = error instanceof ConflictError;
    const order = error.message === HEADLINES_FULL ? slotIdsOf(request.body) : requestedOrderOf(request.body);
    return {
      chrome: chromeOf(request, assets),
      ...(await loadHomeControl(db, { now: now(), ara: request.body.ara, order, stamp: conflict ? undefined : request.body.stamp, showStored: conflict })),
      error: error.message,
    };
  });

  app.post("/manset", { ...editors, schema: { body: HeadlinesForm }, errorHandler: headlinesErrors }, async (request, reply) => {
    await setHeadlineOrder(db, { articleIds: requestedOrderOf(request.body), stamp: request.body.stamp, actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/manset?mesaj=manset", 303);
  });

  /** A refused son dakika form is shown again (400) with the end time as typed and its message beside the field. */
  const breakingErrors = formErrors(HeadlinesPage, [InvalidInputError], async (error, request: FormRequest<BreakingFormBody, { id: number }>) => ({
    chrome: chromeOf(request, assets),
    ...(await loadHomeControl(db, { now: now(), sdara: request.body.sdara, breakingPick: request.params.id })),
    error: error.message,
    breakingError: { articleId: request.params.id, until: request.body.until ?? "", message: error.fields.until ?? error.message },
  }));

  app.post("/haber/:id/son-dakika", { ...editors, schema: { params: IdParams, body: BreakingForm }, errorHandler: breakingErrors }, async (request, reply) => {
    const until = breakingUntilOf(request.body);
    await setBreakingFlag(db, { articleId: request.params.id, isBreaking: request.body.breaking === "1", until, actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/manset?mesaj=sondakika", 303);
  });
};
