#pragma once
/// Who may see which plan. Agencies see their own plans in every stage;
/// committee members (member, chair, secretary) see their province's plans of
/// their plan type once they have left the editing stages; observers read
/// their province (or every province, for a national observer); administrators
/// see everything but govern rather than sign. The same rules drive the plan
/// list (as SQL) and single-plan reads.

#include <planflow/directory/users.hpp>
#include <planflow/plans/plans.hpp>

#include <string>
#include <vector>

namespace planflow::api {

bool is_committee_role(const std::string& role);

/// Adds the caller's visibility to a list filter.
void restrict_to_visible(plans::filter& f, const directory::user& user, const std::vector<std::string>& editing_stages);

/// Whether the caller may see this plan at all (otherwise it answers 404).
bool can_view(const directory::user& user, const plans::plan& p, bool in_editing_stage);

}  // namespace planflow::api

namespace planflow::app {
struct context;
}

namespace planflow::api {

bool in_editing_stage(app::context& ctx, const plans::plan& p);

/// The plan if the caller may see it; 404 otherwise, so that plans outside
/// one's scope are indistinguishable from plans that do not exist.
plans::plan visible_plan(app::context& ctx, const directory::user& user, std::int64_t id);

}  // namespace planflow::api
