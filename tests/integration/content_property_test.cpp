// Property, on each database: nothing the server accepts can make a later
// read fail. Thousands of generated JSON texts (mutations of real plan
// content: unknown members at any depth, edge numbers such as 1e309, -0,
// 9223372036854775808 and 1e-400, Thai text, escapes valid and invalid,
// invalid UTF-8, nesting too deep) go through the real API: content saves
// on a plan of each plan type, plan creation, live validation, comments and
// progress entries. Every answer is a 2xx, or a 4xx problem+json whose bad
// input is named by a field; after every accepted one, what was stored is
// read back through every route that serves it (the plan, its revisions,
// the diff, the report and its renderings) and must be 200, parse as JSON
// and equal what was sent (in the plan type's current shape: content in an
// earlier one is stored upgraded). The seed is fixed: a failure reproduces.
#include "../support/app_server.hpp"
#include "../support/databases.hpp"
#include "../support/files.hpp"

#include <planflow/auth/crypto.hpp>
#include <planflow/plugin/registry.hpp>
#include <planflow/util/canonical_json.hpp>
#include <planflow/util/json_parse.hpp>

#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <set>

namespace planflow::test {
namespace {

namespace json = boost::json;

const std::string k_password = "correct horse battery";
const std::string k_office = "สำนักงานจังหวัดนราธิวาส";
constexpr std::uint64_t k_seed = 0x706c616e666c6f77;  // "planflow"
constexpr int k_documents = 3000;
constexpr int k_max_approvals = 3;  // random content driven into the reports

// ---------------------------------------------------------------- generation

const std::vector<std::string> k_edge_numbers = {"0",
                                                 "-0",
                                                 "-0.0",
                                                 "0e0",
                                                 "1",
                                                 "-1",
                                                 "0.1",
                                                 "2567",
                                                 "1e308",
                                                 "-1e308",
                                                 "1.7976931348623157e308",
                                                 "1.7976931348623159e308",
                                                 "1e309",
                                                 "-1e309",
                                                 "1e999",
                                                 "-1e999",
                                                 "1E400",
                                                 "1e-400",
                                                 "-1e-400",
                                                 "4.9e-324",
                                                 "2.4703282292062327e-324",
                                                 "2.2250738585072014e-308",
                                                 "9223372036854775807",
                                                 "9223372036854775808",
                                                 "-9223372036854775808",
                                                 "-9223372036854775809",
                                                 "18446744073709551615",
                                                 "18446744073709551616",
                                                 "123456789012345678901234567890",
                                                 "1e99999999999999999999",
                                                 "-1.9934908051011654e189",
                                                 "100.005",
                                                 "1e-7",
                                                 "99999999999.99",
                                                 "1000000000000",
                                                 "12.5",
                                                 "-20000"};

// Tokens that are not JSON at all.
const std::vector<std::string> k_garbage = {"NaN", "Infinity", "-Infinity", "01",       "1.",  "-",
                                            "+1",  "0x10",     ".5",        "1e",       "tru", "nul",
                                            "'x'", "[1,]",     "{\"a\" 1}", "\"\\x41\""};

// Pieces of string literals (JSON-escaped where they are escapes): mostly
// valid Thai and ASCII, sometimes an invalid escape or invalid UTF-8.
const std::vector<std::string> k_valid_pieces = {"abc",
                                                 "แผนปฏิบัติการ",
                                                 "๒๕๖๗",
                                                 "สำนักงานจังหวัดนราธิวาส",
                                                 " ",
                                                 "\\u0e01\\u0e02",
                                                 "\\ud83d\\ude00",
                                                 "\\u0000",
                                                 "\\n\\t",
                                                 "\\\"",
                                                 "\\\\",
                                                 "/",
                                                 "\xe2\x80\x8b" /* zero width space */,
                                                 "e\xcc\x81" /* combining accent */,
                                                 "TH-96",
                                                 "https://example.go.th/a.pdf",
                                                 "~1",
                                                 "a/b"};
const std::vector<std::string> k_invalid_pieces = {"\\ud800",
                                                   "\\udc00",
                                                   "\\u12",
                                                   "\\q",
                                                   "\xff",
                                                   "\xe0\xb8" /* truncated */,
                                                   "\xc0\xaf" /* overlong */,
                                                   "\xed\xa0\x80" /* a surrogate in UTF-8 */,
                                                   "\x01" /* unescaped control */};
const std::vector<std::string> k_keys = {"colour", "",     "a/b",     "~",           "title",    "id",  "__proto__",
                                         "2567",   "๒๕๖๗", "ความเห็น", "budget_baht", "x-labels", "$ref"};

class generator {
 public:
  explicit generator(std::uint64_t seed) : rng_(seed) {}

