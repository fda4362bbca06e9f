import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors.ts";
import { type AuthorProfileInput, isWebLink, linkLabel, normaliseAuthorProfile, parseLinks } from "./authorProfile.ts";

const profile = (overrides: Partial<AuthorProfileInput> = {}): AuthorProfileInput => ({
  name: "Gülşah Öztürk",
  slug: "",
  title: "Ekonomi Muhabiri",
  bio: "Piyasaları izliyor.",
  imageId: null,
  links: [],
  ...overrides,
});

const fieldsOf = (input: AuthorProfileInput): Record<string, string> => {
  try {
    normaliseAuthorProfile(input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.fields;
    throw error;
  }
  return {};
};

describe("normaliseAuthorProfile", () => {
  it("makes the slug from the name by the Turkish slug rule, and cleans the text", () => {
    const out = normaliseAuthorProfile(profile({ name: "  Gülşah\tÖztürk ", title: " Ekonomi\nMuhabiri ", bio: " Birinci satır.\r\nİkinci satır.\u0007 " }));
    expect(out).toMatchObject({ name: "Gülşah Öztürk", slug: "gulsah-ozturk", title: "Ekonomi Muhabiri", bio: "Birinci satır.\nİkinci satır." });
    expect(normaliseAuthorProfile(profile({ slug: "İlkNur'un Sayfası" })).slug).toBe("ilknurun-sayfasi");
  });

  it("keeps web links in order, without blanks or repeats", () => {
    const out = normaliseAuthorProfile(profile({ links: ["https://example.org/a", "", " http://example.org/b ", "https://example.org/a"] }));
    expect(out.links).toEqual(["https://example.org/a", "http://example.org/b"]);
  });

  it("refuses each bad field with a Turkish message", () => {
    expect(fieldsOf(profile({ name: "  " }))).toEqual({ name: "Ad soyad boş olamaz." });
    expect(fieldsOf(profile({ name: "🚀", slug: "" })).slug).toContain("Latin harflerine");
    expect(fieldsOf(profile({ title: "x".repeat(121) })).title).toBe("En çok 120 karakter olabilir.");
    expect(fieldsOf(profile({ bio: "x".repeat(601) })).bio).toBe("En çok 600 karakter olabilir.");
    expect(fieldsOf(profile({ links: ["javascript:alert(1)"] })).links).toContain("Geçersiz bağlantı: javascript:alert(1)");
    expect(fieldsOf(profile({ links: ["example.org"] })).links).toContain("https://");
    expect(fieldsOf(profile({ links: ["https://kullanici:parola@example.org/"] })).links).toContain("Geçersiz bağlantı");
    expect(
      fieldsOf(profile({ links: ["https://a.example", "https://b.example", "https://c.example", "https://d.example", "https://e.example", "https://f.example"] })).links,
    ).toBe("En çok 5 bağlantı eklenebilir.");
  });
});

describe("links", () => {
  it("accepts only absolute http(s) addresses with a host", () => {
    expect(isWebLink("https://example.org/yazar")).toBe(true);
    expect(isWebLink("ftp://example.org/")).toBe(false);
    expect(isWebLink("/yazar/x/")).toBe(false);
    expect(isWebLink("data:text/html,<b>x</b>")).toBe(false);
  });

  it("reads the stored list, dropping anything that is not a web link, and labels a link by its host", () => {
    expect(parseLinks('["https://www.example.org/a", "javascript:x", 3]')).toEqual(["https://www.example.org/a"]);
    expect(parseLinks("bozuk")).toEqual([]);
    expect(linkLabel("https://www.example.org/a")).toBe("example.org");
  });
});
