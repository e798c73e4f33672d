#pragma once
/// Loading what a request is about, as far as the caller may see it: the
/// policy decides (planflow/policy), these fetch the resource and ask.

#include <planflow/directory/users.hpp>
#include <planflow/plans/plans.hpp>
#include <planflow/policy/policy.hpp>
#include <planflow/reports/progress.hpp>

#include <cstdint>
#include <utility>

namespace planflow::app {
struct context;
}

namespace planflow::api {

/// The caller with every role they may act in now, delegations included.
policy::actor actor_of(app::context& ctx, const directory::user& user);

bool in_editing_stage(app::context& ctx, const plans::plan& p);

/// The policy's view of a plan (province, type, agency, editing or not).
policy::resource plan_resource(app::context& ctx, const plans::plan& p);

/// The plan if the caller may read it; 404 otherwise, so that plans outside
/// one's scope are indistinguishable from plans that do not exist.
plans::plan visible_plan(app::context& ctx, const directory::user& user, std::int64_t id);
/// The same for a caller whose roles are loaded already (a handler that asks
/// the policy again after the read loads them once).
plans::plan visible_plan(app::context& ctx, const policy::actor& who, std::int64_t id);

/// The quarterly report and its plan, if the caller may read the report
/// (the plan's readers and the agencies reporting on it); 404 otherwise.
std::pair<reports::quarterly_report, plans::plan> visible_report(app::context& ctx, const directory::user& user,
                                                                 std::int64_t report_id);
std::pair<reports::quarterly_report, plans::plan> visible_report(app::context& ctx, const policy::actor& who,
                                                                 std::int64_t report_id);

}  // namespace planflow::api
