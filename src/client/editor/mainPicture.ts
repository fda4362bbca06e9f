// The editor's main picture with the media picker: "Kütüphaneden seç" opens the picker as a dialog, and
// the chosen picture goes into the form (its select, thumbnail, and the library's caption, credit and
// alt text, which the article may then change for itself). Without JavaScript the link opens the picker page.

import { type PickedImage, mediaPicker } from "./mediaPicker.ts";

/** Puts `image` in the picture fields of `form`, as if typed (input events, so autosave sees the change). */
export function applyMainPicture(form: HTMLFormElement, image: PickedImage): void {
  const select = form.querySelector<HTMLSelectElement>("select#imageId");
  if (select) {
    for (const option of [...select.options]) if (option.value !== "") option.remove();
    const option = new Option(`#${image.id} — ${image.caption || image.alt}`, String(image.id), true, true);
    select.add(option);
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }
  const fields: Array<[string, string]> = [
    ["imageCaption", image.caption],
    ["imageCredit", image.credit],
    ["imageAlt", image.alt],
  ];
  for (const [id, value] of fields) {
    const input = form.querySelector<HTMLInputElement>(`input#${id}`);
    if (!input) continue;
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }
  const thumb = form.querySelector<HTMLImageElement>("img[data-picture-thumb]");
  if (thumb) {
    thumb.src = image.thumb;
    thumb.height = Math.round((160 * image.height) / image.width);
    thumb.hidden = false;
  }
}

export function startMainPicture(form: HTMLFormElement): void {
  const link = form.querySelector<HTMLAnchorElement>("a[data-open-picker='main']");
  if (!link) return;
  link.setAttribute("aria-haspopup", "dialog");
  link.addEventListener("click", (event) => {
    event.preventDefault();
    mediaPicker().open(link.href, "Ana görseli seçin", (image) => {
      applyMainPicture(form, image);
      form.querySelector<HTMLInputElement>("input#imageAlt")?.focus();
    });
  });
  // "Görsel yok" hides the thumbnail.
  const select = form.querySelector<HTMLSelectElement>("select#imageId");
  const thumb = form.querySelector<HTMLImageElement>("img[data-picture-thumb]");
  select?.addEventListener("change", () => {
    if (thumb) thumb.hidden = select.value === "" || thumb.getAttribute("src") === null;
  });
}
