// Autosave for the article form: after 8 s without typing, or every 20 s while typing
// goes on, the form is posted to its data-autosave-url. The answer's version goes into the
// hidden `version` field, so the next save (and the editor's own submit) is not taken for
// a stale copy. A conflict (someone else saved meanwhile: 409, nothing was saved) stops
// autosave and leaves every field as it is: the editor presses "Kaydet", and the server merges
// their changes with the others' field by field, asking only where both changed one field.
//
// A new article saves itself too (issue 13): 2 s after the first keystroke once it has a title,
// the form goes to /yonetim/haber/yeni/otomatik-kayit with its draft key; the server creates the
// draft (once per key), and the page goes on at the draft's own addresses (form action, autosave
// URL, address bar via history.replaceState) without a reload, so focus and typing are untouched.
// Offline, the status says the changes are not saved and the save runs again when the browser is
// back online.

const IDLE_MS = 8_000;
const FIRST_IDLE_MS = 2_000;
const MAX_MS = 20_000;
const RETRY_MS = 20_000;

const FAILED = "Otomatik kayıt başarısız, tekrar denenecek";
/** Shown while the browser is offline with changes not yet saved. */
export const OFFLINE = "Çevrimdışı — değişiklikler kaydedilmedi. Bağlantı gelince yeniden denenecek.";
const NEEDS_TITLE = "Otomatik kayıt için bir başlık yazın.";
const CONFLICT_FALLBACK = "Bu haber siz düzenlerken değiştirildi.";
/** Follows the server's account of who changed what. */
export const CONFLICT_ADVICE = "Otomatik kayıt durduruldu: değişikliklerinizi diğerleriyle birleştirmek için “Kaydet”e basın.";
const TIME = new Intl.DateTimeFormat("tr-TR", { timeZone: "Europe/Istanbul", hour: "2-digit", minute: "2-digit" });

/** Dispatched on the form when a new article's first save has created its draft and the form moved to it. */
export const DRAFT_CREATED = "haberci-draft-created";

/** Where a newly created draft lives: the form and the address bar move there. */
export interface DraftPlace {
  editUrl: string;
  autosaveUrl: string;
}

export type Outcome =
  | { kind: "saved"; version: number; savedAt: string; place: DraftPlace | null }
  | { kind: "conflict"; message: string }
  | { kind: "invalid"; message: string }
  | { kind: "failed" };

export interface Autosave {
  /** Call when something in the form changed that input/change events do not report. */
  markDirty(): void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Only the newsroom's own article addresses are followed. */
const EDIT_URL = /^\/yonetim\/haber\/\d+$/;
const AUTOSAVE_URL = /^\/yonetim\/haber\/\d+\/otomatik-kayit$/;

/** `{"id": 7, "version": 4, "savedAt": "2026-11-27T10:15:00.000Z", "editUrl": "/yonetim/haber/7", "autosaveUrl": "/yonetim/haber/7/otomatik-kayit"}` */
export function readSaved(body: unknown): Outcome {
  if (isRecord(body) && typeof body.version === "number" && Number.isInteger(body.version)) {
    const { editUrl, autosaveUrl } = body;
    const place =
      typeof editUrl === "string" && typeof autosaveUrl === "string" && EDIT_URL.test(editUrl) && AUTOSAVE_URL.test(autosaveUrl) ? { editUrl, autosaveUrl } : null;
    return { kind: "saved", version: body.version, savedAt: typeof body.savedAt === "string" ? body.savedAt : "", place };
  }
  return { kind: "failed" };
}

/** A refused save (400): the server's Turkish message; the save is tried again after the next change. */
export function readInvalid(body: unknown): Outcome {
  const error = isRecord(body) ? body.error : undefined;
  const message = isRecord(error) && typeof error.message === "string" && error.message.trim() ? error.message.trim() : "işaretli alanları düzeltin.";
  return { kind: "invalid", message: `Otomatik kayıt yapılamadı: ${message}` };
}

/** `{"error": {"code": "conflict", "message": "…"}}`: the server's message, then what to do. */
export function readConflict(body: unknown): Outcome {
  const error = isRecord(body) ? body.error : undefined;
  const message = isRecord(error) && typeof error.message === "string" && error.message.trim() ? error.message.trim() : CONFLICT_FALLBACK;
  return { kind: "conflict", message: `${message} ${CONFLICT_ADVICE}` };
}

function formatSavedAt(savedAt: string): string {
  const date = new Date(savedAt);
  return TIME.format(Number.isNaN(date.getTime()) ? new Date() : date);
}

function formBody(form: HTMLFormElement): URLSearchParams {
  // new URLSearchParams(new FormData(form)), minus files, which a urlencoded body cannot carry.
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === "string") body.append(name, value);
  return body;
}

