// The media area: the library page and the upload form (multipart, read by the newsroom plugin).
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { InvalidInputError } from "../../errors.ts";
import { imageQueue } from "../../media/imageQueue.ts";
import { uploadImage } from "../../media/uploadImage.ts";
import { actorOf, requireRole } from "../auth.ts";
import { formErrors } from "../formErrors.ts";
import { type NewsroomOptions, anyone, chromeOf, messageFor } from "../page.ts";
import { MessageQuery } from "../schemas.ts";
import { MediaPage } from "../views/MediaPage.tsx";
import { listLibrary } from "./listLibrary.ts";
import { UploadForm } from "./schemas.ts";

export const mediaRoutes: FastifyPluginAsyncTypebox<NewsroomOptions> = async (app, { db, assets, dataDir, maxUploadBytes, now }) => {
  const maxMb = Math.floor(maxUploadBytes / 1_048_576);

  app.get("/medya", { ...anyone, schema: { querystring: MessageQuery } }, async (request, reply) =>
    reply.render(MediaPage, { chrome: chromeOf(request, assets), images: await listLibrary(db), message: messageFor(request.query.mesaj), maxMb }),
  );

  // A refused upload shows the library again (400) with the field errors.
  const uploadErrors = formErrors(MediaPage, [InvalidInputError], async (error, request) => ({
    chrome: chromeOf(request, assets),
    images: await listLibrary(db),
    error: error.message,
    errors: error.fields,
    maxMb,
  }));

  // A full image queue is refused before the upload is read (503 with Retry-After).
  app.post(
    "/medya",
    { onRequest: [requireRole("muhabir"), async () => imageQueue.assertRoom()], schema: { body: UploadForm }, errorHandler: uploadErrors },
    async (request, reply) => {
      const { file, caption, credit, alt } = request.body;
      if (!Buffer.isBuffer(file) || file.length === 0) throw new InvalidInputError("Bir dosya seçin.", { file: "Dosya seçilmedi." });
      await uploadImage(db, {
        data: file,
        caption: caption ?? "",
        credit: credit ?? "",
        alt: alt ?? "",
        actor: actorOf(request),
        now: now(),
        dataDir,
        maxBytes: maxUploadBytes,
      });
      return reply.redirect("/yonetim/medya?mesaj=yuklendi", 303);
    },
  );
};
