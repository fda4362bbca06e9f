// Pure rules for the settings form: what a site name, a social profile address and an SVG logo must be.
import { SITE_NAME_MAX_LENGTH, SOCIAL_PROFILES_MAX, SOCIAL_URL_MAX_LENGTH, SVG_LOGO_MAX_BYTES } from "./sections.ts";

/** The site name, trimmed; or the Turkish reason it is refused. */
export function checkSiteName(name: string): { value: string } | { error: string } {
  const value = name.trim().replace(/\s+/g, " ");
  if (value === "") return { error: "Site adını yazın." };
  if (value.length > SITE_NAME_MAX_LENGTH) return { error: `Site adı en çok ${SITE_NAME_MAX_LENGTH} karakter olabilir.` };
  return { value };
}

/**
 * The social profile addresses of a text area, one per line (blank lines skipped, duplicates dropped); or the
 * Turkish reason they are refused: each must be an absolute https:// address of at most 300 characters, at most 10.
 */
export function parseSocialProfiles(text: string): { value: string[] } | { error: string } {
  const lines = [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== ""),
    ),
  ];
  if (lines.length > SOCIAL_PROFILES_MAX) return { error: `En çok ${SOCIAL_PROFILES_MAX} adres girilebilir.` };
  for (const line of lines) {
    if (line.length > SOCIAL_URL_MAX_LENGTH) return { error: `Adresler en çok ${SOCIAL_URL_MAX_LENGTH} karakter olabilir: ${line.slice(0, 40)}…` };
    let url: URL;
    try {
      url = new URL(line);
    } catch {
      return { error: `Geçerli bir adres değil: ${line}` };
    }
    if (url.protocol !== "https:" || url.hostname === "" || url.username !== "" || url.password !== "") return { error: `Adres https:// ile başlamalı: ${line}` };
  }
  return { value: lines };
}

/**
 * Whether uploaded bytes look like an SVG document (rather than a raster picture): after an optional byte-order
 * mark, XML declaration, comments (a trademark notice can run to kilobytes) and doctype, the first element is <svg>.
 * Looks at most at the first SVG_LOGO_MAX_BYTES; larger files are refused by size anyway.
 */
export function looksLikeSvg(data: Buffer): boolean {
  let rest = data
    .subarray(0, SVG_LOGO_MAX_BYTES)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  const prolog = /^\s*(?:<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE svg[^>]*>)/i;
  for (let match = prolog.exec(rest); match; match = prolog.exec(rest)) rest = rest.slice(match[0].length);
  return /^\s*<svg[\s>]/i.test(rest);
}

/**
 * An uploaded SVG logo as text; or the Turkish reason it is refused. A logo is a drawing: scripts, event handler
 * attributes, embedded HTML (foreignObject), entity declarations and references to other documents are refused
 * (only `#fragment` and `data:image/...` links are kept), as is anything over 100 KB or not UTF-8. The page
 * shows it through <img> (no scripts run there) and /marka/ serves it with a sandboxing CSP besides.
 */
export function checkSvgLogo(data: Buffer): { value: string } | { error: string } {
  if (data.length > SVG_LOGO_MAX_BYTES) return { error: `SVG logo en çok ${SVG_LOGO_MAX_BYTES / 1000} KB olabilir.` };
  const text = new TextDecoder("utf-8", { fatal: false }).decode(data);
  if (text.includes("\uFFFD")) return { error: "SVG dosyası UTF-8 metin değil." };
  if (/<script|<foreignObject|<!ENTITY|<iframe|<embed|<object/i.test(text)) return { error: "SVG logo betik, gömülü HTML ya da varlık tanımı içeremez." };
  if (/\son[a-z]+\s*=/i.test(text)) return { error: "SVG logo olay işleyicisi (on… özniteliği) içeremez." };
  if (/javascript:|@import/i.test(text)) return { error: "SVG logo betik adresi ya da dış stil içeremez." };
  for (const match of text.matchAll(/(?:href\s*=\s*["']|url\(\s*["']?)([^"')]*)/gi)) {
    const target = (match[1] ?? "").trim();
    if (!target.startsWith("#") && !/^data:image\/(png|jpeg|gif|webp);/i.test(target)) return { error: "SVG logo başka dosyalara bağlantı içeremez." };
  }
  return { value: text.replace(/^\uFEFF/, "") };
}
