// The media area: the library page and the upload form (multipart, read by the newsroom plugin), and the
// media picker: the library searched, a page at a time, with an upload that chooses what it stored.
import { type FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { InvalidInputError } from "../../errors.ts";
import { imageQueue } from "../../media/imageQueue.ts";
import { uploadImage } from "../../media/uploadImage.ts";
import { actorOf, requireRole } from "../auth.ts";
import { type FormRequest, formErrors } from "../formErrors.ts";
import { type NewsroomOptions, anyone, chromeOf, messageFor } from "../page.ts";
import { MessageQuery } from "../schemas.ts";
import { MediaPage } from "../views/MediaPage.tsx";
import { MediaPickerPage, type PickerFilterValues, editorPathOf } from "../views/MediaPickerPage.tsx";
import { listLibrary } from "./listLibrary.ts";
import { type PickerQueryValues, type PickerUploadBody, PickerQuery, PickerUploadForm, UploadForm } from "./schemas.ts";
import { type LibraryPage, pickerImageOf, searchLibrary } from "./searchLibrary.ts";

/** The picker's filters as the form shows them again. */
function filterValuesOf(query: PickerQueryValues): PickerFilterValues {
  return { q: query.q ?? "", yukleyen: query.yukleyen === undefined ? "" : String(query.yukleyen), bas: query.bas ?? "", bit: query.bit ?? "" };
}

/** Whether a script asked (autosave-style `Accept: application/json`): it gets JSON, errors included. */
function wantsJson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? "").includes("application/json");
}

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

  /** The upload forms' file and texts to the library; a form without a file is refused beside its field. */
  const uploadFromForm = (request: FastifyRequest, form: { file?: unknown; caption?: string; credit?: string; alt?: string }) => {
    const { file, caption, credit, alt } = form;
    if (!Buffer.isBuffer(file) || file.length === 0) throw new InvalidInputError("Bir dosya seçin.", { file: "Dosya seçilmedi." });
    return uploadImage(db, {
      data: file,
      caption: caption ?? "",
      credit: credit ?? "",
      alt: alt ?? "",
      actor: actorOf(request),
      now: now(),
      dataDir,
      maxBytes: maxUploadBytes,
    });
  };

  // A full image queue is refused before the upload is read (503 with Retry-After).
  app.post(
    "/medya",
    { onRequest: [requireRole("muhabir"), async () => imageQueue.assertRoom()], schema: { body: UploadForm }, errorHandler: uploadErrors },
    async (request, reply) => {
      await uploadFromForm(request, request.body);
      return reply.redirect("/yonetim/medya?mesaj=yuklendi", 303);
    },
  );

  const searchFor = (query: PickerQueryValues): Promise<LibraryPage> =>
    searchLibrary(
      db,
      { query: query.q ?? "", uploaderId: typeof query.yukleyen === "number" ? query.yukleyen : undefined, from: query.bas || undefined, to: query.bit || undefined },
      query.sayfa ?? 1,
    );
  /** The newest pictures, unfiltered: what the picker shows under a refused search or upload. */
  const newest = () => searchLibrary(db, { query: "" }, 1);

  app.get(
    "/medya/sec",
    {
      ...anyone,
      schema: { querystring: PickerQuery },
      // An impossible day: the newest pictures, with the form saying what is wrong.
      errorHandler: formErrors(MediaPickerPage, [InvalidInputError], async (error, request: FastifyRequest & { query: PickerQueryValues }) => ({
        chrome: chromeOf(request, assets),
        filters: filterValuesOf(request.query),
        result: await newest(),
        articleId: request.query.haber ?? null,
        maxMb,
        error: error.message,
        errors: error.fields,
      })),
    },
    async (request, reply) =>
      reply.render(MediaPickerPage, {
        chrome: chromeOf(request, assets),
        filters: filterValuesOf(request.query),
        result: await searchFor(request.query),
        articleId: request.query.haber ?? null,
        maxMb,
      }),
  );

  // The picker's upload: stored like a library upload, then chosen. A form goes back to the editor with the
  // picture chosen (`?gorsel=`); a script (Accept: application/json) gets the picture, 201, or a JSON error.
  const pickerUploadErrors = formErrors(MediaPickerPage, [InvalidInputError], async (error, request: FormRequest<PickerUploadBody>) => {
    if (wantsJson(request)) throw error;
    return {
      chrome: chromeOf(request, assets),
      filters: { q: "", yukleyen: "", bas: "", bit: "" },
      result: await newest(),
      articleId: request.body.haber ?? null,
      maxMb,
      error: error.message,
      errors: error.fields,
      upload: { caption: request.body.caption ?? "", credit: request.body.credit ?? "", alt: request.body.alt ?? "" },
    };
  });

  app.post(
    "/medya/sec",
    { onRequest: [requireRole("muhabir"), async () => imageQueue.assertRoom()], schema: { body: PickerUploadForm }, errorHandler: pickerUploadErrors },
    async (request, reply) => {
      const image = await uploadFromForm(request, request.body);
      const { haber } = request.body;
      if (wantsJson(request)) return reply.code(201).send({ image: pickerImageOf({ ...image, uploaderName: request.user?.name ?? null }) });
      return reply.redirect(`${editorPathOf(haber ?? null)}?gorsel=${image.id}`, 303);
    },
  );
};
