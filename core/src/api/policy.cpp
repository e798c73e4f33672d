#include <algorithm>
#include <planflow/api/policy.hpp>

namespace planflow::api {

bool is_committee_role(const std::string& role) {
  return role == "committee_member" || role == "committee_chair" || role == "committee_secretary";
}

void restrict_to_visible(plans::filter& f, const directory::user& user,
                         const std::vector<std::string>& editing_stages) {
  if (!user.active) return;
  for (const auto& g : user.roles) {
    if (g.role == "admin" || (g.role == "observer" && g.province_code.empty())) {
      f.all_stage_provinces.push_back("*");
    } else if (g.role == "observer") {
      f.all_stage_provinces.push_back(g.province_code);
    } else if ((g.role == "agency_officer" || g.role == "agency_head") && user.agency_id) {
      f.agency_ids.push_back(*user.agency_id);
    } else if (is_committee_role(g.role) && !g.province_code.empty()) {
      f.committee_scopes.emplace_back(g.province_code, g.plan_type);
    }
  }
  f.hidden_stages = editing_stages;
}

bool can_view(const directory::user& user, const plans::plan& p, bool in_editing_stage) {
  if (!user.active) return false;
  return std::ranges::any_of(user.roles, [&](const directory::role_grant& g) {
    if (g.role == "admin") return true;
    if (g.role == "observer") return g.province_code.empty() || g.province_code == p.province_code;
    if (g.role == "agency_officer" || g.role == "agency_head") return user.agency_id && *user.agency_id == p.agency_id;
    if (is_committee_role(g.role)) {
      return g.province_code == p.province_code && (g.plan_type.empty() || g.plan_type == p.plan_type) &&
             !in_editing_stage;
    }
    return false;
  });
}

}  // namespace planflow::api
