// A readable page of the OpenAPI document, rendered on the server (no CDN, no script).
import esc from "escape-html";

interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: { type?: string } }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, unknown>;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Takes the generated document as it comes (any OpenAPI version) and lists its operations. */
export function renderApiDocs(doc: { info: { title: string; description?: string }; paths?: unknown }): string {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const rows = Object.entries(paths)
    .flatMap(([path, item]) =>
      Object.entries(isObject(item) ? item : {})
        .filter(([method]) => METHODS.includes(method))
        .map(([method, raw]) => {
          const op: Operation = isObject(raw) ? raw : {};
          const params = (op.parameters ?? []).map((p) => `<code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ", zorunlu" : ""})`).join(", ");
          const body = op.requestBody?.content ? Object.keys(op.requestBody.content).map(esc).join(", ") : "";
          return `<tr><td><strong>${esc(method.toUpperCase())}</strong></td><td><code>/api/v1${esc(path.replace(/^\/api\/v1/, ""))}</code></td><td>${esc(op.summary ?? "")}</td><td>${op.security ? "Bearer anahtar" : "herkese açık"}</td><td>${params}${body ? ` gövde: ${body}` : ""}</td><td>${Object.keys(
            op.responses ?? {},
          )
            .map(esc)
            .join(" ")}</td></tr>`;
        }),
    )
    .join("");
  return `<!doctype html><html lang="tr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(doc.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:20px auto;padding:0 16px;line-height:1.5}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;vertical-align:top}code{background:#f3f3f3;padding:1px 4px}</style></head>
<body><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description ?? "")}</p><p>Makine tarafından okunur belge: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>
<table><thead><tr><th>Yöntem</th><th>Yol</th><th>Ne yapar</th><th>Yetki</th><th>Parametreler</th><th>Yanıtlar</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}
