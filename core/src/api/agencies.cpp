#include "audited.hpp"

#include <planflow/api/access.hpp>
#include <planflow/api/params.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/directory/agencies.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>

namespace planflow::api {
namespace {

boost::json::object agency_json(const directory::agency& a) {
  return {{"id", a.id}, {"province", a.province_code}, {"name_th", a.name_th}, {"name_en", a.name_en}};
}

http::response list_agencies(app::context& ctx, http::request& req) {
  storage::lease session(ctx.db);
  boost::json::array items;
  for (const auto& a : directory::list_agencies(*session, std::string(req.query_param("province").value_or("")))) {
    items.push_back(agency_json(a));
  }
  return http::response::json(200, boost::json::object{{"items", std::move(items)}});
}

http::response get_agency(app::context& ctx, http::request& req) {
  storage::lease session(ctx.db);
  auto a = directory::find_agency(*session, id_param(req));
  if (!a) throw error::not_found(error::messages::agency_not_found);
  return http::response::json(200, agency_json(*a));
}

// Creates the agency (no id) or replaces agency `id`'s names and province.
http::response write_agency(app::context& ctx, http::request& req, const directory::user& user,
                            std::optional<std::int64_t> id) {
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  directory::agency a;
  a.province_code = in.required_string("province", 8);
  a.name_th = in.required_string("name_th", 300);
  a.name_en = in.optional_string("name_en", 300).value_or("");
  in.reject_unknown();
  error::throw_if_invalid(std::move(errors));
  storage::in_transaction(ctx.db, [&](soci::session& sql) {
    // A missing agency is not found whatever its new name would collide with.
    if (id && !directory::find_agency(sql, *id)) throw error::not_found(error::messages::agency_not_found);
    if (!directory::find_province(sql, a.province_code)) {
      throw error::invalid("/province", error::messages::not_province_code);
    }
    for (const auto& other : directory::list_agencies(sql, a.province_code)) {
      if (other.name_th == a.name_th && (!id || other.id != *id)) {
        throw error::problem(error::types::duplicate, error::messages::agency_name_used)
            .with_fields({{"/name_th", error::messages::used_in_province}});
      }
    }
    if (id) {
      a.id = *id;
      if (!directory::update_agency(sql, a)) throw error::not_found(error::messages::agency_not_found);
    } else {
      a.id = directory::create_agency(sql, a);
    }
    audit_change(sql, ctx, user, req, id ? "agency.update" : "agency.create", "agency", std::to_string(a.id),
                 agency_json(a));
  });
  auto res = http::response::json(id ? 200 : 201, agency_json(a));
  if (!id) res.set_header("Location", "/api/v1/agencies/" + std::to_string(a.id));
  return res;
}

}  // namespace

void add_agency_routes(http::router& r, app::context& ctx) {
  using policy::action;
  add_route(r, ctx, http::method::get, "/api/v1/agencies", action::read_directory,
            [&ctx](http::request& req, const directory::user&) { return list_agencies(ctx, req); });
  add_route(r, ctx, http::method::get, "/api/v1/agencies/{id}", action::read_directory,
            [&ctx](http::request& req, const directory::user&) { return get_agency(ctx, req); });
  add_route(
      r, ctx, http::method::post, "/api/v1/agencies", action::administer_directory,
      [&ctx](http::request& req, const directory::user& user) { return write_agency(ctx, req, user, std::nullopt); });
  add_route(
      r, ctx, http::method::put, "/api/v1/agencies/{id}", action::administer_directory,
      [&ctx](http::request& req, const directory::user& user) { return write_agency(ctx, req, user, id_param(req)); });
}

}  // namespace planflow::api
