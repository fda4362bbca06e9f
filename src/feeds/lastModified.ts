// Last-Modified of feeds and sitemaps: when their bytes last changed, as this instance saw it. HTTP dates
// have whole seconds (RFC 9110 §5.6.7), so a rebuild with new bytes in the same second as the previous
// build would carry the same date, and a reader polling with If-Modified-Since (no ETag) would be told
// "304, nothing changed". Pure apart from the remembered builds.
import crypto from "node:crypto";
import { LRUCache } from "lru-cache";

/** How many paths' last builds are remembered (one entry each: about 60 bytes). */
const REMEMBERED_PATHS = 20_000;

/**
 * A clock giving each build of a path its Last-Modified: the build's second when its bytes differ from the
 * previous build's (one second past the previous date when that is not later: the date a reader holds then
 * never matches new bytes), and the previous date when the bytes are the same. Returns the HTTP date.
 */
export function createLastModifiedClock(): (path: string, body: string, now: Date) => string {
  const builds = new LRUCache<string, { at: number; digest: string }>({ max: REMEMBERED_PATHS });
  return (path, body, now) => {
    const digest = crypto.createHash("sha1").update(body).digest("base64");
    const second = Math.floor(now.getTime() / 1000) * 1000;
    const previous = builds.get(path);
    const at = previous === undefined ? second : previous.digest === digest ? previous.at : Math.max(second, previous.at + 1000);
    builds.set(path, { at, digest });
    return new Date(at).toUTCString();
  };
}
