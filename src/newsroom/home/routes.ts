// The home page control area (editors): the manşet order and the son dakika flag.
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { IdParams } from "../../http/schemas.ts";
import { setBreakingFlag, setHeadlineOrder } from "../../news/homeControl.ts";
import { actorOf } from "../auth.ts";
import { type NewsroomOptions, chromeOf, editors, messageFor } from "../page.ts";
import { MessageQuery } from "../schemas.ts";
import { HeadlinesPage } from "../views/HeadlinesPage.tsx";
import { loadHomeControl } from "./loadHomeControl.ts";
import { BreakingForm, HeadlinesForm, breakingUntilOf, slotIdsOf } from "./schemas.ts";

export const homeRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, { db, assets, now }) => {
  app.get("/manset", { ...editors, schema: { querystring: MessageQuery } }, async (request, reply) =>
    reply.render(HeadlinesPage, { chrome: chromeOf(request, assets), ...(await loadHomeControl(db)), message: messageFor(request.query.mesaj) }),
  );

  app.post("/manset", { ...editors, schema: { body: HeadlinesForm } }, async (request, reply) => {
    await setHeadlineOrder(db, { articleIds: slotIdsOf(request.body), actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/manset?mesaj=manset", 303);
  });

  app.post("/haber/:id/son-dakika", { ...editors, schema: { params: IdParams, body: BreakingForm } }, async (request, reply) => {
    const until = breakingUntilOf(request.body);
    await setBreakingFlag(db, { articleId: request.params.id, isBreaking: request.body.breaking === "1", until, actor: actorOf(request), now: now(), ip: request.ip });
    return reply.redirect("/yonetim/manset?mesaj=sondakika", 303);
  });
};
