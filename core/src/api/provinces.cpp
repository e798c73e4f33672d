#include "audited.hpp"

#include <planflow/api/access.hpp>
#include <planflow/api/routes.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>

#include <regex>

namespace planflow::api {
namespace {

boost::json::object to_json(const directory::province& p) {
  return {{"code", p.code}, {"name_th", p.name_th}, {"name_en", p.name_en}, {"region", p.region}};
}

// What a client sends of a province besides its code, on creation and on
// correction alike; the last member read, so unknown ones are flagged here.
void read_names(http::object_reader& in, directory::province& p) {
  p.name_th = in.required_string("name_th", 100);
  p.name_en = in.required_string("name_en", 100);
  p.region = in.required_string("region", 20);
  in.reject_unknown();
}

// Provinces are reference data (the 77 are seeded); administrators may add,
// correct and remove one that nothing refers to.
http::response create_province(app::context& ctx, http::request& req, const directory::user& user) {
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  directory::province p;
  p.code = in.required_string("code", 8);
  read_names(in, p);
  if (!p.code.empty() && !std::regex_match(p.code, std::regex(R"(TH-[0-9A-Z]{2})"))) {
    errors.push_back({"/code", error::messages::not_iso_province_code});
  }
  error::throw_if_invalid(std::move(errors));
  storage::in_transaction(ctx.db, [&](soci::session& sql) {
    if (directory::find_province(sql, p.code)) {
      throw error::problem(error::types::duplicate, error::messages::province_code_used)
          .with_fields({{"/code", error::messages::is_used}});
    }
    directory::create_province(sql, p);
    audit_change(sql, ctx, user, req, "province.create", "province", p.code,
                 {{"name_th", p.name_th}, {"name_en", p.name_en}});
  });
  auto res = http::response::json(201, to_json(p));
  res.set_header("Location", "/api/v1/provinces/" + p.code);
  return res;
}

http::response delete_province(app::context& ctx, http::request& req, const directory::user& user) {
  const auto code = req.path_param("code");
  storage::in_transaction(ctx.db, [&](soci::session& sql) {
    if (!directory::find_province(sql, code))
      throw error::not_found(error::messages::province_not_found, {{"code", code}});
    if (directory::province_references(sql, code) > 0) throw error::conflict(error::messages::province_in_use);
    directory::delete_province(sql, code);
    audit_change(sql, ctx, user, req, "province.delete", "province", code, {});
  });
  return http::response::no_content();
}

// Administrators may correct a province's names.
http::response update_province(app::context& ctx, http::request& req, const directory::user& user) {
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  directory::province p;
  p.code = req.path_param("code");
  read_names(in, p);
  error::throw_if_invalid(std::move(errors));
  const auto& code = p.code;
  storage::in_transaction(ctx.db, [&](soci::session& sql) {
    if (!directory::find_province(sql, code))
      throw error::not_found(error::messages::province_not_found, {{"code", code}});
    directory::update_province(sql, p);
    audit_change(sql, ctx, user, req, "province.update", "province", code,
                 {{"name_th", p.name_th}, {"name_en", p.name_en}});
  });
  return http::response::json(200, to_json(p));
}

}  // namespace

void add_province_routes(http::router& r, app::context& ctx) {
  // The province list is public: the sign-in page and the import preview name provinces.
  add_public_route(r, http::method::get, "/api/v1/provinces", [&ctx](http::request&) {
    storage::lease session(ctx.db);
    boost::json::array items;
    for (const auto& p : directory::list_provinces(*session)) items.push_back(to_json(p));
    return http::response::json(200, boost::json::object{{"items", std::move(items)}});
  });

  add_public_route(r, http::method::get, "/api/v1/provinces/{code}", [&ctx](http::request& req) {
    storage::lease session(ctx.db);
    auto p = directory::find_province(*session, req.path_param("code"));
    if (!p) throw error::not_found(error::messages::province_not_found, {{"code", req.path_param("code")}});
    return http::response::json(200, to_json(*p));
  });
  using policy::action;
  add_route(r, ctx, http::method::post, "/api/v1/provinces", action::administer_directory,
            [&ctx](http::request& req, const directory::user& user) { return create_province(ctx, req, user); });
  add_route(r, ctx, http::method::put, "/api/v1/provinces/{code}", action::administer_directory,
            [&ctx](http::request& req, const directory::user& user) { return update_province(ctx, req, user); });
  add_route(r, ctx, http::method::delete_, "/api/v1/provinces/{code}", action::administer_directory,
            [&ctx](http::request& req, const directory::user& user) { return delete_province(ctx, req, user); });
}

}  // namespace planflow::api
