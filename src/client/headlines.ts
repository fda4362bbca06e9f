// The manşet form, enhanced: slots are reordered by dragging (SortableJS) or with the "Yukarı taşı" /
// "Aşağı taşı" buttons without a reload, each move announced in the form's live region; the order
// is saved with "Manşeti kaydet" as before. Without JavaScript every button posts the form instead.
import Sortable from "sortablejs";

/** The slot's title as the announcements name it. */
function titleOf(slot: Element): string {
  return slot.querySelector(".slot-title a")?.textContent?.trim() ?? "";
}

export function startHeadlines(form: HTMLFormElement): void {
  const list = form.querySelector("ol.slots");
  const status = form.querySelector(".slot-status");
  if (!(list instanceof HTMLOListElement) || !(status instanceof HTMLElement)) return;
  if (list.dataset.started) return;
  list.dataset.started = "true";
  list.classList.add("sortable");

  const slots = () => [...list.querySelectorAll(":scope > li.slot")];

  /** After any move: the end buttons disabled, the rest enabled; the move told to screen readers and shown. */
  const settle = (moved: Element) => {
    const all = slots();
    for (const [i, slot] of all.entries()) {
      const up = slot.querySelector("button[data-move=up]");
      const down = slot.querySelector("button[data-move=down]");
      if (up instanceof HTMLButtonElement) up.disabled = i === 0;
      if (down instanceof HTMLButtonElement) down.disabled = i === all.length - 1;
    }
    status.textContent = `“${titleOf(moved)}” ${all.indexOf(moved) + 1}. sıraya taşındı. Kaydetmek için “Manşeti kaydet”e basın.`;
    form.classList.add("unsaved");
  };

  form.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-move]") : null;
    if (!(button instanceof HTMLButtonElement)) return;
    const slot = button.closest("li.slot");
    if (!slot) return;
    event.preventDefault();
    const direction = button.dataset.move;
    const neighbour = direction === "up" ? slot.previousElementSibling : slot.nextElementSibling;
    if (!neighbour) return;
    if (direction === "up") neighbour.before(slot);
    else neighbour.after(slot);
    settle(slot);
    // Keep the keyboard where it was; at an end, on the other direction's button.
    const other = slot.querySelector(`button[data-move=${direction === "up" ? "down" : "up"}]`);
    const target = button.disabled && other instanceof HTMLButtonElement ? other : button;
    target.focus();
  });

  Sortable.create(list, {
    handle: ".slot-handle",
    draggable: "li.slot",
    animation: 150,
    // Pointer events rather than the browser's drag-and-drop: the same on touch screens and mice.
    forceFallback: true,
    onEnd: (event) => {
      if (event.oldIndex !== event.newIndex) settle(event.item);
    },
  });
}

const headlinesForm = typeof document === "undefined" ? null : document.querySelector("form.headlines-form");
if (headlinesForm instanceof HTMLFormElement) startHeadlines(headlinesForm);
