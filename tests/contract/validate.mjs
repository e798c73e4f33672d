// Checks every HTTP exchange the tests recorded (tests/support/contract_log.cpp,
// one JSON line each in PLANFLOW_CONTRACT_DIR) against api/openapi.json:
// the request must name an operation (or be answered as the document says
// unknown routes and methods are), the status must be declared for it, the
// Content-Type must be one it declares, the body must match that media type's
// schema, and every required response header must be there and match its own.
//
// Schemas are evaluated by @hyperjump/json-schema in its OpenAPI 3.1 dialect.
// The document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12 plus the
// OAS vocabulary. Hyperjump implements that dialect as such (formats
// asserted), validates the document itself against the OAS 3.1 schema, and
// resolves `$ref`s inside the document by its own URI, so each schema is
// evaluated exactly where the document defines it; it is kept up by an editor
// of the JSON Schema specification. openapi-response-validator was written
// for OpenAPI 3.0 only; openapi-backend and express-openapi-validator are
// request routers first, with their schema checks built on Ajv and the OAS
// keywords adapted to it, and neither is needed for recorded exchanges. The
// HTTP side (path templates, status ranges, `default`, media-type ranges,
// headers) is small and done here, after the OpenAPI 3.1 rules.
//
// usage: node validate.mjs [--openapi FILE] [--quiet] DIR
// Exits 1 when the document is no valid OpenAPI 3.1 (its own schema), when
// any exchange breaks the contract, or when DIR holds none (a recording that
// went nowhere must not pass).
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { validate as compileSchema, setShouldValidateFormat } from "@hyperjump/json-schema/openapi-3-1";
import { BASIC } from "@hyperjump/json-schema/experimental";
import "@hyperjump/json-schema/formats";

setShouldValidateFormat(true);

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const here = fileURLToPath(new URL(".", import.meta.url));

const pointerToken = (token) => encodeURIComponent(String(token).replaceAll("~", "~0").replaceAll("/", "~1"));
const pointer = (...tokens) => "#" + tokens.map((t) => "/" + pointerToken(t)).join("");

function lookup(doc, ref) {
  if (!ref.startsWith("#")) throw new Error(`only local references are supported: ${ref}`);
  let node = doc;
  if (ref === "#") return doc;
  for (const raw of ref.slice(2).split("/")) {
    const token = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = node?.[token];
  }
  if (node === undefined) throw new Error(`unresolvable reference ${ref}`);
  return node;
}

// Follows Reference Objects (responses, headers) to what they name, keeping
// the JSON Pointer of where it ended so its schema is evaluated in place.
function deref(doc, node, at) {
  for (let hops = 0; node && typeof node.$ref === "string"; ++hops) {
    if (hops > 20) throw new Error(`reference loop at ${at}`);
    at = node.$ref;
    node = lookup(doc, at);
  }
  return { node, at };
}

// A path template as a pattern, and the order it is tried in. OpenAPI 3.1
// matches concrete paths before templated ones; where two templates both
// match (`/plans/actions/{action}` and `/plans/{id}/content` for
// `/plans/actions/content`) planflow's router takes a literal segment over a
// capture at the first place they differ, and so does this.
function compileTemplate(template) {
  const segments = template.split("/").slice(1);
  const source = segments
    .map((s) => "/" + s.split(/(\{[^}]+\})/).map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join(""))
    .join("");
  return { regex: new RegExp("^" + source + "$"), order: segments.map((s) => (s.includes("{") ? "1" : "0")).join("") };
}

export function mediaType(value) {
  return (value ?? "").split(";")[0].trim().toLowerCase();
}

function isJson(type) {
  return type === "application/json" || type.endsWith("+json");
}

// The content entry declared for `type`: an exact match first, then `text/*`, then `*/*`.
function declaredContent(content, type) {
  const entries = Object.entries(content ?? {}).map(([k, v]) => [mediaType(k), k, v]);
  const [major] = type.split("/");
  return (
    entries.find(([k]) => k === type) ?? entries.find(([k]) => k === `${major}/*`) ?? entries.find(([k]) => k === "*/*")
  );
}