async function send(url: string, form: HTMLFormElement): Promise<Outcome> {
  try {
    const response = await fetch(url, {
      method: "POST",
      body: formBody(form),
      headers: { accept: "application/json" },
      credentials: "same-origin",
    });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 409) return readConflict(body);
    if (response.status === 400) return readInvalid(body);
    return response.ok ? readSaved(body) : { kind: "failed" };
  } catch {
    return { kind: "failed" };
  }
}

export function startAutosave(form: HTMLFormElement): Autosave | null {
  const autosaveUrl = form.dataset.autosaveUrl;
  if (!autosaveUrl) return null;
  let url: string = autosaveUrl;
  const status = form.querySelector<HTMLElement>("[data-autosave-status]");
  const version = form.elements.namedItem("version");
  const title = form.elements.namedItem("title");
  // A new article's form until its first save creates the draft.
  let isNew = form.elements.namedItem("draftKey") instanceof HTMLInputElement;

  let changes = 0; // edits so far; a save remembers how many it carried
  let savedChanges = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let maxTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;
  let stopped = false; // after a conflict
  let submitting = false;

  const show = (text: string, kind: "info" | "warning" | "conflict" = "info") => {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("autosave-conflict", kind === "conflict");
    status.classList.toggle("autosave-warning", kind === "warning");
  };
  const offline = () => typeof navigator !== "undefined" && navigator.onLine === false;

  const clearTimers = () => {
    clearTimeout(idleTimer);
    clearTimeout(maxTimer);
    idleTimer = maxTimer = undefined;
  };

  const schedule = (idle = isNew ? FIRST_IDLE_MS : IDLE_MS) => {
    if (stopped || submitting || inFlight || changes === savedChanges) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(save, idle);
    maxTimer ??= setTimeout(save, Math.max(idle, MAX_MS));
  };

  /** The new draft's addresses: the form posts there from now on, and the address bar shows it. */
  const moveTo = (place: DraftPlace) => {
    isNew = false;
    url = place.autosaveUrl;
    form.dataset.autosaveUrl = place.autosaveUrl;
    form.setAttribute("action", place.editUrl); // form.action would be the <button name="action">
    history.replaceState(history.state, "", place.editUrl);
    form.dispatchEvent(new Event(DRAFT_CREATED)); // e.g. the address preview now knows the id
  };

  const apply = (outcome: Outcome, carried: number) => {
    if (outcome.kind === "saved") {
      if (version instanceof HTMLInputElement) version.value = String(outcome.version);
      if (isNew && outcome.place) moveTo(outcome.place);
      savedChanges = carried;
      show(`Kaydedildi ${formatSavedAt(outcome.savedAt)}`);
      schedule(); // edits made while the save was on its way
    } else if (outcome.kind === "conflict") {
      stopped = true;
      clearTimers();
      show(outcome.message, "conflict");
    } else if (outcome.kind === "invalid") {
      show(outcome.message, "warning"); // tried again after the next change
    } else if (offline()) {
      show(OFFLINE, "warning"); // tried again on the "online" event
    } else {
      show(FAILED, "warning");
      schedule(RETRY_MS);
    }
  };

  function save(): void {
    clearTimers();
    if (stopped || submitting || inFlight || changes === savedChanges) return;
    if (isNew && title instanceof HTMLInputElement && title.value.trim() === "") {
      show(NEEDS_TITLE);
      return; // the title's own input event schedules the save
    }
    if (offline()) {
      show(OFFLINE, "warning");
      return;
    }
    const carried = changes;
    inFlight = send(url, form).then((outcome) => {
      inFlight = null;
      apply(outcome, carried);
    });
  }

  const markDirty = () => {
    if (stopped) return;
    changes++;
    schedule();
  };
  form.addEventListener("input", markDirty);
  form.addEventListener("change", markDirty);

  form.addEventListener("submit", (event) => {
    if (event.defaultPrevented) return;
    clearTimers();
    submitting = true;
    if (inFlight) {
      // Let the autosave land first: its answer carries the version this submit must send.
      event.preventDefault();
      const submitter = event.submitter;
      void inFlight.then(() => {
        submitting = false;
        form.requestSubmit(submitter);
      });
      return;
    }
    // A listener after this one may still cancel the submit; then autosave goes on.
    setTimeout(() => {
      if (!event.defaultPrevented) return;
      submitting = false;
      schedule();
    }, 0);
  });
  window.addEventListener("offline", () => {
    if (!stopped && changes !== savedChanges) show(OFFLINE, "warning");
  });
  window.addEventListener("online", () => {
    if (stopped || changes === savedChanges) return;
    clearTimers();
    save();
  });
  // Back from the next page through the back-forward cache: the form is live again.
  window.addEventListener("pageshow", (event) => {
    if (!event.persisted) return;
    submitting = false;
    schedule();
  });

  return { markDirty };
}
