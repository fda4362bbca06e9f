// The media picker as a dialog inside the editor: the server's picker page (/yonetim/medya/sec) is
// fetched and its section shown in a modal <dialog> (the page behind is inert, Tab stays inside, Esc
// closes, focus returns to what opened it). Searching, paging and uploading happen inside the dialog;
// "Seç" hands the picture to the caller instead of leaving the editor. Without JavaScript the same page
// works on its own (see newsroom/views/MediaPickerPage.tsx).

/** A library picture as the picker's "Seç" buttons carry it (newsroom/media/searchLibrary.ts PickerImage). */
export interface PickedImage {
  id: number;
  thumb: string;
  src: string;
  srcset: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  alt: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** A picture from a "Seç" button's data or an upload's answer, or null when the shape is not one. */
export function readPickedImage(value: unknown): PickedImage | null {
  if (!isRecord(value)) return null;
  const { id, thumb, src, srcset, width, height, caption, credit, alt } = value;
  if (typeof id !== "number" || typeof width !== "number" || typeof height !== "number") return null;
  if (typeof thumb !== "string" || typeof src !== "string" || typeof srcset !== "string") return null;
  if (typeof caption !== "string" || typeof credit !== "string" || typeof alt !== "string") return null;
  return { id, thumb, src, srcset, width, height, caption, credit, alt };
}

/** The Turkish message of a JSON error answer, with its field messages, or a fallback. */
export function errorMessageOf(body: unknown, fallback: string): string {
  const error = isRecord(body) ? body.error : undefined;
  if (!isRecord(error)) return fallback;
  const message = typeof error.message === "string" ? error.message : fallback;
  const fields = isRecord(error.fields) ? Object.values(error.fields).filter((v): v is string => typeof v === "string") : [];
  return [message, ...fields].join(" ");
}

export interface MediaPicker {
  /** Opens the dialog at `url` (a picker address); `onPick` gets the chosen picture and the dialog closes. */
  open(url: string, title: string, onPick: (image: PickedImage) => void): void;
}

let shared: MediaPicker | null = null;

/** The page's one picker dialog, made on first use. */
export function mediaPicker(): MediaPicker {
  shared ??= createMediaPicker();
  return shared;
}

function createMediaPicker(): MediaPicker {
  const dialog = document.createElement("dialog");
  dialog.className = "picker-dialog";
  dialog.setAttribute("aria-labelledby", "picker-dialog-title");
  const head = document.createElement("div");
  head.className = "picker-dialog-head";
  const heading = document.createElement("h2");
  heading.id = "picker-dialog-title";
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Kapat";
  close.addEventListener("click", () => dialog.close());
  head.append(heading, close);
  const status = document.createElement("p");
  status.className = "picker-dialog-status";
  status.setAttribute("role", "status");
  const body = document.createElement("div");
  body.className = "picker-dialog-body";
  dialog.append(head, status, body);
  document.body.append(dialog);

  let onPick: ((image: PickedImage) => void) | null = null;
  let opener: Element | null = null;

  // Esc closes the dialog wherever the focus is (a search field would otherwise take it to clear itself).
  dialog.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      dialog.close();
    },
    true,
  );
  dialog.addEventListener("close", () => {
    body.replaceChildren();
    onPick = null;
    if (opener instanceof HTMLElement) opener.focus();
  });

  async function load(url: string, focusFirst: boolean): Promise<void> {
    status.textContent = "Yükleniyor…";
    try {
      const response = await fetch(url, { headers: { accept: "text/html" }, credentials: "same-origin" });
      const html = await response.text();
      const section = new DOMParser().parseFromString(html, "text/html").querySelector("[data-media-picker]");
      if (!section) throw new Error("no picker");
      // The page's own heading is the dialog's; its "back to the article" line is the close button.
      section.querySelector("h1")?.remove();
      section.querySelector("[data-picker-back]")?.closest("p")?.remove();
      body.replaceChildren(document.importNode(section, true));
      status.textContent = "";
      const first = body.querySelector<HTMLElement>(focusFirst ? "#picker-q" : "[data-pick], #picker-q");
      first?.focus();
    } catch {
      status.textContent = "Kütüphane yüklenemedi. Bağlantınızı denetleyip yeniden deneyin.";
    }
  }

  async function upload(form: HTMLFormElement): Promise<void> {
    status.textContent = "Görsel yükleniyor…";
    try {
      const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { accept: "application/json" }, credentials: "same-origin" });
      const answer: unknown = await response.json().catch(() => null);
      const image = response.ok && isRecord(answer) ? readPickedImage(answer.image) : null;
      if (image) {
        status.textContent = "";
        choose(image);
        return;
      }
      status.textContent = errorMessageOf(answer, "Görsel yüklenemedi.");
    } catch {
      status.textContent = "Görsel yüklenemedi. Bağlantınızı denetleyip yeniden deneyin.";
    }
  }

  function choose(image: PickedImage): void {
    const callback = onPick;
    dialog.close();
    callback?.(image);
  }

  body.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const pick = target?.closest<HTMLButtonElement>("button[data-pick]");
    if (pick) {
      event.preventDefault();
      let data: unknown = null;
      try {
        data = JSON.parse(pick.dataset.pick ?? "");
      } catch {
        data = null;
      }
      const image = readPickedImage(data);
      if (image) choose(image);
      return;
    }
    const page = target?.closest<HTMLAnchorElement>("a[data-picker-page]");
    if (page) {
      event.preventDefault();
      void load(page.href, false);
    }
  });

  body.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    if (form.matches("[data-picker-upload]")) {
      void upload(form);
      return;
    }
    if (form.method.toLowerCase() === "get" && form.matches(".picker-search")) {
      const params = new URLSearchParams();
      for (const [name, value] of new FormData(form)) if (typeof value === "string") params.append(name, value);
      void load(`${form.action}?${params.toString()}`, true);
    }
  });

  return {
    open(url, title, pick) {
      opener = document.activeElement;
      onPick = pick;
      heading.textContent = title;
      body.replaceChildren();
      dialog.showModal();
      void load(url, true);
    },
  };
}
