// Pictures in the article body, without browser prompts or copied addresses: "Görsel" in the toolbar
// opens the media picker; a picture file dropped or pasted into the text is uploaded to the library
// (the newsroom's upload, with its size and type checks and the form's CSRF token). Either way a small
// form under the text asks for the caption, credit and alt text (the library's, when it has them) before
// the picture goes in as a figure; choosing "Görsel" on a selected picture edits them.

import type { Editor } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import type { FigureAttrs } from "./figure.ts";
import { type PickedImage, errorMessageOf, mediaPicker, readPickedImage } from "./mediaPicker.ts";

/** Where picker uploads go (newsroom/media/routes.ts): JSON in, the stored picture out. */
const UPLOAD_URL = "/yonetim/medya/sec";
const ACCEPTED = new Set(["image/jpeg", "image/png", "image/webp", "image/avif", "image/gif"]);

/** The picture files among `files` (by the type the browser gives; the server decides from the bytes). */
export function pictureFiles(files: FileList | readonly File[] | null | undefined): File[] {
  return files ? [...files].filter((file) => ACCEPTED.has(file.type)) : [];
}

/** A picked library picture as a body figure's attributes, with the caption, credit and alt as typed. */
export function figureAttrsOf(image: PickedImage, text: { caption: string; credit: string; alt: string }): FigureAttrs {
  return { src: image.src, srcset: image.srcset, width: image.width, height: image.height, ...text };
}

type Pending = { kind: "picked"; image: PickedImage; at: number } | { kind: "file"; file: File; at: number } | { kind: "edit"; attrs: FigureAttrs; at: number };

export interface BodyPictures {
  /** The toolbar's "Görsel": edits the selected picture, else opens the picker. */
  run(): void;
  /** Offers picture files dropped or pasted at position `at`; false when none of them is a picture. */
  offerFiles(files: FileList | null | undefined, at: number): boolean;
  /** The picture's small form, to be placed under the text. */
  element: HTMLElement;
}

function field(id: string, label: string, maxLength: number): { wrap: HTMLElement; input: HTMLInputElement } {
  const wrap = document.createElement("div");
  wrap.className = "field";
  const labelEl = document.createElement("label");
  labelEl.htmlFor = id;
  labelEl.textContent = label;
  const input = document.createElement("input");
  input.id = id;
  input.maxLength = maxLength;
  // No name: these fields are not part of the article form's post.
  wrap.append(labelEl, input);
  return { wrap, input };
}

