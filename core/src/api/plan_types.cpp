#include <planflow/api/access.hpp>
#include <planflow/api/plan_json.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>

#include <charconv>

namespace planflow::api {
namespace {

const plugin::plan_type& require_type(app::context& ctx, const std::string& id) {
  const auto* type = ctx.plan_types.find(id);
  if (!type) throw error::not_found(error::messages::plan_type_not_found, {{"plan_type", id}});
  return *type;
}

int fiscal_year_param(const http::request& req) {
  auto text = req.query_param("fiscal_year").value_or("");
  if (text.empty()) return 0;
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || year < 2500 || year > 2700) {
    throw error::invalid_parameter("fiscal_year", error::messages::buddhist_year);
  }
  return year;
}

http::response list_plan_types(app::context& ctx, http::request&, const directory::user&) {
  boost::json::array items;
  for (const auto* type : ctx.plan_types.all()) items.push_back(plan_type_json(*type));
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::response get_plan_type(app::context& ctx, http::request& req, const directory::user&) {
  const auto& type = require_type(ctx, req.path_param("id"));
  auto out = plan_type_json(type);
  out["content_schema"] = type.content_schema();
  return http::response::json(200, out);
}

// The empty template a new plan starts from, for the given province and year.
http::response get_plan_template(app::context& ctx, http::request& req, const directory::user&) {
  const auto& type = require_type(ctx, req.path_param("id"));
  auto content = type.empty_content(
      ctx.plan_context(std::string(req.query_param("province").value_or("")), fiscal_year_param(req)));
  return http::response::json(200, content);
}

// Validation without saving: what the forms call as the user types.
http::response validate_content(app::context& ctx, http::request& req, const directory::user&) {
  const auto& type = require_type(ctx, req.path_param("id"));
  auto content = http::parse_json_body(req);
  // What saving would refuse is refused here too, so the form learns it while typing.
  ctx.plans.check_content(type, content, "");
  auto findings = type.validate(
      content, ctx.plan_context(std::string(req.query_param("province").value_or("")), fiscal_year_param(req)));
  boost::json::object out{{"findings", findings_json(findings)}};
  // Totals even when there are errors, as on a saved plan: the editor
  // recomputes them while people type, long before the content is clean.
  out["totals"] = totals_json(type, content);
  return http::response::json(200, out);
}

}  // namespace

void add_plan_type_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_route(r, ctx, http::method::get, "/api/v1/plan-types", action::read_directory, list_plan_types);
  add_route(r, ctx, http::method::get, "/api/v1/plan-types/{id}", action::read_directory, get_plan_type);
  add_route(r, ctx, http::method::get, "/api/v1/plan-types/{id}/template", action::read_directory, get_plan_template);
  add_route(r, ctx, http::method::post, "/api/v1/plan-types/{id}/validate", action::read_directory, validate_content);
}

}  // namespace planflow::api
