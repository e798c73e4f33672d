#include <planflow/api/access.hpp>
#include <planflow/api/params.hpp>
#include <planflow/api/plan_json.hpp>
#include <planflow/api/plan_read.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/api/visible.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/directory/agencies.hpp>
#include <planflow/directory/delegations.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/http/conditional.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/util/json_text.hpp>

#include <algorithm>
#include <map>

namespace planflow::api {
namespace {

boost::json::value nullable(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

// Display names for the people a response mentions, looked up once each.
class names {
 public:
  explicit names(soci::session& sql) : sql_(sql) {}
  boost::json::value of(const std::optional<std::int64_t>& id) {
    if (!id) return nullptr;
    auto [it, inserted] = cache_.try_emplace(*id);
    if (inserted) {
      auto u = directory::find_user(sql_, *id);
      it->second = u ? u->display_name : "#" + std::to_string(*id);
    }
    return boost::json::value(boost::json::string(it->second));
  }

 private:
  soci::session& sql_;
  std::map<std::int64_t, std::string> cache_;
};

boost::json::object summary_json(app::context& ctx, const plans::plan& p) {
  auto def = ctx.workflows.get(p.state.workflow_id, p.state.workflow_version);
  const auto* stage = def ? def->find_stage(p.state.stage) : nullptr;
  boost::json::object out{{"id", p.id},
                          {"plan_type", p.plan_type},
                          {"title", p.title},
                          {"province", p.province_code},
                          {"agency", p.agency_id},
                          {"fiscal_year", p.fiscal_year},
                          {"stage", p.state.stage},
                          {"stage_kind", stage ? std::string(workflow::to_string(stage->kind)) : std::string()},
                          {"stage_title", {{"th", stage ? stage->title.th : ""}, {"en", stage ? stage->title.en : ""}}},
                          {"stage_entered_at", p.state.stage_entered_at},
                          {"deadline_at", p.state.deadline_at ? boost::json::value(*p.state.deadline_at) : nullptr},
                          {"revision", p.state.revision},
                          {"revision_rounds", p.state.revision_rounds},
                          {"workflow", {{"id", p.state.workflow_id}, {"version", p.state.workflow_version}}},
                          {"created_by", p.created_by},
                          {"created_at", p.created_at},
                          {"updated_at", p.updated_at}};
  return out;
}

boost::json::array actions_json(const std::vector<workflow::available_action>& actions) {
  boost::json::array out;
  for (const auto& a : actions) {
    boost::json::array blocked, why;
    for (const auto& b : a.blocked_by) {
      blocked.push_back(boost::json::string(b.text));
      why.push_back(b.to_json());
    }
    out.push_back({{"action", a.action},
                   {"title", {{"th", a.title.th}, {"en", a.title.en}}},
                   {"to", a.to},
                   {"as_role", a.as_role},
                   {"comment_required", a.comment_required},
                   {"signature", a.signature},
                   {"enabled", a.enabled},
                   {"blocked_by", std::move(blocked)},
                   {"blocked", std::move(why)},
                   {"guards", workflow::guards_json(a.guards)}});
  }
  return out;
}

boost::json::object full_json(app::context& ctx, const plans::plan& p, const directory::user& user) {
  auto out = summary_json(ctx, p);
  auto rev = ctx.plans.get_revision(p.id, p.state.revision);
  const auto& type = ctx.plans.type_of(p.plan_type);
  auto findings = type.validate(rev->content, ctx.plans.context_for(p.province_code, p.fiscal_year));
  out["content"] = rev->content;
  out["content_sha256"] = rev->content_sha256;
  out["findings"] = findings_json(findings);
  out["totals"] = totals_json(type, rev->content);
  out["available_actions"] = actions_json(ctx.engine.available_actions(p.state, user));

  storage::lease session(ctx.db);
  names people(*session);
  if (auto agency = directory::find_agency(*session, p.agency_id)) out["agency_name_th"] = agency->name_th;
  boost::json::array sigs;
  for (const auto& s : ctx.engine.signatures(*session, p.state.id)) {
    sigs.push_back({{"user_id", s.user_id},
                    {"user", people.of(s.user_id)},
                    {"on_behalf_of", nullable(s.on_behalf_of)},
                    {"on_behalf_of_name", people.of(s.on_behalf_of)},
                    {"role", s.role},
                    {"revision", s.revision},
                    {"content_sha256", s.content_sha256},
                    {"comment", s.comment},
                    {"signed_at", s.signed_at},
                    {"current", !s.voided_at && s.stage_seq == p.state.stage_seq && s.revision == p.state.revision},
                    {"voided_at", s.voided_at ? boost::json::value(*s.voided_at) : nullptr}});
  }
  out["signatures"] = std::move(sigs);
  out["may_edit"] = ctx.engine.may_edit(*session, p.state, user);
  return out;
}

}  // namespace

plan_reading read_plan(app::context& ctx, const plans::plan& p, const directory::user& user) {
  plan_reading out;
  out.body = json_text(full_json(ctx, p, user));
  out.etag = "\"" + std::to_string(p.state.revision) + "-" + auth::sha256_hex(out.body).substr(0, 16) + "\"";
  return out;
}

bool names_current(const revision_condition& condition, app::context& ctx, const plans::plan& p,
                   const directory::user& user) {
  if (condition.admits(p.state.revision)) return true;
  // Only read (a whole plan) when a tag could be its ETag.
  return !condition.tags.empty() &&
         std::ranges::find(condition.tags, read_plan(ctx, p, user).etag) != condition.tags.end();
}

namespace {

// A plan awaits someone who can act on it now, unless they have had their
// say already: a committee member who signed can still request changes, but
// the plan is no longer waiting for them.
bool awaits(const std::vector<workflow::available_action>& actions) {
  const bool can_act = std::ranges::any_of(actions, [](const auto& a) { return a.enabled; });
  const bool signed_already = std::ranges::any_of(actions, [](const auto& a) { return a.signature && !a.enabled; });
  return can_act && !signed_already;
}

http::response create_plan(app::context& ctx, http::request& req, const directory::user& user) {
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  plans::new_plan input;
  input.plan_type = in.required_string("plan_type", 64);
  input.title = in.required_string("title", 500);
  input.province_code = in.required_string("province", 8);
  input.agency_id = in.required_int("agency", 1, std::numeric_limits<std::int64_t>::max());
  input.fiscal_year = int(in.required_int("fiscal_year", 2500, 2700));
  const auto* content = in.optional_value("content");
  if (content && !content->is_object()) in.reject("content", error::messages::not_object);
  input.workflow_id = in.optional_string("workflow", 64).value_or("");
  input.workflow_version = int(in.optional_int("workflow_version", 1, 1'000'000).value_or(0));
  in.reject_unknown();
  {
    storage::lease session(ctx.db);
    if (!input.province_code.empty() && !directory::find_province(*session, input.province_code)) {
      errors.push_back({"/province", error::messages::province_code_example});
    }
    auto agency = input.agency_id ? directory::find_agency(*session, input.agency_id) : std::nullopt;
    if (input.agency_id && !agency) errors.push_back({"/agency", error::messages::no_such_agency});
    if (agency && agency->province_code != input.province_code) {
      errors.push_back({"/agency",
                        error::messages::agency_elsewhere,
                        {{"agency_province", agency->province_code}, {"province", input.province_code}}});
    }
  }
  if (!input.plan_type.empty() && !ctx.plan_types.find(input.plan_type)) {
    errors.push_back({"/plan_type", error::messages::plan_type_not_loaded, {{"plan_type", input.plan_type}}});
  }
  error::throw_if_invalid(std::move(errors));
  policy::require(actor_of(ctx, user), policy::action::create_plan,
                  policy::resource::in(input.province_code, input.plan_type, input.agency_id));
  const auto& type = ctx.plans.type_of(input.plan_type);
  input.content =
      content ? *content
              : boost::json::value(type.empty_content(ctx.plans.context_for(input.province_code, input.fiscal_year)));
  auto created = ctx.plans.create(input, user, req.remote_address);
  auto reading = read_plan(ctx, created, user);
  auto res = http::response::json(201, std::move(reading.body));
  res.set_header("Location", "/api/v1/plans/" + std::to_string(created.id));
  res.set_header("ETag", reading.etag);
  return res;
}

http::response list_plans(app::context& ctx, http::request& req, const directory::user& user) {
  plans::filter f;
  f.stage = req.query_param("stage").value_or("");
  f.plan_type = req.query_param("plan_type").value_or("");
  f.province_code = req.query_param("province").value_or("");
  f.agency_id = int_query(req, "agency", 1, std::numeric_limits<std::int64_t>::max());
  if (auto year = int_query(req, "fiscal_year", 2500, 2700)) f.fiscal_year = int(*year);
  f.title_contains = req.query_param("q").value_or("");
  if (http::utf8_length(f.title_contains) > 200) {
    throw error::invalid_parameter("q", error::messages::too_long, {{"max", 200}});
  }
  auto cursor = int_query(req, "cursor", 1, std::numeric_limits<std::int64_t>::max());
  auto limit = int(int_query(req, "limit", 1, 200).value_or(50));
  const auto awaiting = req.query_param("awaiting").value_or("");
  if (!awaiting.empty() && awaiting != "me") {
    throw error::invalid_parameter("awaiting", error::messages::must_be_me);
  }
  policy::restrict_to_visible(f, actor_of(ctx, user), ctx.workflows.editing_stage_ids());
  boost::json::array items;
  std::optional<std::int64_t> next = cursor;
  // An inbox is the visible plans on which the caller can act now. Whether
  // one can is the engine's decision (roles, delegations, signatures,
  // guards), so it is asked per plan, reading further pages until the page
  // is full.
  do {
    auto page = ctx.plans.list(f, next, limit);
    next = page.next_cursor;
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      const auto& p = page.items[i];
      if (items.size() == std::size_t(limit)) {
        next = page.items[i - 1].id;  // the cursor is exclusive: resume after the last plan looked at
        break;
      }
      if (awaiting.empty() || awaits(ctx.engine.available_actions(p.state, user))) {
        items.push_back(summary_json(ctx, p));
      }
    }
  } while (!awaiting.empty() && next && items.size() < std::size_t(limit));
  boost::json::object out{{"items", std::move(items)}, {"next_cursor", nullable(next)}};
  return http::response::json(200, out);
}

http::response get_plan(app::context& ctx, http::request& req, const directory::user& user) {
  auto p = visible_plan(ctx, user, id_param(req));
  auto none_match = http::read_tag_condition(req, "If-None-Match");
  auto reading = read_plan(ctx, p, user);
  http::response res;
  if (none_match && none_match->matches_weakly(reading.etag)) {
    res.status = 304;  // the reader's copy is this very answer: ~100 KB not sent again
  } else {
    res = http::response::json(200, std::move(reading.body));
  }
  res.set_header("ETag", reading.etag);
  // Kept by the reader's browser only, and revalidated before each use.
  res.set_header("Cache-Control", "private, no-cache");
  return res;
}

http::response put_content(app::context& ctx, http::request& req, const directory::user& user) {
  auto p = visible_plan(ctx, user, id_param(req));
  auto condition = if_match_revisions(req);
  if (!condition) {
    throw error::problem(error::types::precondition_required, error::messages::if_match_required)
        .with_fields({{"header:If-Match", error::messages::required}});
  }
  auto content = http::parse_json_body(req);
  if (!content.is_object()) throw error::invalid("/", error::messages::content_not_object);
  if (!names_current(*condition, ctx, p, user)) {
    throw error::problem(error::types::stale_revision, error::messages::if_match_not_current,
                         {{"revision", p.state.revision}})
        .with_extension("revision", p.state.revision);
  }
  // Saved as the next revision only if the plan is still at this one when
  // the case is locked: a change in between is a 412 too.
  auto updated = ctx.plans.update_content(p.id, p.state.revision, content, user, req.remote_address);
  auto reading = read_plan(ctx, updated, user);
  auto res = http::response::json(200, std::move(reading.body));
  res.set_header("ETag", reading.etag);
  return res;
}

http::response list_revisions(app::context& ctx, http::request& req, const directory::user& user) {
  auto p = visible_plan(ctx, user, id_param(req));
  boost::json::array items;
  for (const auto& rev : ctx.plans.revisions(p.id)) {
    items.push_back({{"revision", rev.number},
                     {"content_sha256", rev.content_sha256},
                     {"errors", rev.error_count},
                     {"warnings", rev.warning_count},
                     {"created_by", rev.created_by},
                     {"created_at", rev.created_at}});
  }
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::response get_revision(app::context& ctx, http::request& req, const directory::user& user) {
  auto p = visible_plan(ctx, user, id_param(req));
  auto rev = ctx.plans.get_revision(p.id, int(std::min<std::int64_t>(id_param(req, "n"), 1'000'000)));
  if (!rev) throw error::not_found(error::messages::revision_not_found);
  boost::json::object out{
      {"revision", rev->number},      {"content", rev->content},        {"content_sha256", rev->content_sha256},
      {"errors", rev->error_count},   {"warnings", rev->warning_count}, {"created_by", rev->created_by},
      {"created_at", rev->created_at}};
  return http::response::json(200, out);
}

http::response diff_revisions(app::context& ctx, http::request& req, const directory::user& user) {
  auto p = visible_plan(ctx, user, id_param(req));
  auto from = int(int_query(req, "from", 1, 1'000'000).value_or(std::max(1, p.state.revision - 1)));
  auto to = int(int_query(req, "to", 1, 1'000'000).value_or(p.state.revision));
  auto a = ctx.plans.get_revision(p.id, from);
  auto b = ctx.plans.get_revision(p.id, to);
  if (!a || !b) throw error::not_found(error::messages::revision_not_found);
  auto out = plans::structural_diff(a->content, b->content);
  out["from"] = from;
  out["to"] = to;
  return http::response::json(200, out);
}

http::response list_comments(app::context& ctx, http::request& req, const directory::user& user) {
  auto p = visible_plan(ctx, user, id_param(req));
  storage::lease session(ctx.db);
  names people(*session);
  boost::json::array items;
  for (const auto& c : ctx.plans.comments(*session, p.id)) {
    items.push_back({{"id", c.id},
                     {"revision", c.revision},
                     {"author_id", c.author_id},
                     {"author", people.of(c.author_id)},
                     {"anchor", c.anchor},
                     {"body", c.body},
                     {"created_at", c.created_at}});
  }
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::response add_comment(app::context& ctx, http::request& req, const directory::user& user) {
  const auto who = actor_of(ctx, user);
  auto p = visible_plan(ctx, who, id_param(req));
  policy::require(who, policy::action::comment_on_plan, plan_resource(ctx, p));
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  auto text = in.required_string("body", 5000);
  auto anchor = in.optional_string("anchor", 500).value_or("");
  in.reject_unknown();
  error::throw_if_invalid(std::move(errors));
  auto c = ctx.plans.add_comment(p.id, user, anchor, text, req.remote_address);
  boost::json::object out{{"id", c.id},         {"revision", c.revision}, {"author_id", c.author_id},
                          {"anchor", c.anchor}, {"body", c.body},         {"created_at", c.created_at}};
  return http::response::json(201, out);
}

http::response get_history(app::context& ctx, http::request& req, const directory::user& user) {
  auto p = visible_plan(ctx, user, id_param(req));
  storage::lease session(ctx.db);
  names people(*session);
  boost::json::array items;
  for (const auto& e : ctx.engine.history(*session, p.state.id)) {
    boost::json::object item{{"seq", e.seq},
                             {"kind", e.kind},
                             {"action", e.action},
                             {"from", e.from_stage},
                             {"to", e.to_stage},
                             {"revision", e.revision},
                             {"actor_id", nullable(e.actor_id)},
                             {"actor", people.of(e.actor_id)},
                             {"on_behalf_of", nullable(e.on_behalf_of)},
                             {"on_behalf_of_name", people.of(e.on_behalf_of)},
                             {"role", e.actor_role},
                             {"comment", e.comment},
                             {"at", e.created_at}};
    items.push_back(std::move(item));
  }
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace

void add_plan_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_route(r, ctx, http::method::post, "/api/v1/plans", action::create_plan, create_plan);
  add_route(r, ctx, http::method::get, "/api/v1/plans", action::list_plans, list_plans);
  add_route(r, ctx, http::method::get, "/api/v1/plans/{id}", action::read_plan, get_plan);
  add_route(r, ctx, http::method::put, "/api/v1/plans/{id}/content", action::edit_plan, put_content);
  add_route(r, ctx, http::method::get, "/api/v1/plans/{id}/revisions", action::read_plan, list_revisions);
  add_route(r, ctx, http::method::get, "/api/v1/plans/{id}/revisions/{n}", action::read_plan, get_revision);
  add_route(r, ctx, http::method::get, "/api/v1/plans/{id}/diff", action::read_plan, diff_revisions);
  add_route(r, ctx, http::method::get, "/api/v1/plans/{id}/comments", action::read_plan, list_comments);
  add_route(r, ctx, http::method::post, "/api/v1/plans/{id}/comments", action::comment_on_plan, add_comment);
  add_route(r, ctx, http::method::get, "/api/v1/plans/{id}/history", action::read_plan, get_history);
}

}  // namespace planflow::api