  std::size_t below(std::size_t n) { return n == 0 ? 0 : std::size_t(rng_() % n); }
  bool chance(int percent) { return int(below(100)) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& from) {
    return from[below(from.size())];
  }

  std::string number() {
    if (chance(60)) return pick(k_edge_numbers);
    std::string out = chance(30) ? "-" : "";
    out += std::to_string(1 + below(9));
    for (std::size_t i = below(20); i > 0; --i) out += char('0' + below(10));
    if (chance(40)) out += "." + std::to_string(below(100000));
    if (chance(40)) out += "e" + std::to_string(int(below(801)) - 400);
    return out;
  }

  std::string string_literal(bool allow_invalid = true) {
    std::string out = "\"";
    if (chance(2)) out += std::string(2000, 'x') + "ก";
    for (std::size_t i = below(4); i > 0; --i) {
      out += allow_invalid && chance(4) ? pick(k_invalid_pieces) : pick(k_valid_pieces);
    }
    return out + "\"";
  }

  std::string key_literal() { return chance(70) ? json::serialize(json::string(pick(k_keys))) : string_literal(); }

  // Any JSON value (or, rarely, something that is not JSON).
  std::string value(int depth) {
    switch (below(10)) {
      case 0:
      case 1:
      case 2:
        return number();
      case 3:
      case 4:
      case 5:
        return string_literal();
      case 6:
        return pick(std::vector<std::string>{"true", "false", "null"});
      case 7:
        if (depth > 0) {
          std::string out = "{";
          for (std::size_t i = below(4); i > 0; --i) {
            out += (out.size() > 1 ? "," : "") + key_literal() + ":" + value(depth - 1);
          }
          return out + "}";
        }
        return number();
      case 8:
        if (depth > 0) {
          std::string out = "[";
          for (std::size_t i = below(4); i > 0; --i) out += (out.size() > 1 ? "," : "") + value(depth - 1);
          return out + "]";
        }
        return string_literal();
      default:
        return chance(30) ? pick(k_garbage) : number();
    }
  }

  // `base` written out as JSON text with `count` mutations at random nodes.
  std::string mutate(const json::value& base, std::size_t count) {
    targets_.clear();
    const std::size_t nodes = count_nodes(base);
    for (std::size_t i = 0; i < count; ++i) targets_.emplace(below(nodes), below(6));
    node_ = 0;
    std::string out;
    write(base, out, 0);
    return out;
  }

 private:
  static std::size_t count_nodes(const json::value& v) {
    std::size_t n = 1;
    if (const auto* o = v.if_object()) {
      for (const auto& m : *o) n += count_nodes(m.value());
    } else if (const auto* a = v.if_array()) {
      for (const auto& item : *a) n += count_nodes(item);
    }
    return n;
  }

