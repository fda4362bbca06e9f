// Schema validation failures as field -> Turkish message, for the `fields` of an invalid_input error.

export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** JSON Schema type names in Turkish, for people reading an API error. */
const TYPE_NAMES: Record<string, string> = {
  string: "metin",
  integer: "tam sayı",
  number: "sayı",
  boolean: "true ya da false",
  object: "nesne",
  array: "dizi",
  null: "null",
};

function typeName(type: unknown): string {
  return String(type)
    .split(",")
    .map((t) => TYPE_NAMES[t] ?? t)
    .join(" ya da ");
}

function describe(issue: SchemaIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case "required":
      return "Bu alan zorunlu.";
    case "additionalProperties":
      return "Bilinmeyen alan.";
    case "type":
      return `Türü yanlış: ${typeName(p.type)} olmalı.`;
    case "minLength":
      return p.limit === 1 ? "Boş olamaz." : `En az ${String(p.limit)} karakter olmalı.`;
    case "maxLength":
      return `En çok ${String(p.limit)} karakter olabilir.`;
    case "minimum":
      return `En az ${String(p.limit)} olmalı.`;
    case "maximum":
      return `En çok ${String(p.limit)} olabilir.`;
    case "maxItems":
      return `En çok ${String(p.limit)} öğe olabilir.`;
    case "minItems":
      return `En az ${String(p.limit)} öğe olmalı.`;
    case "uniqueItems":
      // Ajv names the two equal items by index (j before i).
      return typeof p.i === "number" && typeof p.j === "number"
        ? `Aynı değer birden fazla kez yazılmış (${p.j + 1}. ve ${p.i + 1}. öğe).`
        : "Aynı değer birden fazla kez yazılmış.";
    case "enum":
    case "const":
      return "İzin verilen değerlerden biri olmalı.";
    case "maxDepth":
      return `En çok ${String(p.limit)} düzey iç içe olabilir.`;
    case "pattern":
      return "Biçimi geçersiz.";
    case "format":
      return `Geçerli bir ${p.format === "date-time" ? "tarih-saat (ISO 8601)" : p.format === "date" ? "gün (YYYY-AA-GG)" : String(p.format)} olmalı.`;
    default:
      return "Geçersiz değer.";
  }
}

/** `{ "title": "Boş olamaz.", "yazar": "Bilinmeyen alan." }` from Ajv's issues. */
export function fieldErrors(issues: SchemaIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  // A value that fits no branch of a union (`anyOf`) is reported once per branch; the `null`
  // branch of an optional-or-null field and the summary add nothing a person can act on.
  const useful = issues.filter((i) => i.keyword !== "anyOf" && !(i.keyword === "type" && i.params.type === "null"));
  for (const issue of useful.length > 0 ? useful : issues) {
    const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
    const path = [issue.instancePath.replace(/^\//, "").replace(/\//g, "."), typeof extra === "string" ? extra : ""].filter(Boolean).join(".");
    fields[path || "request"] ??= describe(issue);
  }
  return fields;
}
