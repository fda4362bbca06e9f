// The header's search sits behind a button (a <details>, which opens without JavaScript);
// with JavaScript, opening it puts the cursor in the box.

export function startHeaderSearch(details: HTMLDetailsElement): void {
  details.addEventListener("toggle", () => {
    if (details.open) details.querySelector("input")?.focus();
  });
}