  void write(const json::value& v, std::string& out, int depth) {
    const std::size_t here = node_++;
    auto target = targets_.lower_bound({here, 0});
    const int kind = target != targets_.end() && target->first == here ? int(target->second) : -1;
    switch (kind) {
      case 0:  // replaced by anything
        skip(v);
        out += value(3);
        return;
      case 1:  // an edge number or a string instead
        skip(v);
        out += chance(50) ? number() : string_literal();
        return;
      case 2:  // buried deeper than any reader may go
        if (chance(30)) {
          skip(v);
          out += std::string(40, '[') + "1" + std::string(40, ']');
          return;
        }
        break;
      default:
        break;
    }
    if (const auto* o = v.if_object()) {
      out += "{";
      bool first = true;
      auto member = [&](const std::string& key_text, const std::string& value_text) {
        out += (first ? "" : ",") + key_text + ":" + value_text;
        first = false;
      };
      const std::size_t drop = kind == 3 && !o->empty() ? below(o->size()) : o->size();
      std::size_t i = 0;
      for (const auto& m : *o) {
        if (i++ == drop) {
          skip(m.value());
          continue;
        }
        std::string value_text;
        write(m.value(), value_text, depth + 1);
        member(json::serialize(m.key()), value_text);
        if (kind == 4 && i == 1) member(json::serialize(m.key()), value(1));  // the same key twice
      }
      if (kind == 5 || (kind == 4 && o->empty())) member(key_literal(), value(2));  // an unknown member
      out += "}";
    } else if (const auto* a = v.if_array()) {
      out += "[";
      for (std::size_t i = 0; i < a->size(); ++i) {
        if (i) out += ",";
        write((*a)[i], out, depth + 1);
      }
      if (kind == 5) out += std::string(a->empty() ? "" : ",") + value(2);
      out += "]";
    } else {
      out += kind >= 3 ? value(1) : json::serialize(v);
    }
  }

  // Counts the nodes of a subtree that is not written, so later targets stay where they were drawn.
  void skip(const json::value& v) { node_ += count_nodes(v) - 1; }

