// Suggestions for the comma-separated tag field: the term being typed (the last one) is
// looked up at data-suggest-url?q=… and offered as an ARIA combobox list. Choosing a name
// replaces the term and starts the next one with ", ".

const DEBOUNCE_MS = 200;
const MIN_TERM = 2;

export interface TagSuggestion {
  slug: string;
  name: string;
}

/** The term being typed: what follows the last comma. */
export function lastTerm(value: string): string {
  return value.slice(value.lastIndexOf(",") + 1).trim();
}

/** The field's value with its last term replaced by `name`, ready for the next tag. */
export function replaceLastTerm(value: string, name: string): string {
  const comma = value.lastIndexOf(",");
  const head = comma < 0 ? "" : `${value.slice(0, comma + 1).trimEnd()} `;
  return `${head}${name}, `;
}

/** The tags already in the field, before the one being typed, to leave out of suggestions. */
function earlierTags(value: string): Set<string> {
  const terms = value.split(",").slice(0, -1);
  return new Set(terms.map((term) => term.trim().toLocaleLowerCase("tr")).filter(Boolean));
}

/** `{"items": [{"slug": "ankara", "name": "Ankara"}, …]}` */
export function readSuggestions(body: unknown): TagSuggestion[] {
  if (typeof body !== "object" || body === null || !("items" in body) || !Array.isArray(body.items)) return [];
  const items: unknown[] = body.items;
  return items.flatMap((item) =>
    typeof item === "object" && item !== null && "name" in item && typeof item.name === "string" && item.name.trim()
      ? [{ slug: "slug" in item && typeof item.slug === "string" ? item.slug : "", name: item.name.trim() }]
      : [],
  );
}

let listCount = 0;

export function startTagSuggestions(input: HTMLInputElement): void {
  const suggestUrl = input.dataset.suggestUrl;
  if (!suggestUrl) return;
  const listId = `${input.id || "etiketler"}-oneriler-${++listCount}`;
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "tag-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Etiket önerileri");
  list.hidden = true;
  input.after(list);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("aria-expanded", "false");
  input.autocomplete = "off";

  let items: TagSuggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let request: AbortController | undefined;

  const close = () => {
    items = [];
    active = -1;
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };

  const highlight = (index: number) => {
    active = index;
    for (const [i, option] of Array.from(list.children).entries()) {
      option.setAttribute("aria-selected", String(i === index));
      if (i === index) {
        input.setAttribute("aria-activedescendant", option.id);
        if (option instanceof HTMLElement) option.scrollIntoView({ block: "nearest" });
      }
    }
    if (index < 0) input.removeAttribute("aria-activedescendant");
  };

  const open = (found: TagSuggestion[]) => {
    close();
    if (found.length === 0) return;
    items = found;
    list.replaceChildren(
      ...found.map((item, i) => {
        const option = document.createElement("li");
        option.id = `${listId}-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.index = String(i);
        option.textContent = item.name;
        return option;
      }),
    );
    // Under the field, whatever the form's layout: the list is the field's next sibling.
    list.style.top = `${input.offsetTop + input.offsetHeight}px`;
    list.style.left = `${input.offsetLeft}px`;
    list.style.minWidth = `${input.offsetWidth}px`;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };

  const choose = (index: number) => {
    const item = items[index];
    if (!item) return;
    input.value = replaceLastTerm(input.value, item.name);
    close();
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    input.dispatchEvent(new Event("input", { bubbles: true })); // autosave and friends
  };

  const lookUp = async (term: string) => {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    try {
      const url = new URL(suggestUrl, location.href);
      url.searchParams.set("q", term);
      const response = await fetch(url, { headers: { accept: "application/json" }, signal: controller.signal });
      if (!response.ok) throw new Error(String(response.status));
      const taken = earlierTags(input.value);
      const found = readSuggestions(await response.json()).filter((item) => !taken.has(item.name.toLocaleLowerCase("tr")));
      if (request === controller && lastTerm(input.value) === term && document.activeElement === input) open(found);
    } catch {
      if (request === controller) close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const term = lastTerm(input.value);
    if (term.length < MIN_TERM) {
      request?.abort();
      close();
      return;
    }
    timer = setTimeout(() => void lookUp(term), DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    if (list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + items.length + (active < 0 && step < 0 ? 1 : 0)) % items.length);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault(); // choosing a tag must not submit the form
      choose(active);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      close();
    }
  });

  input.addEventListener("blur", () => {
    clearTimeout(timer);
    close();
  });
  // Keep the focus in the field while an option is clicked.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const option = event.target instanceof Element ? event.target.closest("[role=option]") : null;
    if (option instanceof HTMLElement) choose(Number(option.dataset.index));
  });
}
