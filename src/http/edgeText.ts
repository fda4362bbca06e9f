// Text as it arrives from outside, made safe to store and compare. Pure.

// C0 controls except tab (09), line feed (0A) and carriage return (0D); DEL; C1 controls.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * One string from a request: lone surrogates replaced (String#toWellFormed), control
 * characters removed (tab and line breaks kept; single-line fields collapse them later),
 * and the result in Unicode Normalization Form C (UAX #15), so a title typed on a Mac in
 * decomposed form (`G` + `o` + U+0308 …) is stored, searched and compared as `Gö…`.
 */
export function normaliseEdgeText(text: string): string {
  return text.toWellFormed().replace(CONTROLS, "").normalize("NFC");
}

/**
 * Normalises every string inside a parsed request part (body, query string or path
 * parameters) in place and returns it: objects and arrays are walked, Buffers (file
 * parts of a multipart body) and other values are left alone. A top-level string is
 * returned normalised (it cannot be changed in place).
 */
export function normaliseEdgeValue(value: unknown): unknown {
  if (typeof value === "string") return normaliseEdgeText(value);
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normaliseEdgeValue(value[i]);
    return value;
  }
  for (const [key, item] of Object.entries(value)) Reflect.set(value, key, normaliseEdgeValue(item));
  return value;
}