  std::mt19937_64 rng_;
  std::set<std::pair<std::size_t, std::size_t>> targets_;  // (node, kind)
  std::size_t node_ = 0;
};

// ---------------------------------------------------------------- the checks

struct reply {
  int status = 0;
  std::string type;
  std::string text;
  json::value body;  // parsed (exact doubles, deep nesting allowed) when JSON
  bool parsed = false;
};

std::string excerpt(const std::string& s) { return s.size() > 600 ? s.substr(0, 600) + "…" : s; }

class content_property_test : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    server.add_user("admin", k_password, {{"admin", "", ""}});
    admin = login("admin");
    office = call(admin, "POST", "/api/v1/agencies", R"({"province":"TH-96","name_th":")" + k_office + "\"}")
                 .body.at("id")
                 .as_int64();
    user("officer", R"([{"role":"agency_officer"}])", office);
    user("head", R"([{"role":"agency_head"}])", office);
    for (auto name : {"member1", "member2"}) user(name, R"([{"role":"committee_member","province":"TH-96"}])");
    officer = login("officer");
    head = login("head");
    members = {login("member1"), login("member2")};
  }

  void user(const std::string& name, const std::string& roles, std::optional<std::int64_t> agency = {}) {
    std::string body = R"({"username":")" + name + R"(","display_name":")" + name + R"(","password":")" + k_password +
                       R"(","roles":)" + roles + (agency ? ",\"agency\":" + std::to_string(*agency) : "") + "}";
    ASSERT_EQ(call(admin, "POST", "/api/v1/users", body).status, 201);
  }

  std::string login(const std::string& name) {
    api_client c(server.port());
    EXPECT_EQ(c.login(name, k_password).status, 200) << name;
    return c.token();
  }

  reply call(const std::string& token, const std::string& method, const std::string& target,
             const std::string& body = {}, std::map<std::string, std::string> headers = {}) {
    headers.emplace("Authorization", "Bearer " + token);
    auto raw = fetch(server.port(), method, target, body, headers);
    reply out{raw.status, raw.header("content-type"), raw.body, nullptr, false};
    if (out.type.find("json") != std::string::npos) {
      auto parsed = parse_json(raw.body, 2 * k_json_max_depth);
      EXPECT_FALSE(parsed.error) << method << " " << target << " answered text that is not JSON: " << excerpt(raw.body);
      out.body = std::move(parsed.value);
      out.parsed = !parsed.error;
    }
    return out;
  }

  // A read after an accepted write: 200 and JSON.
  json::value read(const std::string& target, const std::string& token = {}) {
    auto r = call(token.empty() ? officer : token, "GET", target);
    EXPECT_EQ(r.status, 200) << "GET " << target << " after: " << excerpt(last_sent) << "\n" << excerpt(r.text);
    return r.body;
  }

  // Every answer: never 5xx; a refusal is problem+json, and bad input names its field.
  void expect_sound(const reply& r, const std::string& what) {
    ASSERT_LT(r.status, 500) << what << " answered " << r.status << " to:\n"
                             << excerpt(last_sent) << "\n"
                             << excerpt(r.text);
    ASSERT_GE(r.status, 200) << what;
    if (r.status < 400) return;
    ASSERT_EQ(r.type, "application/problem+json") << what;
    ASSERT_TRUE(r.parsed && r.body.is_object()) << what;
    if (r.status != 400 && r.status != 422) return;
    const auto* errors = r.body.as_object().if_contains("errors");
    ASSERT_TRUE(errors && errors->is_array() && !errors->as_array().empty())
        << what << ": a " << r.status << " must name the field: " << excerpt(r.text) << "\nfor: " << excerpt(last_sent);
    for (const auto& e : errors->as_array()) {
      ASSERT_TRUE(e.at("pointer").is_string() && !e.at("pointer").as_string().empty()) << excerpt(r.text);
      ASSERT_TRUE(e.at("detail").is_string()) << excerpt(r.text);
    }
  }

  // What the server stores for `text` as content of `type`: the text as
  // JSON, each number exactly as written, in the plan type's current shape.
  static json::value as_stored(const std::string& text, const std::string& type) {
    static const auto* types = [] {
      auto* r = new plugin::registry;
      r->load_directory(PLANFLOW_PLUGIN_DIR);
      return r;
    }();
    auto value = parse_json(text).value;
    const auto* plan_type = types->find(type);
    return plan_type ? plan_type->upgrade_content(std::move(value)) : value;
  }

  // The plan as every route serves it: equal to `expected`, hashed as signed.
  void expect_served(std::int64_t plan, int revision, const json::value& expected) {
    const std::string url = "/api/v1/plans/" + std::to_string(plan);
    auto p = read(url);
    if (!p.is_object()) return;
    EXPECT_EQ(p.at("revision"), revision);
    EXPECT_EQ(p.at("content"), expected) << "GET " << url << " serves other content than was stored, for:\n"
                                         << excerpt(last_sent);
    EXPECT_EQ(p.at("content_sha256"), json::string(auth::sha256_hex(canonical_json(expected))));
    auto rev = read(url + "/revisions/" + std::to_string(revision));
    if (rev.is_object()) {
      EXPECT_EQ(rev.at("content"), expected);
    }
    read(url + "/revisions");
    read(url + "/diff");
  }

  std::int64_t create_plan(const std::string& type, const std::string& content_text, int fiscal_year = 2567) {
    auto r = call(officer, "POST", "/api/v1/plans",
                  R"({"plan_type":")" + type + R"(","title":"แผนทดสอบ","province":"TH-96","agency":)" +
                      std::to_string(office) + R"(,"fiscal_year":)" + std::to_string(fiscal_year) + R"(,"content":)" +
                      content_text + "}");
    EXPECT_EQ(r.status, 201) << type << ": " << excerpt(r.text);
    return r.status == 201 ? r.body.at("id").as_int64() : 0;
  }

  // Submitted, endorsed and approved: the plan's content becomes report items.
  bool approve(std::int64_t plan) {
    const std::string url = "/api/v1/plans/" + std::to_string(plan) + "/actions/";
    if (call(officer, "POST", url + "submit", "{}").status != 200) return false;
    EXPECT_EQ(call(head, "POST", url + "endorse", "{}").status, 200);
    EXPECT_EQ(call(members[0], "POST", url + "approve", "{}").status, 200);
    EXPECT_EQ(call(members[1], "POST", url + "approve", "{}").status, 200);
    return true;
  }

  // The provincial report in each format, for the quarter and the year.
  void expect_renderings() {
    for (const std::string period : {"&quarter=1", ""}) {
      const std::string base = "/api/v1/reports/quarterly?province=TH-96&fiscal_year=2567" + period;
      read(base + "&format=json");
      for (const std::string format : {"csv", "xlsx", "html"}) {
        auto r = call(officer, "GET", base + "&format=" + format);
        EXPECT_EQ(r.status, 200) << format << " after:\n" << excerpt(last_sent) << "\n" << excerpt(r.text);
        EXPECT_FALSE(r.text.empty()) << format;
      }
    }
  }

  scratch_database db{GetParam()};
  app_server server{db.url()};
  std::string admin, officer, head;
  std::vector<std::string> members;
  std::int64_t office = 0;
  std::string last_sent;
};

