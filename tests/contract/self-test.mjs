// The contract check must be able to fail: each case feeds validate.mjs a
// recording with one deliberate break of api/openapi.json and expects it to
// exit 1 naming the break; one clean recording must pass, so a checker that
// refuses everything would fail here too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const validator = fileURLToPath(new URL("validate.mjs", import.meta.url));

function run(exchanges) {
  const dir = mkdtempSync(join(tmpdir(), "planflow-contract-self-test-"));
  try {
    writeFileSync(join(dir, "exchanges-1.jsonl"), exchanges.map((e) => JSON.stringify({ test: "self.test", file: "self-test.mjs", ...e }) + "\n").join(""));
    const out = spawnSync(process.execPath, [validator, "--quiet", dir], { encoding: "utf8" });
    return { code: out.status, output: out.stdout + out.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const json = "application/json";
const problemType = "application/problem+json";
const problem = (slug, status) =>
  JSON.stringify({ type: `urn:planflow:problem:${slug}`, title: slug, status, code: "no_resource", params: {}, detail: slug });
const get = (target, headers = {}) => ({ method: "GET", target, headers });
const reply = (status, type, body, headers = {}) => ({ status, headers: type ? { "content-type": type, ...headers } : headers, body });

const health = { request: get("/healthz"), response: reply(200, json, '{"status":"ok"}') };
const province = {
  request: get("/api/v1/provinces/TH-10"),
  response: reply(200, json, JSON.stringify({ code: "TH-10", name_th: "กรุงเทพมหานคร", name_en: "Bangkok", region: "central" })),
};

test("answers that keep the contract pass", () => {
  const { code, output } = run([
    health,
    { request: { method: "HEAD", target: "/healthz", headers: {} }, response: reply(200, json, "") },
    { request: get("/api/v1/provinces/TH-99"), response: reply(404, problemType, problem("not-found", 404)) },
    { request: get("/api/v1/nowhere"), response: reply(404, problemType, problem("not-found", 404)) },
    { request: { method: "DELETE", target: "/healthz", headers: {} }, response: reply(405, problemType, problem("method-not-allowed", 405), { allow: "GET, HEAD" }) },
    { request: null, response: reply(503, problemType, problem("too-many-connections", 503), { "retry-after": "1" }) },
    { request: get("/api/v1/me"), response: reply(401, problemType, problem("unauthenticated", 401), { "www-authenticate": 'Bearer realm="planflow"' }) },
  ]);
  assert.equal(code, 0, output);
  assert.match(output, /7 exchanges checked/);
  assert.match(output, /0 exchanges break the contract/);
});

test("a province answer itself is checked, not just its status", () => {
  // Guards the fixture: the real schema accepts it, so its broken copy below fails for its own reason.
  const { code, output } = run([health, province]);
  assert.equal(code, 0, output);
});

// Each case: a name, one exchange that breaks the contract in one way, and what the report must say.
const breaks = [];
const breaking = (name, exchange, pattern) => breaks.push({ name, exchange, pattern });

breaking("an unknown route answered as if it existed fails",
  { request: get("/api/v1/no-such-thing"), response: reply(200, json, "{}") },
  /is no operation of the document/,
);

breaking("a status the operation does not declare fails",
  { request: get("/healthz"), response: reply(418, problemType, problem("teapot", 418)) },
  /status 418 is not declared/,
);

breaking("a body of the wrong type fails",
  { request: get("/healthz"), response: reply(200, json, '{"status":1}') },
  /body \/status = 1 fails/,
);

breaking("a body missing a required member fails",
  { request: get("/api/v1/provinces/TH-10"), response: reply(200, json, '{"code":"TH-10"}') },
  /body \/ = .* fails .*required/,
);

breaking("a content type the response does not declare fails",
  { request: get("/healthz"), response: reply(200, "text/plain", "ok") },
  /Content-Type text\/plain is not declared/,
);

breaking("a body that is not the JSON it claims fails",
  { request: get("/healthz"), response: reply(200, json, "ok") },
  /the body is not JSON/,
);

breaking("a required response header that is missing fails",
  { request: get("/api/v1/me"), response: reply(401, problemType, problem("unauthenticated", 401)) },
  /required header WWW-Authenticate is missing/,
);

breaking("a header that breaks its schema fails",
  { request: null, response: reply(503, problemType, problem("too-many-connections", 503), { "retry-after": "soon" }) },
  /header Retry-After "soon"/,
);

breaking("a method the path does not take, answered other than 405, fails",
  { request: { method: "DELETE", target: "/healthz", headers: {} }, response: reply(200, json, '{"status":"ok"}') },
  /DELETE is no operation of \/healthz/,
);

breaking("a 405 whose Allow differs from the document fails",
  { request: { method: "DELETE", target: "/healthz", headers: {} }, response: reply(405, problemType, problem("method-not-allowed", 405), { allow: "GET, POST" }) },
  /Allow is "GET, POST"/,
);

breaking("a problem without its code and params fails",
  { request: get("/api/v1/provinces/TH-99"), response: reply(404, problemType, JSON.stringify({ type: "urn:planflow:problem:not-found", title: "Not found", status: 404 })) },
  /Problem\/required/,
);

breaking("a problem whose status member differs from the HTTP status fails",
  { request: get("/api/v1/provinces/TH-99"), response: reply(404, problemType, problem("not-found", 400)) },
  /problem status member 400 answered with HTTP 404/,
);

breaking("a body where the response declares none fails",
  { request: { method: "POST", target: "/api/v1/auth/logout", headers: {} }, response: reply(204, json, "{}") },
  /body .* where the document declares none/,
);

// One run over all of them (loading the document is the slow part), then each
// is looked for in its report: its own message, and as many breaks as cases.
const broken = run([health, ...breaks.map((b) => b.exchange)]);

test("the broken recording fails as a whole", () => {
  assert.equal(broken.code, 1, broken.output);
  assert.match(broken.output, new RegExp(`; ${breaks.length} exchanges break the contract \\(${breaks.length} distinct\\)`));
});

for (const { name, pattern } of breaks) {
  test(name, () => assert.match(broken.output, pattern));
}

test("a recording with no exchanges fails", () => {
  const { code, output } = run([]);
  assert.equal(code, 1, output);
  assert.match(output, /no exchanges were recorded/);
});
