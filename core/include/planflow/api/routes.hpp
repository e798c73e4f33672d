#pragma once
/// Registers planflow's HTTP API on a router. Each area has its own function,
/// so tests can mount exactly what they exercise.

#include <planflow/app/context.hpp>
#include <planflow/http/router.hpp>

#include <string_view>

namespace planflow::api {

/// GET /healthz and GET /readyz.
void add_health_routes(http::router& r, app::context& ctx);
/// GET /api/v1/provinces[/{code}]; administrators add, correct and remove provinces.
void add_province_routes(http::router& r, app::context& ctx);

/// POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me.
void add_auth_routes(http::router& r, app::context& ctx);

/// The workflow definitions: list, publish, versions, graphs, default version.
void add_workflow_routes(http::router& r, app::context& ctx);

/// GET /api/v1/plan-types[/{id}[/template]], POST /api/v1/plan-types/{id}/validate.
void add_plan_type_routes(http::router& r, app::context& ctx);
/// Plans: create, list, read, edit content, revisions, diff, comments, history.
void add_plan_routes(http::router& r, app::context& ctx);
/// GET /api/v1/plans/{id}/years: the plan across its multi-year plan's years.
void add_plan_year_routes(http::router& r, app::context& ctx);
/// Workflow actions on plans, one or many at a time, and workflow migration.
void add_action_routes(http::router& r, app::context& ctx);

/// Agencies: list and read; administrators create and change them.
void add_agency_routes(http::router& r, app::context& ctx);
/// Users (administrators) and a province's committee for a plan type.
void add_user_routes(http::router& r, app::context& ctx);
/// Delegations of a role: list one's own, create, revoke.
void add_delegation_routes(http::router& r, app::context& ctx);
/// GET /api/v1/audit/verify.
void add_audit_routes(http::router& r, app::context& ctx);

/// POST /api/v1/imports: a document in, {plan_type, plan, totals, findings} out.
void add_import_routes(http::router& r, app::context& ctx);

/// GET /api/v1/openapi.json: the API described (api/openapi.json, built in).
void add_openapi_route(http::router& r);
std::string_view openapi_document();

/// Quarterly reports: progress entry, confirmation, compiling, acknowledging,
/// and the provincial report in JSON, CSV, XLSX and HTML.
void add_report_routes(http::router& r, app::context& ctx);
/// Where acknowledged reports go: recipients, deliveries, the package.
void add_report_delivery_routes(http::router& r, app::context& ctx);

/// Every route of the API.
void add_all_routes(http::router& r, app::context& ctx);

}  // namespace planflow::api
