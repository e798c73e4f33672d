#include <planflow/api/access.hpp>
#include <planflow/api/params.hpp>
#include <planflow/api/plan_read.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/api/visible.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/util/canonical_json.hpp>
#include <planflow/util/utf8.hpp>

#include <boost/json/parse.hpp>

namespace planflow::api {
namespace {

// A key is text the client chose: compared byte for byte and stored, so it
// must be valid UTF-8 without control characters (a tab, U+0085...), or the
// database would refuse it (MariaDB: a 500) or two spellings would collide.
bool has_control_character(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) return true;
    // C1 controls, U+0080 to U+009F, are C2 80 to C2 9F in UTF-8.
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F) return true;
  }
  return false;
}

std::optional<std::string> idempotency_key(const http::request& req) {
  auto key = req.header("idempotency-key");
  if (!key) return std::nullopt;
  if (key->empty() || key->size() > 128) {
    throw error::invalid_header("Idempotency-Key", error::messages::key_length);
  }
  if (!is_valid_utf8(*key) || has_control_character(*key)) {
    throw error::invalid_header("Idempotency-Key", error::messages::key_text);
  }
  return std::string(*key);
}

// What a request asks, as far as a repeat with its Idempotency-Key must ask
// the same: where, with which comment, under which If-Match (as sent: the
// plan it names may have moved on by the time the repeat comes).
std::string request_sha256(const http::request& req, const std::string& comment) {
  boost::json::object asked{{"method", req.method_name}, {"path", req.path}, {"comment", comment}};
  asked["if_match"] = req.header("if-match") ? boost::json::value(std::string(*req.header("if-match"))) : nullptr;
  return auth::sha256_hex(canonical_json(asked));
}

http::response act_on_plan(app::context& ctx, http::request& req, const directory::user& user) {
  auto p = visible_plan(ctx, user, id_param(req));
  workflow::apply_request request;
  request.case_id = p.state.id;
  request.action = req.path_param("action");
  request.actor = user;
  request.comment = read_comment(req);
  if (auto condition = if_match_revisions(req); condition && !condition->any) {  // `*`: the plan exists
    // Checked again, under the case's lock, after whether the actor may act at all.
    request.expected_revisions =
        names_current(*condition, ctx, p, user) ? std::vector<int>{p.state.revision} : condition->revisions;
  }
  request.idempotency_key = idempotency_key(req);
  request.request_sha256 = request_sha256(req, request.comment);
  request.remote_address = req.remote_address;
  auto result = ctx.engine.apply(request);
  auto out = result.to_json();
  out["plan_id"] = p.id;
  auto res = http::response::json(200, out);
  if (result.replayed) res.set_header("Idempotent-Replayed", "true");
  return res;
}

// Several plans at once (a committee member approving a batch): each plan
// succeeds or fails on its own, in its own transaction.
http::response act_on_plans(app::context& ctx, http::request& req, const directory::user& user) {
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  const auto& ids = in.required_value("plan_ids");
  auto comment = in.optional_string("comment", 5000).value_or("");
  in.reject_unknown();
  std::vector<std::int64_t> plan_ids;
  if (!ids.is_null()) {
    if (!ids.is_array() || ids.as_array().empty() || ids.as_array().size() > 100) {
      errors.push_back({"/plan_ids", error::messages::plan_ids_shape});
    } else {
      for (std::size_t i = 0; i < ids.as_array().size(); ++i) {
        const auto& v = ids.as_array()[i];
        if (!v.is_int64() || v.as_int64() < 1) {
          errors.push_back({"/plan_ids/" + std::to_string(i), error::messages::positive_integer});
        } else {
          plan_ids.push_back(v.as_int64());
        }
      }
    }
  }
  error::throw_if_invalid(std::move(errors));
  boost::json::array results;
  int succeeded = 0;
  for (auto id : plan_ids) {
    boost::json::object item{{"plan_id", id}};
    try {
      auto p = visible_plan(ctx, user, id);
      workflow::apply_request request;
      request.case_id = p.state.id;
      request.action = req.path_param("action");
      request.actor = user;
      request.comment = comment;
      request.remote_address = req.remote_address;
      auto result = ctx.engine.apply(request).to_json();
      item["ok"] = true;
      item["status"] = 200;
      item["result"] = std::move(result);
      ++succeeded;
    } catch (const std::exception& e) {
      // Per item, whatever went wrong: the plans before it stay committed
      // and the answer says so, rather than a 500 for the whole batch.
      auto answer = http::to_response(error::to_problem(e, req.path), http::language_of(req));
      item["ok"] = false;
      item["status"] = answer.status;
      item["problem"] = boost::json::parse(answer.body);
    }
    results.push_back(std::move(item));
  }
  boost::json::object out{
      {"succeeded", succeeded}, {"failed", int(plan_ids.size()) - succeeded}, {"results", std::move(results)}};
  // 207-style answer in a 200: the request as a whole was understood.
  return http::response::json(200, out);
}

http::response migrate_workflow(app::context& ctx, http::request& req, const directory::user& user) {
  auto p = visible_plan(ctx, user, id_param(req));
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  auto version = int(in.required_int("version", 1, 1'000'000));
  const auto& mapping_json = in.required_value("stage_mapping");
  in.reject_unknown();
  std::map<std::string, std::string> mapping;
  if (!mapping_json.is_null()) {
    if (!mapping_json.is_object()) {
      errors.push_back({"/stage_mapping", error::messages::stage_mapping_shape});
    } else {
      for (const auto& kv : mapping_json.as_object()) {
        if (!kv.value().is_string()) {
          errors.push_back({pointer_append("/stage_mapping", kv.key()), error::messages::stage_id});
        } else {
          mapping[kv.key()] = kv.value().as_string();
        }
      }
    }
  }
  error::throw_if_invalid(std::move(errors));
  ctx.engine.migrate_case(p.state.id, version, mapping, user, req.remote_address);
  auto moved = *ctx.plans.find(p.id);
  boost::json::object out{{"plan_id", p.id},
                          {"workflow", {{"id", moved.state.workflow_id}, {"version", moved.state.workflow_version}}},
                          {"stage", moved.state.stage}};
  return http::response::json(200, out);
}

}  // namespace

void add_action_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_route(r, ctx, http::method::post, "/api/v1/plans/{id}/actions/{action}", action::act_on_plan, act_on_plan);
  add_route(r, ctx, http::method::post, "/api/v1/plans/actions/{action}", action::act_on_plan, act_on_plans);
  add_route(r, ctx, http::method::post, "/api/v1/plans/{id}/workflow-migration", action::migrate_plan_workflow,
            migrate_workflow);
}

}  // namespace planflow::api