// A header value as its schema's type, since headers travel as text (simple style).
function headerValue(schema, text) {
  const type = Array.isArray(schema?.type) ? schema.type : [schema?.type];
  if ((type.includes("integer") || type.includes("number")) && /^-?[0-9]+(\.[0-9]+)?$/.test(text.trim())) return Number(text);
  if (type.includes("boolean") && /^(true|false)$/.test(text.trim())) return text.trim() === "true";
  return text;
}

export class ContractChecker {
  static async load(openapiPath) {
    const file = resolve(openapiPath);
    const checker = new ContractChecker(JSON.parse(readFileSync(file, "utf8")), pathToFileURL(file).href);
    return checker;
  }

  constructor(doc, uri) {
    this.doc = doc;
    this.uri = uri;
    this.schemas = new Map();
    this.paths = Object.entries(doc.paths ?? {})
      .map(([template, item]) => ({ template, item, ...compileTemplate(template) }))
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    this.operations = [];
    for (const { template, item } of this.paths) {
      for (const method of METHODS) {
        if (item[method]) this.operations.push({ key: `${method.toUpperCase()} ${template}`, template, method, op: item[method] });
      }
    }
    this.covered = new Map();  // operation key -> statuses seen
  }

  async schemaErrors(schemaPointer, value) {
    let compiled = this.schemas.get(schemaPointer);
    if (!compiled) {
      compiled = await compileSchema(this.uri + schemaPointer);
      this.schemas.set(schemaPointer, compiled);
    }
    const output = compiled(value, BASIC);
    if (output.valid) return [];
    // The innermost failures say most; a failed oneOf lists each branch's.
    return (output.errors ?? []).map((e) => {
      const at = e.instanceLocation.replace(/^#/, "");
      const keyword = e.absoluteKeywordLocation.slice(this.uri.length);
      let found = value;
      for (const token of at.split("/").slice(1)) found = found?.[decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~")];
      const shown = JSON.stringify(found) ?? "undefined";
      return `${at || "/"} = ${shown.length > 80 ? shown.slice(0, 77) + "..." : shown} fails ${keyword}`;
    });
  }

  // What an answer without a request (or to bytes that are no request) can
  // be held to: a status every operation declares ("any operation may also
  // answer"), as the response most of them share (/readyz has its own 503).
  sharedResponse(status) {
    const refs = new Map();
    for (const { op } of this.operations) {
      const ref = op.responses?.[status]?.$ref;
      if (!op.responses?.[status]) return undefined;
      if (ref) refs.set(ref, (refs.get(ref) ?? 0) + 1);
    }
    const [shared] = [...refs].sort((a, b) => b[1] - a[1])[0] ?? [];
    return shared && deref(this.doc, { $ref: shared }, shared);
  }

  findPath(path) {
    return this.paths.find((p) => p.regex.test(path));
  }

  // Problems with one exchange (empty: it keeps the contract), and what it was checked as.
  async check(exchange) {
    const { request, response } = exchange;
    const status = String(response.status);
    const body =
      response.body_base64 !== undefined ? Buffer.from(response.body_base64, "base64") : Buffer.from(response.body ?? "", "utf8");
    const headers = response.headers ?? {};

    if (!request) {
      const shared = this.sharedResponse(status);
      if (!shared) return { as: "(no request)", problems: [`status ${status} without a request: no response every operation declares`] };
      return { as: "(no request)", problems: await this.checkResponse(shared, status, headers, body, false) };
    }

    const method = request.method.toLowerCase();
    const path = request.target.split("?")[0].split("#")[0];
    const found = this.findPath(path);
    const head = method === "head";

    if (!found) {
      // The web interface's files are served beside the API and are not in its document.
      if (["get", "head"].includes(method) && /^\/(|assets\/.+|[^/]+\.[A-Za-z0-9]+)$/.test(path) && /^(2..|304)$/.test(status)) {
        return { as: "web interface file", skipped: true, problems: [] };
      }
      if (status !== "404") return { as: "unknown route", problems: [`${request.method} ${path} is no operation of the document, yet answered ${status} (unknown routes answer 404)`] };
      const notFound = deref(this.doc, { $ref: "#/components/responses/NotFound" }, "#/components/responses/NotFound");
      return { as: "unknown route", problems: await this.checkResponse(notFound, status, headers, body, head) };
    }

    // HEAD is GET without the body (RFC 9110 9.3.2); the document lists GET only.
    const operationMethod = head && !found.item.head ? "get" : method;
    const op = found.item[operationMethod];
    if (!op) {
      const declared = METHODS.filter((m) => found.item[m]).map((m) => m.toUpperCase());
      if (declared.includes("GET") && !declared.includes("HEAD")) declared.push("HEAD");
      if (status !== "405") {
        return { as: `${request.method} ${found.template} (no such operation)`, problems: [`${request.method} is no operation of ${found.template} (it has ${declared.join(", ")}), yet answered ${status}`] };
      }
      const at = "#/components/responses/MethodNotAllowed";
      const problems = await this.checkResponse(deref(this.doc, { $ref: at }, at), status, headers, body, head);
      const allow = (headers.allow ?? "").split(",").map((m) => m.trim()).filter(Boolean).sort();
      if (allow.join(",") !== [...declared].sort().join(",")) problems.push(`Allow is "${headers.allow ?? ""}", the document has ${declared.join(", ")}`);
      return { as: `${request.method} ${found.template} (method not allowed)`, problems };
    }

    const key = `${operationMethod.toUpperCase()} ${found.template}`;
    if (!this.covered.has(key)) this.covered.set(key, new Set());
    this.covered.get(key).add(status);
    const responses = op.responses ?? {};
    const declaredStatus = [status, `${status[0]}XX`, `${status[0]}xx`, "default"].find((s) => responses[s]);
    if (!declaredStatus) return { as: key, problems: [`status ${status} is not declared (declared: ${Object.keys(responses).join(", ")})`] };
    const at = pointer("paths", found.template, operationMethod, "responses", declaredStatus);
    return { as: key, problems: await this.checkResponse(deref(this.doc, responses[declaredStatus], at), status, headers, body, head) };
  }

  async checkResponse({ node: declared, at }, status, headers, body, head) {
    const problems = [];
    for (const [name, headerRef] of Object.entries(declared.headers ?? {})) {
      // OpenAPI: a Content-Type entry among response headers is ignored.
      if (name.toLowerCase() === "content-type") continue;
      const { node: header, at: headerAt } = deref(this.doc, headerRef, `${at}/headers/${pointerToken(name)}`);
      const value = headers[name.toLowerCase()];
      if (value === undefined) {
        if (header.required) problems.push(`required header ${name} is missing`);
        continue;
      }
      if (header.schema) {
        for (const e of await this.schemaErrors(`${headerAt}/schema`, headerValue(header.schema, value))) problems.push(`header ${name} "${value}": ${e}`);
      }
    }

    const content = declared.content;
    const type = mediaType(headers["content-type"]);
    if (!content || Object.keys(content).length === 0) {
      if (body.length > 0) problems.push(`a ${body.length}-byte body (${type || "no Content-Type"}) where the document declares none`);
      return problems;
    }
    if (!type) {
      if (body.length > 0 || head) problems.push(`no Content-Type; declared: ${Object.keys(content).join(", ")}`);
      else problems.push(`no body; declared: ${Object.keys(content).join(", ")}`);
      return problems;
    }
    const entry = declaredContent(content, type);
    if (!entry) {
      problems.push(`Content-Type ${type} is not declared (declared: ${Object.keys(content).join(", ")})`);
      return problems;
    }
    const [, key, media] = entry;
    if (head || !media.schema) return problems;
    const schemaAt = `${at}/content/${pointerToken(key)}/schema`;
    if (isJson(type)) {
      let value;
      try {
        value = JSON.parse(body.toString("utf8"));
      } catch (e) {
        problems.push(`the body is not JSON: ${e.message}`);
        return problems;
      }
      for (const e of await this.schemaErrors(schemaAt, value)) problems.push(`body ${e}`);
      // RFC 9457: the problem's status member is the status it was answered with.
      if (type === "application/problem+json" && value && typeof value === "object" && value.status !== undefined && String(value.status) !== status) {
        problems.push(`problem status member ${value.status} answered with HTTP ${status}`);
      }
    } else if (type.startsWith("text/")) {
      for (const e of await this.schemaErrors(schemaAt, body.toString("utf8"))) problems.push(`body ${e}`);
    }
    // Other bodies (spreadsheets, zip files) are bytes: their declared media type is what can be held to them.
    return problems;
  }
}

export function readExchanges(dir) {
  const exchanges = [];
  const files = readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort();
  for (const file of files) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      if (line.trim()) exchanges.push({ ...JSON.parse(line), source: `${file}:${i + 1}` });
    });
  }
  return { files, exchanges };
}