export function startBodyPictures(editor: Editor, pickerUrl: string, csrfToken: () => string): BodyPictures {
  const panel = document.createElement("div");
  panel.className = "figure-form";
  panel.setAttribute("role", "group");
  panel.setAttribute("aria-labelledby", "figure-form-title");
  panel.hidden = true;
  const title = document.createElement("p");
  title.id = "figure-form-title";
  title.className = "figure-form-title";
  const preview = document.createElement("img");
  preview.className = "figure-form-preview";
  preview.alt = "";
  const caption = field("figure-caption", "Görsel altyazısı", 500);
  const credit = field("figure-credit", "Görselin fotoğraf kaynağı", 120);
  credit.input.placeholder = "AA";
  const alt = field("figure-alt", "Görselin alternatif metni (görme engelli okurlar için)", 300);
  // Not `required`: the field sits inside the article form, whose submit must not wait for it.
  alt.input.setAttribute("aria-required", "true");
  const fields = document.createElement("div");
  fields.className = "grid-3";
  fields.append(caption.wrap, credit.wrap, alt.wrap);
  const error = document.createElement("p");
  error.className = "field-error";
  error.setAttribute("role", "alert");
  const confirm = document.createElement("button");
  confirm.type = "button";
  confirm.className = "primary";
  const cancel = document.createElement("button");
  cancel.type = "button";
  cancel.textContent = "Vazgeç";
  const buttons = document.createElement("div");
  buttons.className = "figure-form-actions";
  buttons.append(confirm, cancel);
  panel.append(title, preview, fields, error, buttons);

  let pending: Pending | null = null;
  let previewUrl: string | null = null;
  let busy = false;

  function show(next: Pending, text: { caption: string; credit: string; alt: string }, src: string): void {
    pending = next;
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = next.kind === "file" ? src : null;
    preview.src = src;
    caption.input.value = text.caption;
    credit.input.value = text.credit;
    alt.input.value = text.alt;
    alt.input.removeAttribute("aria-invalid");
    error.textContent = "";
    title.textContent =
      next.kind === "file" ? `Metne eklenecek görsel: ${next.file.name}` : next.kind === "edit" ? "Görselin bilgilerini düzenleyin" : "Metne eklenecek görsel";
    confirm.textContent = next.kind === "file" ? "Yükle ve metne ekle" : next.kind === "edit" ? "Güncelle" : "Metne ekle";
    panel.hidden = false;
    (text.alt === "" && text.caption !== "" ? alt.input : caption.input).focus();
  }

  function hide(): void {
    panel.hidden = true;
    pending = null;
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
    preview.removeAttribute("src");
    editor.commands.focus();
  }

  const typed = () => ({ caption: caption.input.value.trim(), credit: credit.input.value.trim(), alt: alt.input.value.trim() });

  function insert(attrs: FigureAttrs, at: number): void {
    const size = editor.state.doc.content.size;
    editor
      .chain()
      .focus()
      .insertContentAt(Math.min(Math.max(at, 0), size), { type: "figure", attrs })
      .run();
  }

  async function upload(file: File, text: { caption: string; credit: string; alt: string }): Promise<PickedImage | null> {
    const body = new FormData();
    body.append("_csrf", csrfToken());
    body.append("caption", text.caption);
    body.append("credit", text.credit);
    body.append("alt", text.alt);
    body.append("file", file, file.name);
    try {
      const response = await fetch(UPLOAD_URL, { method: "POST", body, headers: { accept: "application/json" }, credentials: "same-origin" });
      const answer: unknown = await response.json().catch(() => null);
      const image = response.ok && typeof answer === "object" && answer !== null && "image" in answer ? readPickedImage(answer.image) : null;
      if (!image) error.textContent = errorMessageOf(answer, "Görsel yüklenemedi.");
      return image;
    } catch {
      error.textContent = "Görsel yüklenemedi. Bağlantınızı denetleyip yeniden deneyin.";
      return null;
    }
  }

  async function submit(): Promise<void> {
    if (!pending || busy) return;
    const text = typed();
    if (text.alt === "") {
      error.textContent = "Alternatif metin yazın (görme engelli okurlar için).";
      alt.input.setAttribute("aria-invalid", "true");
      alt.input.focus();
      return;
    }
    const current = pending;
    if (current.kind === "edit") {
      editor
        .chain()
        .focus()
        .command(({ tr }) => {
          tr.setNodeMarkup(current.at, undefined, { ...current.attrs, ...text });
          return true;
        })
        .run();
      hide();
      return;
    }
    if (current.kind === "picked") {
      insert(figureAttrsOf(current.image, text), current.at);
      hide();
      return;
    }
    busy = true;
    confirm.disabled = true;
    error.textContent = "Görsel yükleniyor…";
    const image = await upload(current.file, text);
    busy = false;
    confirm.disabled = false;
    if (!image) return;
    insert(figureAttrsOf(image, text), current.at);
    hide();
  }

  confirm.addEventListener("click", () => void submit());
  cancel.addEventListener("click", hide);
  panel.addEventListener("keydown", (event) => {
    // Enter would submit the article form; here it confirms the picture.
    if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void submit();
    } else if (event.key === "Escape") {
      event.preventDefault();
      hide();
    }
  });

  return {
    element: panel,
    run() {
      const { selection } = editor.state;
      if (selection instanceof NodeSelection && selection.node.type.name === "figure") {
        const attrs = selection.node.attrs as FigureAttrs;
        show({ kind: "edit", attrs, at: selection.from }, attrs, attrs.src);
        return;
      }
      const at = selection.from;
      mediaPicker().open(pickerUrl, "Metne görsel ekleyin", (image) =>
        show({ kind: "picked", image, at }, { caption: image.caption, credit: image.credit, alt: image.alt }, image.thumb),
      );
    },
    offerFiles(files, at) {
      const pictures = pictureFiles(files);
      const file = pictures[0];
      if (!file) return false;
      show({ kind: "file", file, at }, { caption: "", credit: "", alt: "" }, URL.createObjectURL(file));
      if (pictures.length > 1) error.textContent = "Görseller birer birer eklenir: önce bunun bilgilerini yazın.";
      return true;
    },
  };
}
