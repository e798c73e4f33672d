#include <planflow/api/visible.hpp>
#include <planflow/app/context.hpp>
#include <planflow/storage/database.hpp>

namespace planflow::api {

policy::actor actor_of(app::context& ctx, const directory::user& user) {
  storage::lease session(ctx.db);
  return policy::actor_with_delegations(*session, user, storage::now_iso());
}

bool in_editing_stage(app::context& ctx, const plans::plan& p) {
  auto def = ctx.workflows.get(p.state.workflow_id, p.state.workflow_version);
  const auto* s = def ? def->find_stage(p.state.stage) : nullptr;
  return s && s->kind == workflow::stage_kind::editing;
}

policy::resource plan_resource(app::context& ctx, const plans::plan& p) {
  return policy::resource::of_plan(p, in_editing_stage(ctx, p));
}

plans::plan visible_plan(app::context& ctx, const directory::user& user, std::int64_t id) {
  return visible_plan(ctx, actor_of(ctx, user), id);
}

plans::plan visible_plan(app::context& ctx, const policy::actor& who, std::int64_t id) {
  auto p = ctx.plans.find(id);
  if (!p) throw error::not_found(error::messages::plan_not_found, {{"id", id}});
  auto on = plan_resource(ctx, *p);
  on.id = id;
  policy::require(who, policy::action::read_plan, on);
  return std::move(*p);
}

std::pair<reports::quarterly_report, plans::plan> visible_report(app::context& ctx, const directory::user& user,
                                                                 std::int64_t report_id) {
  return visible_report(ctx, actor_of(ctx, user), report_id);
}

std::pair<reports::quarterly_report, plans::plan> visible_report(app::context& ctx, const policy::actor& who,
                                                                 std::int64_t report_id) {
  std::optional<reports::quarterly_report> r;
  policy::resource on;
  {
    storage::lease session(ctx.db);
    r = ctx.progress.find_report(*session, report_id);
    if (!r) throw error::not_found(error::messages::report_not_found);
    on.reporting_agencies = ctx.progress.reporting_agencies(*session, r->plan_id);
  }
  auto p = ctx.plans.find(r->plan_id);
  if (!p) throw error::not_found(error::messages::report_not_found);
  auto plan_side = plan_resource(ctx, *p);
  plan_side.reporting_agencies = std::move(on.reporting_agencies);
  plan_side.id = report_id;
  policy::require(who, policy::action::read_report, plan_side);
  return {std::move(*r), std::move(*p)};
}

}  // namespace planflow::api