TEST_P(content_property_test, nothing_accepted_can_make_a_later_read_fail) {
  const auto started = std::chrono::steady_clock::now();
  generator gen(k_seed);

  // Real content to mutate: each plugin's seed document as imported, its
  // empty template, and the test plan type's items.
  struct plan_under_test {
    std::string type;
    std::vector<json::value> bases;
    std::int64_t id = 0;
    int revision = 1;
    json::value current;  // what the plan holds, as sent
  };
  std::vector<plan_under_test> plans(3);
  plans[0].type = "anti_corruption_action_plan";
  plans[1].type = "ethics_promotion_plan";
  plans[2].type = "simple_plan";
  const std::map<std::string, std::string> seeds{{"anti_corruption_action_plan", "000_f86febe8b6e44396.txt"},
                                                 {"ethics_promotion_plan", "002_11b89dd9d74e0ac8.txt"}};
  for (auto& p : plans) {
    if (auto seed = seeds.find(p.type); seed != seeds.end()) {
      auto imported = call(officer, "POST", "/api/v1/imports?plan_type=" + p.type, seed_document(seed->second),
                           {{"Content-Type", "text/plain; charset=utf-8"}});
      ASSERT_EQ(imported.status, 200) << excerpt(imported.text);
      p.bases.push_back(imported.body.at("plan"));
    } else {
      p.bases.push_back(parse_json(R"({"items": [{"id": "a1", "title": "อบรม", "budget_baht": 10000, "target": 80,
                                        "agency": ")" +
                                   k_office + R"("}, {"id": "a2", "title": "ประชุม",
                                        "budget_baht": 2500.5}], "stated_total": 12500.5})")
                            .value);
    }
    p.bases.push_back(read("/api/v1/plan-types/" + p.type + "/template?province=TH-96&fiscal_year=2567"));
    // What the plugins make themselves is within their schemas: the host accepts it.
    p.id = create_plan(p.type, json::serialize(p.bases.front()));
    ASSERT_NE(p.id, 0);
    p.current = as_stored(json::serialize(p.bases.front()), p.type);
  }

  // A plan in its reports, with content at the edges of what is accepted,
  // so progress entries have somewhere to go and renderings have numbers.
  const auto reporting = create_plan("simple_plan", R"({"items": [
      {"id": "e1", "title": "ก\u0e01 \ud83d\ude00 \"q\" <b>&amp;</b>", "budget_baht": 1e11, "target": 1e308, "agency": ")" +
                                                        k_office + R"("},
      {"id": "e2", "title": "", "budget_baht": 0, "target": -0.0},
      {"id": "e3", "title": "=1+1", "budget_baht": 4.9e-324, "target": -1.9934908051011654e189}],
      "stated_total": 1e11, "note": {"unknown": ["kept", -0.0, 1e308]}})");
  ASSERT_TRUE(approve(reporting));
  auto reports = read("/api/v1/plans/" + std::to_string(reporting) + "/reports");
  ASSERT_TRUE(reports.is_object());
  const std::string q1 = "/api/v1/reports/" + std::to_string(reports.at("items").as_array()[0].at("id").as_int64());
  expect_renderings();

  int accepted = 0, refused = 0, approvals = 0;
  std::map<int, int> statuses;
  for (int i = 0; i < k_documents && !HasFatalFailure(); ++i) {
    auto& p = plans[std::size_t(i) % plans.size()];
    const std::string text = gen.mutate(gen.pick(p.bases), gen.below(4));
    const std::size_t route = gen.below(20);
    last_sent = text;
    reply r;
    if (route < 13) {  // a content save
      r = call(officer, "PUT", "/api/v1/plans/" + std::to_string(p.id) + "/content", text,
               {{"If-Match", "\"" + std::to_string(p.revision) + "\""}});
      expect_sound(r, "PUT content (" + p.type + ")");
      ASSERT_TRUE(r.status == 200 || r.status == 400 || r.status == 422) << r.status << excerpt(r.text);
      if (r.status == 200) {
        const auto sent = as_stored(text, p.type);
        // Content the plan holds already (a mutation that changed nothing) makes no revision.
        if (canonical_json(sent) != canonical_json(p.current)) ++p.revision;
        p.current = sent;
        EXPECT_EQ(r.body.at("revision"), p.revision) << excerpt(text);
        EXPECT_EQ(r.body.at("content"), sent) << "the save answered other content than was sent:\n" << excerpt(text);
        expect_served(p.id, p.revision, sent);
        // Random content without errors goes on into the reports, a few times.
        const auto& findings = r.body.at("findings").as_array();
        const bool clean = std::ranges::none_of(findings, [](const auto& f) { return f.at("severity") == "error"; });
        if (clean && p.type == "simple_plan" && approvals < k_max_approvals) {
          ++approvals;
          if (auto id = create_plan(p.type, text); id && approve(id)) expect_renderings();
        }
      } else {
        read("/api/v1/plans/" + std::to_string(p.id));  // a refusal leaves the plan readable
      }
    } else if (route < 15) {  // live validation
      r = call(officer, "POST", "/api/v1/plan-types/" + p.type + "/validate?province=TH-96&fiscal_year=2567", text);
      expect_sound(r, "validate (" + p.type + ")");
    } else if (route < 16) {  // a new plan
      last_sent = R"({"plan_type":")" + p.type + R"(","title":)" + gen.string_literal() +
                  R"(,"province":"TH-96","agency":)" + std::to_string(office) + R"(,"fiscal_year":)" +
                  (gen.chance(80) ? "2567" : gen.number()) + R"(,"content":)" + text + "}";
      r = call(officer, "POST", "/api/v1/plans", last_sent);
      expect_sound(r, "POST plan (" + p.type + ")");
      if (r.status == 201) read("/api/v1/plans/" + std::to_string(r.body.at("id").as_int64()));
    } else if (route < 18) {  // a comment
      last_sent = R"({"body":)" + gen.string_literal() +
                  (gen.chance(50) ? R"(,"anchor":)" + gen.string_literal() : "") +
                  (gen.chance(10) ? "," + gen.key_literal() + ":" + gen.value(1) : "") + "}";
      r = call(officer, "POST", "/api/v1/plans/" + std::to_string(p.id) + "/comments", last_sent);
      expect_sound(r, "POST comment");
      if (r.status == 201) read("/api/v1/plans/" + std::to_string(p.id) + "/comments");
    } else {  // a progress entry
      std::string body =
          R"({"status":)" +
          (gen.chance(80)
               ? json::serialize(json::string(gen.pick(std::vector<std::string>{"not_started", "in_progress", "done"})))
               : gen.string_literal());
      for (const std::string field : {"percent_complete", "disbursed_baht", "result_value"}) {
        if (gen.chance(50)) body += ",\"" + field + "\":" + (gen.chance(70) ? gen.number() : gen.value(1));
      }
      if (gen.chance(30)) body += R"(,"narrative":)" + gen.string_literal();
      if (gen.chance(20)) body += R"(,"evidence":[)" + gen.string_literal() + "]";
      if (gen.chance(20)) body += R"(,"over_budget_reason":"งบเพิ่ม")";
      if (gen.chance(10)) body += "," + gen.key_literal() + ":" + gen.value(1);
      last_sent = body + "}";
      const std::string item = gen.pick(std::vector<std::string>{"e1", "e2", "e3"});
      r = call(officer, "PUT", q1 + "/entries/" + item, last_sent);
      expect_sound(r, "PUT entry");
      if (r.status == 200) read(q1);
    }
    ++statuses[r.status];
    (r.status < 300 ? accepted : refused) += 1;
  }

  // The entries feed the renderings once confirmed.
  for (const std::string item : {"e1", "e2", "e3"})
    call(officer, "PUT", q1 + "/entries/" + item, R"({"status":"done"})");
  EXPECT_EQ(call(head, "POST", q1 + "/confirm", "{}").status, 200);
  expect_renderings();

  std::string summary;
  for (auto [status, n] : statuses) summary += " " + std::to_string(status) + "×" + std::to_string(n);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "[ property ] " << accepted << " accepted, " << refused << " refused (" << summary << "), " << approvals
            << " random plans approved, " << seconds << " s\n";
  // The generator must exercise both sides of the property.
  EXPECT_GT(accepted, k_documents / 5);
  EXPECT_GT(refused, k_documents / 5);
}

