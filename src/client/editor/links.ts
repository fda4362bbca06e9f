// Which addresses the article editor accepts in links and images. The server sanitises the
// body again (news/sanitizeBody.ts); these checks keep unusable addresses out of the editor.

const LINK_SCHEMES = new Set(["http", "https", "mailto"]);
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** What a browser reads from an address: tabs and newlines removed, control characters trimmed. */
function asBrowserReadsIt(url: string): string {
  // eslint-disable-next-line no-control-regex -- the URL standard trims C0 controls and spaces from both ends
  return url.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "");
}

/** `//host` and `/\host` leave the site although they look relative. */
function isProtocolRelative(url: string): boolean {
  return /^[/\\]{2}/.test(url);
}

/** http, https and mailto addresses, and addresses relative to the site (`/haber/…`, `#bolum`). */
export function isAllowedHref(href: string): boolean {
  const url = asBrowserReadsIt(href);
  if (url === "" || isProtocolRelative(url)) return false;
  const scheme = SCHEME.exec(url)?.[1];
  return scheme === undefined || LINK_SCHEMES.has(scheme.toLowerCase());
}

/** Images come from the web (http, https) or from the site itself (`/medya/…`). */
export function isAllowedImageSrc(src: string): boolean {
  const url = asBrowserReadsIt(src);
  if (isProtocolRelative(url)) return false;
  if (url.startsWith("/")) return true;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  return scheme === "http" || scheme === "https";
}

const BARE_DOMAIN = /^(?:[a-z0-9-]+\.)+([a-z]{2,24})(?::\d+)?(?:[/?#]|$)/i;
const FILE_ENDINGS = new Set(["html", "htm", "php", "asp", "aspx", "jsp"]);
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/**
 * Turns what an editor typed into a link address: `www.example.com` gets `https://`, an
 * e-mail address gets `mailto:`. Returns null when the address is not allowed.
 */
export function normalizeHref(input: string): string | null {
  const text = input.trim();
  if (text === "") return null;
  let href = text;
  if (EMAIL.test(text)) href = `mailto:${text}`;
  else if (!SCHEME.test(text)) {
    const domain = BARE_DOMAIN.exec(text);
    if (domain?.[1] && !FILE_ENDINGS.has(domain[1].toLowerCase())) href = `https://${text}`;
  }
  return isAllowedHref(href) ? href : null;
}
