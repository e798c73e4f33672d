#include <planflow/api/routes.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/http/problem.hpp>

#include <boost/json/serialize.hpp>

namespace planflow::api {
namespace {

boost::json::object to_json(const directory::province& p) {
  return {{"code", p.code}, {"name_th", p.name_th}, {"name_en", p.name_en}, {"region", p.region}};
}

}  // namespace

void add_province_routes(http::router& r, app::context& ctx) {
  r.add(http::method::get, "/api/v1/provinces", [&ctx](http::request&) {
    storage::lease session(ctx.db);
    boost::json::array items;
    for (const auto& p : directory::list_provinces(*session)) items.push_back(to_json(p));
    return http::response::json(200, boost::json::serialize(boost::json::object{{"items", std::move(items)}}));
  });

  r.add(http::method::get, "/api/v1/provinces/{code}", [&ctx](http::request& req) {
    storage::lease session(ctx.db);
    auto p = directory::find_province(*session, req.path_param("code"));
    if (!p) throw http::not_found("No province has the code " + req.path_param("code") + ".");
    return http::response::json(200, boost::json::serialize(to_json(*p)));
  });
}

}  // namespace planflow::api
