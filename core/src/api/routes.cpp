#include <planflow/api/routes.hpp>

namespace planflow::api {

void add_all_routes(http::router& r, app::context& ctx) {
  add_health_routes(r, ctx);
  add_province_routes(r, ctx);
  add_auth_routes(r, ctx);
  add_workflow_routes(r, ctx);
  add_plan_type_routes(r, ctx);
  add_plan_routes(r, ctx);
  add_plan_year_routes(r, ctx);
  add_action_routes(r, ctx);
  add_agency_routes(r, ctx);
  add_user_routes(r, ctx);
  add_delegation_routes(r, ctx);
  add_audit_routes(r, ctx);
  add_import_routes(r, ctx);
  add_report_routes(r, ctx);
  add_report_delivery_routes(r, ctx);
  add_openapi_route(r);
}

}  // namespace planflow::api