async function main(argv) {
  let openapi = join(here, "../../api/openapi.json");
  let quiet = false;
  const rest = [];
  for (let i = 0; i < argv.length; ++i) {
    if (argv[i] === "--openapi") openapi = argv[++i];
    else if (argv[i] === "--quiet") quiet = true;
    else rest.push(argv[i]);
  }
  if (rest.length !== 1) {
    console.error("usage: node validate.mjs [--openapi FILE] [--quiet] DIR");
    return 2;
  }
  const checker = await ContractChecker.load(openapi);
  // A schema the document gets wrong would be judged by whatever the evaluator
  // makes of it: the document must first be OpenAPI 3.1 itself.
  const documentCheck = await compileSchema("https://spec.openapis.org/oas/3.1/schema-base", checker.doc, BASIC);
  if (!documentCheck.valid) {
    for (const e of documentCheck.errors.slice(0, 20)) console.log(`contract: FAIL ${openapi}${e.instanceLocation} breaks the OpenAPI 3.1 schema at ${e.absoluteKeywordLocation}`);
    return 1;
  }
  const { files, exchanges } = readExchanges(rest[0]);
  const failures = new Map();  // what failed, alike, -> {count, first exchange}
  let skipped = 0;
  let failed = 0;
  const tests = new Set();
  for (const exchange of exchanges) {
    if (exchange.test) tests.add(exchange.test);
    const { as, problems, skipped: skip } = await checker.check(exchange);
    if (skip) ++skipped;
    if (!problems.length) continue;
    ++failed;
    const key = `${as} -> ${exchange.response.status}: ${problems.join("; ")}`;
    const seen = failures.get(key) ?? { count: 0, exchange };
    seen.count += 1;
    failures.set(key, seen);
  }

  const total = checker.operations.length;
  const covered = checker.covered.size;
  const succeeded = [...checker.covered.values()].filter((s) => [...s].some((x) => /^[23]/.test(x))).length;
  if (!quiet) {
    const missing = checker.operations.filter((o) => !checker.covered.has(o.key)).map((o) => o.key);
    if (missing.length) console.log(`contract: operations no test exercised: ${missing.join(", ")}`);
  }
  for (const [key, { count, exchange }] of failures) {
    const request = exchange.request ? `${exchange.request.method} ${exchange.request.target}` : "(no request)";
    console.log(`contract: FAIL ${key}`);
    console.log(`  ${count}× first in ${exchange.test ?? "?"} (${exchange.file ?? "?"}), ${request}, ${exchange.source}`);
    if (!quiet) console.log(`  body: ${(exchange.response.body ?? "(binary)").slice(0, 300)}`);
  }
  const checked = exchanges.length - skipped;
  console.log(
    `contract: ${checked} exchanges checked from ${tests.size} tests in ${files.length} files` +
      (skipped ? ` (${skipped} web interface files outside the document skipped)` : "") +
      `; ${covered} of ${total} operations exercised, ${succeeded} with a success answer; ` +
      `${failed} exchanges break the contract (${failures.size} distinct)`,
  );
  if (exchanges.length === 0) {
    console.log(`contract: FAIL no exchanges were recorded in ${rest[0]}`);
    return 1;
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
