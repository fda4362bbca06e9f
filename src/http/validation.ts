// The one edge every input passes: route schemas (TypeBox) compiled by Ajv, with every
// string normalised first (NFC, no control characters; see edgeText.ts).
import type { FastifySchemaCompiler } from "fastify";
import { Ajv, type Options } from "ajv";
import ajvFormats from "ajv-formats";
import { MAX_EDGE_DEPTH, TooDeepError, normaliseEdgeValue } from "./edgeText.ts";

function ajvWith(options: Options): Ajv {
  const ajv = new Ajv({ removeAdditional: false, useDefaults: true, allErrors: false, strict: false, ...options });
  // ajv-formats is CommonJS: its default export arrives as the module object.
  ajvFormats.default(ajv);
  return ajv;
}

// Query strings, path parameters and HTML form bodies arrive as text: numbers and flags
// are read from it. A string is never turned into an array.
const textAjv = ajvWith({ coerceTypes: true });
// JSON bodies carry their own types: {"title": 123} is an error, not the title "123".
const jsonAjv = ajvWith({ coerceTypes: false, allErrors: true });

/** Newsroom form routes take urlencoded or multipart bodies, whose values are all text. */
function isFormRoute(url: string): boolean {
  return url === "/yonetim" || url.startsWith("/yonetim/");
}

/**
 * Fastify's validator compiler for the whole app: the part's strings are normalised in
 * place, then checked against the route schema. Bodies of the JSON API are not coerced;
 * everything else is (query strings, path parameters, newsroom forms).
 */
export const edgeValidatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart, url }) => {
  const ajv = httpPart === "body" && !isFormRoute(url) ? jsonAjv : textAjv;
  const validate = ajv.compile(schema);
  const normalise = httpPart === "body" || httpPart === "querystring" || httpPart === "params";
  const check = (data: unknown) => {
    let value: unknown;
    try {
      value = normalise ? normaliseEdgeValue(data) : data;
    } catch (error) {
      if (!(error instanceof TooDeepError)) throw error;
      check.errors = [{ keyword: "maxDepth", instancePath: "", schemaPath: "#", params: { limit: MAX_EDGE_DEPTH }, message: error.message }];
      return false;
    }
    const ok = validate(value);
    check.errors = validate.errors;
    return ok ? { value } : false;
  };
  // Fastify reads a failed check's issues from the function, as from Ajv's own.
  check.errors = validate.errors;
  return check;
};
