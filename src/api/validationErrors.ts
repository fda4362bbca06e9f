// Schema validation failures as field -> Turkish message, for the `fields` of an invalid_input error.

export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

function describe(issue: SchemaIssue): string {
  const p = issue.params;
  switch (issue.keyword) {
    case "required":
      return "Bu alan zorunlu.";
    case "additionalProperties":
      return "Bilinmeyen alan.";
    case "type":
      return `Türü yanlış: ${String(p.type)} olmalı.`;
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
    case "maxDepth":
      return `En çok ${String(p.limit)} düzey iç içe olabilir.`;
    case "pattern":
      return "Biçimi geçersiz.";
    case "format":
      return `Geçerli bir ${p.format === "date-time" ? "tarih-saat (ISO 8601)" : String(p.format)} olmalı.`;
    default:
      return "Geçersiz değer.";
  }
}

/** `{ "title": "Boş olamaz.", "yazar": "Bilinmeyen alan." }` from Ajv's issues. */
export function fieldErrors(issues: SchemaIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
    const path = [issue.instancePath.replace(/^\//, "").replace(/\//g, "."), typeof extra === "string" ? extra : ""].filter(Boolean).join(".");
    fields[path || "request"] ??= describe(issue);
  }
  return fields;
}
