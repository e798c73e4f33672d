#include <planflow/api/access.hpp>
#include <planflow/api/routes.hpp>

#include <string_view>

namespace planflow::api {

void add_openapi_route(http::router& r) {
  add_public_route(
      r, http::method::get, "/api/v1/openapi.json",
      [](http::request&) { return http::response::json(200, std::string(openapi_document())); },
      http::execution::inline_);
}

}  // namespace planflow::api
