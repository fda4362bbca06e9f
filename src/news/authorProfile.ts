// An author's public profile as the newsroom sends it, checked and normalised. Pure.
import { createHash } from "node:crypto";
import { domainToUnicode } from "node:url";
import { InvalidInputError } from "../errors.ts";
import { slugify } from "../lib/slug.ts";
import { cleanLine, cleanMultiLine } from "./articleInput.ts";

/** Longest value of each field, in UTF-16 code units after cleaning; at most MAX_AUTHOR_LINKS links. */
/**
 * A profile's stamp: what a profile form carries to say which profile it was opened on (16 hex
 * characters of the SHA-256 of its fields). A save whose stamp is not the stored profile's was
 * typed over someone else's newer save. A user without a profile yet has the stamp of `null`.
 */
export function profileStamp(profile: AuthorProfileInput | null): string {
  const fields = profile ? [profile.name, profile.slug, profile.title, profile.bio, profile.imageId, profile.links] : null;
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex").slice(0, 16);
}

export const AUTHOR_LIMITS = { name: 120, slug: 120, title: 120, bio: 600, link: 300 } as const;
export const MAX_AUTHOR_LINKS = 5;

export interface AuthorProfileInput {
  name: string;
  /** Empty: made from the name. */
  slug: string;
  title: string;
  /** Plain text; line breaks kept. */
  bio: string;
  imageId: number | null;
  links: string[];
}

/** Whether `text` is an absolute http(s) URL with a host (WHATWG URL parsing). */
export function isWebLink(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" && url.username === "" && url.password === "";
}

/** The stored JSON list of links; anything that is not a list of web links reads as none of it. */
export function parseLinks(json: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && isWebLink(v)) : [];
}

/** A link's label for readers: its host without `www.` ("x.com", "linkedin.com"), Turkish letters as typed ("örnek.com.tr", not Punycode). */
export function linkLabel(link: string): string {
  return domainToUnicode(new URL(link).hostname).replace(/^www\./, "");
}

/**
 * Cleans a profile (single-line fields on one line, the bio's control characters out, empty links
 * dropped, duplicates dropped) and checks it; throws InvalidInputError with a Turkish message per
 * field. The slug, given or made from the name, follows the slug rule (lib/slug.ts); that no other
 * author has it is the use case's check.
 */
export function normaliseAuthorProfile(input: AuthorProfileInput): AuthorProfileInput {
  const fields: Record<string, string> = {};
  const links = [...new Set(input.links.map(cleanLine).filter((l) => l !== ""))];
  const out: AuthorProfileInput = {
    name: cleanLine(input.name),
    slug: slugify(cleanLine(input.slug) || cleanLine(input.name)),
    title: cleanLine(input.title),
    bio: cleanMultiLine(input.bio),
    imageId: input.imageId,
    links,
  };
  if (out.name === "") fields.name = "Ad soyad boş olamaz.";
  else if (out.name.length > AUTHOR_LIMITS.name) fields.name = `En çok ${AUTHOR_LIMITS.name} karakter olabilir.`;
  // An empty name is refused once, under its own field (the slug it would give is empty too).
  if (out.slug === "" && !(out.name === "" && cleanLine(input.slug) === ""))
    fields.slug = "Adresten bir kısa ad üretilemedi: Latin harflerine çevrilebilen en az bir harf ya da rakam olmalı.";
  else if (out.slug.length > AUTHOR_LIMITS.slug) fields.slug = `En çok ${AUTHOR_LIMITS.slug} karakter olabilir.`;
  if (out.title.length > AUTHOR_LIMITS.title) fields.title = `En çok ${AUTHOR_LIMITS.title} karakter olabilir.`;
  if (out.bio.length > AUTHOR_LIMITS.bio) fields.bio = `En çok ${AUTHOR_LIMITS.bio.toLocaleString("tr-TR")} karakter olabilir.`;
  const tooLong = links.find((l) => l.length > AUTHOR_LIMITS.link);
  const notWeb = links.find((l) => !isWebLink(l));
  if (links.length > MAX_AUTHOR_LINKS) fields.links = `En çok ${MAX_AUTHOR_LINKS} bağlantı eklenebilir.`;
  else if (tooLong) fields.links = `Bağlantılar en çok ${AUTHOR_LIMITS.link} karakter olabilir: ${tooLong.slice(0, 60)}…`;
  else if (notWeb) fields.links = `Geçersiz bağlantı: ${notWeb.slice(0, 60)} (http:// ya da https:// ile başlayan tam bir adres yazın).`;
  if (Object.keys(fields).length > 0) throw new InvalidInputError("Profil kaydedilemedi: işaretli alanları düzeltin.", fields);
  return out;
}
