// The newsroom's article form, enhanced: the body textarea becomes a rich-text editor,
// the address preview follows the title, the form saves itself, tags are suggested, and pictures
// are chosen in the media picker's dialog (main picture) or dropped, pasted or picked into the text.
// Without JavaScript the same form works with its plain fields.

import { type Autosave, startAutosave } from "./editor/autosave.ts";
import { startMainPicture } from "./editor/mainPicture.ts";
import { startRichEditor } from "./editor/richEditor.ts";
import { startSlugPreview } from "./editor/slugPreview.ts";
import { startTagSuggestions } from "./editor/tagSuggestions.ts";
// The manşet page's ordering rides in the newsroom bundle (this file is its entry: src/ui/assets.ts).
import "./headlines.ts";

export function startEditor(form: HTMLFormElement): void {
  if (form.dataset.editorStarted) return;
  form.dataset.editorStarted = "true";

  // The editor's submit check registers before autosave's, so autosave sees a cancelled submit.
  let autosave: Autosave | null = null;
  const body = form.querySelector("textarea[data-rich-editor]");
  if (body instanceof HTMLTextAreaElement) startRichEditor(body, () => autosave?.markDirty());
  autosave = startAutosave(form);

  startSlugPreview(form);
  startMainPicture(form);
  for (const input of form.querySelectorAll("input[data-tag-input]")) {
    if (input instanceof HTMLInputElement) startTagSuggestions(input);
  }
}

const articleForm = typeof document === "undefined" ? null : document.querySelector("form.article-form");
if (articleForm instanceof HTMLFormElement) startEditor(articleForm);
