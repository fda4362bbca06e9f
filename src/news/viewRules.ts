// Which page views count, and the key a counted view is remembered by (pure; news/viewCounter.ts uses them).
import crypto from "node:crypto";
import { isbot } from "isbot";

/** A reader's view of an article counts once per this long (issue 13: "once per 30 minutes"). */
export const VIEW_REPEAT_MS = 30 * 60_000;

/** What the beacon request tells about its sender; nothing of it is stored. */
export interface ViewRequest {
  /** The client address as the app sees it (TRUST_PROXY decides which hop). */
  ip: string;
  userAgent: string | undefined;
  /** `Sec-Purpose`, `Purpose` or `X-Purpose` (browsers' prefetch and prerender markers), if sent. */
  purpose: string | undefined;
}

export type ViewSkip = "bot" | "prefetch";

/**
 * Why a view is not counted, or undefined when it counts: a bot by the isbot list (a user agent naming a
 * crawler, a library or a headless browser), no user agent at all (every browser sends one), or a request
 * a browser made ahead of the reader (`Sec-Purpose: prefetch` or `prefetch;prerender`, Firefox's and older
 * Chrome's `Purpose: prefetch`, Safari's `X-Purpose: preview`).
 */
export function viewSkipReason(request: Pick<ViewRequest, "userAgent" | "purpose">): ViewSkip | undefined {
  const purpose = request.purpose?.toLowerCase() ?? "";
  if (purpose.includes("prefetch") || purpose.includes("prerender") || purpose.includes("preview")) return "prefetch";
  const ua = request.userAgent?.trim() ?? "";
  if (ua === "" || isbot(ua)) return "bot";
  return undefined;
}

/**
 * The key a counted view is remembered by: HMAC-SHA-256 keyed with the day's salt over the address, the
 * user agent and the article id, as 32 hex characters (128 bits). Without the salt (deleted after its day)
 * the key cannot be traced back to an address; with it, only by trying addresses.
 */
export function viewKey(salt: string, request: Pick<ViewRequest, "ip" | "userAgent">, articleId: number): string {
  return crypto
    .createHmac("sha256", salt)
    .update(`${request.ip}\n${request.userAgent ?? ""}\n${articleId}`)
    .digest("hex")
    .slice(0, 32);
}

/** A new day's salt: 32 random bytes as hex. */
export function newViewSalt(): string {
  return crypto.randomBytes(32).toString("hex");
}