// The case in issue 11: an unknown member holding 1e999 was stored, and every
// GET of the plan answered 500 from then on. Now it is refused, naming the
// field, on every plan type and every route that takes content.
TEST_P(content_property_test, unknown_members_and_unstorable_numbers_are_refused_naming_the_field) {
  for (const std::string type : {"anti_corruption_action_plan", "ethics_promotion_plan"}) {
    auto content = read("/api/v1/plan-types/" + type + "/template?province=TH-96&fiscal_year=2567").as_object();
    const auto id = create_plan(type, json::serialize(content));
    const std::string url = "/api/v1/plans/" + std::to_string(id);
    auto pointers = [](const reply& r) {
      std::set<std::string> out;
      if (r.body.is_object() && r.body.as_object().contains("errors")) {
        for (const auto& e : r.body.at("errors").as_array()) out.insert(std::string(e.at("pointer").as_string()));
      }
      return out;
    };
    std::string text = json::serialize(content);
    text.insert(text.size() - 1, R"(,"colour":1e999)");
    auto r = call(officer, "PUT", url + "/content", text, {{"If-Match", "\"1\""}});
    EXPECT_EQ(r.status, 422) << type;
    EXPECT_EQ(pointers(r), std::set<std::string>{"/colour"}) << type;

    auto known = content;
    known["colour"] = "blue";  // a number that fits is no better: no form shows the member
    known["province"].as_object()["district"] = "เมือง";
    r = call(officer, "PUT", url + "/content", json::serialize(known), {{"If-Match", "\"1\""}});
    const std::set<std::string> both{"/colour", "/province/district"};
    EXPECT_EQ(r.status, 422) << type;
    EXPECT_EQ(pointers(r), both) << type;
    r = call(officer, "POST", "/api/v1/plan-types/" + type + "/validate", json::serialize(known));
    EXPECT_EQ(r.status, 422) << type;
    EXPECT_EQ(pointers(r), both) << type;

    r = call(officer, "POST", "/api/v1/plans",
             R"({"plan_type":")" + type + R"(","title":"x","province":"TH-96","agency":)" + std::to_string(office) +
                 R"(,"fiscal_year":2567,"content":)" + json::serialize(known) + "}");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(pointers(r), (std::set<std::string>{"/content/colour", "/content/province/district"}));

    // Nothing was stored: the plan reads as before, at revision 1.
    auto plan = read(url);
    EXPECT_EQ(plan.at("revision"), 1);
    EXPECT_EQ(plan.at("content"), content);
  }
}

INSTANTIATE_TEST_SUITE_P(db, content_property_test, testing::ValuesIn(available_backends()), backend_name{});

}  // namespace
}  // namespace planflow::test
