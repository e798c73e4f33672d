#include <planflow/api/access.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>

#include <charconv>

namespace planflow::api {
namespace {

int version_param(const http::request& req) {
  const auto& text = req.path_param("version");
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 1) {
    throw error::not_found(error::messages::workflow_version_from_one);
  }
  return value;
}

boost::json::object localized_json(const workflow::localized& t) { return {{"th", t.th}, {"en", t.en}}; }

std::shared_ptr<const workflow::definition> require_version(app::context& ctx, const http::request& req) {
  auto def = ctx.workflows.get(req.path_param("id"), version_param(req));
  if (!def) throw error::not_found(error::messages::workflow_version_not_found);
  return def;
}

http::response list_workflows(app::context& ctx, http::request&, const directory::user&) {
  boost::json::array items;
  for (const auto& w : ctx.workflows.list()) {
    boost::json::array types;
    for (const auto& t : w.plan_types) types.push_back(boost::json::string(t));
    items.push_back({{"id", w.id},
                     {"title", localized_json(w.title)},
                     {"plan_types", std::move(types)},
                     {"latest_version", w.latest_version},
                     {"default_version", w.default_version == 0 ? w.latest_version : w.default_version},
                     {"default_is_latest", w.default_version == 0}});
  }
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::response publish_workflow(app::context& ctx, http::request& req, const directory::user& user) {
  auto body = http::parse_json_body(req);
  auto published = ctx.workflows.publish(body, user.id);
  boost::json::object out{
      {"id", published.id}, {"version", published.version}, {"warnings", workflow::findings_json(published.warnings)}};
  auto res = http::response::json(201, out);
  res.set_header("Location", "/api/v1/workflows/" + published.id + "/versions/" + std::to_string(published.version));
  return res;
}

http::response list_versions(app::context& ctx, http::request& req, const directory::user&) {
  auto versions = ctx.workflows.versions(req.path_param("id"));
  if (versions.empty()) throw error::not_found(error::messages::workflow_not_found, {{"id", req.path_param("id")}});
  boost::json::array items;
  for (const auto& v : versions) {
    items.push_back(
        {{"version", v.version},
         {"content_sha256", v.content_sha256},
         {"origin", v.origin},
         {"published_by", v.published_by ? boost::json::value(*v.published_by) : boost::json::value(nullptr)},
         {"published_at", v.published_at}});
  }
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::response get_version(app::context& ctx, http::request& req, const directory::user&) {
  auto def = require_version(ctx, req);
  boost::json::object out{{"id", def->id}, {"version", def->version}, {"definition", workflow::to_json(*def)}};
  return http::response::json(200, out);
}

http::response get_graph(app::context& ctx, http::request& req, const directory::user&) {
  auto def = require_version(ctx, req);
  auto format = req.query_param("format").value_or("mermaid");
  if (format == "dot") return http::response::text(200, workflow::to_dot(*def), "text/vnd.graphviz; charset=utf-8");
  if (format == "mermaid") return http::response::text(200, workflow::to_mermaid(*def), "text/plain; charset=utf-8");
  throw error::invalid_parameter("format", error::messages::one_of, {{"values", boost::json::array{"dot", "mermaid"}}});
}

http::response set_default_version(app::context& ctx, http::request& req, const directory::user& user) {
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  auto version = int(in.required_int("version", 0, 1'000'000));
  in.reject_unknown();
  error::throw_if_invalid(std::move(errors));
  ctx.workflows.set_default_version(req.path_param("id"), version, user.id);
  return http::response::json(200, boost::json::object{{"id", req.path_param("id")}, {"default_version", version}});
}

}  // namespace

void add_workflow_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_route(r, ctx, http::method::get, "/api/v1/workflows", action::read_directory, list_workflows);
  add_route(r, ctx, http::method::post, "/api/v1/workflows", action::administer_workflows, publish_workflow);
  add_route(r, ctx, http::method::get, "/api/v1/workflows/{id}/versions", action::read_directory, list_versions);
  add_route(r, ctx, http::method::get, "/api/v1/workflows/{id}/versions/{version}", action::read_directory,
            get_version);
  add_route(r, ctx, http::method::get, "/api/v1/workflows/{id}/versions/{version}/graph", action::read_directory,
            get_graph);
  add_route(r, ctx, http::method::put, "/api/v1/workflows/{id}/default-version", action::administer_workflows,
            set_default_version);
}

}  // namespace planflow::api
