// Text as it arrives from outside, made safe to store and compare. Pure.

// C0 controls except tab (09), line feed (0A) and carriage return (0D); DEL; C1 controls; the
// line and paragraph separators (2028, 2029); and the bidirectional embeddings, overrides and
// isolates (202A–202E, 2066–2069), which can make a title read differently than it is stored
// (Unicode TR #36 §2.2; CVE-2021-42574). Letters of right-to-left scripts keep their own direction.
// eslint-disable-next-line no-control-regex -- control characters are what the edge removes
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

// Unicode's 66 noncharacters (U+FDD0–U+FDEF, U+xFFFE and U+xFFFF of every plane): never text, and
// U+FFFE/U+FFFF are not allowed in XML 1.0 (§2.2 Char), so one of them would break every feed.
const NONCHARACTERS = /\p{Noncharacter_Code_Point}/gu;

/**
 * One string from a request: lone surrogates replaced (String#toWellFormed), control
 * characters and noncharacters removed (tab and line breaks kept; single-line fields collapse them later),
 * and the result in Unicode Normalization Form C (UAX #15), so a title typed on a Mac in
 * decomposed form (`G` + `o` + U+0308 …) is stored, searched and compared as `Gö…`.
 */
export function normaliseEdgeText(text: string): string {
  return text.toWellFormed().replace(CONTROLS, "").replace(NONCHARACTERS, "").normalize("NFC");
}

/** Deepest nesting of arrays and objects read from a request; no form or API body needs more. */
export const MAX_EDGE_DEPTH = 32;

/** Thrown by normaliseEdgeValue for a value nested deeper than MAX_EDGE_DEPTH. */
export class TooDeepError extends Error {
  constructor() {
    super(`nested deeper than ${MAX_EDGE_DEPTH}`);
  }
}

/**
 * Normalises every string inside a parsed request part (body, query string or path
 * parameters) in place and returns it: objects and arrays are walked, Buffers (file
 * parts of a multipart body) and other values are left alone. A top-level string is
 * returned normalised (it cannot be changed in place). Throws TooDeepError past
 * MAX_EDGE_DEPTH levels (a JSON body nested 5,000 deep would otherwise overflow the stack).
 */
export function normaliseEdgeValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return normaliseEdgeText(value);
  if (value === null || typeof value !== "object" || Buffer.isBuffer(value)) return value;
  if (depth >= MAX_EDGE_DEPTH) throw new TooDeepError();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = normaliseEdgeValue(value[i], depth + 1);
    return value;
  }
  for (const [key, item] of Object.entries(value)) Reflect.set(value, key, normaliseEdgeValue(item, depth + 1));
  return value;
}
