#pragma once
/// A plan as one caller reads it (GET /api/v1/plans/{id}), with the ETag that
/// validates exactly that answer, and If-Match read against it.

#include <planflow/api/params.hpp>
#include <planflow/directory/users.hpp>
#include <planflow/plans/plans.hpp>

#include <string>

namespace planflow::app {
struct context;
}

namespace planflow::api {

struct plan_reading {
  std::string body;  ///< the JSON answer
  /// "<revision>-<16 hex digits of the body's SHA-256>": the revision alone
  /// would tell a cache nothing changed while the stage, the signatures or
  /// the actions on offer moved on. It differs between callers whose
  /// answers differ (what they may do), like the body.
  std::string etag;
};

plan_reading read_plan(app::context& ctx, const plans::plan& p, const directory::user& user);

/// Whether an If-Match names the plan as it is now: `*`, its revision as
/// "N" (what clients build from `revision`), or its current ETag as read.
bool names_current(const revision_condition& condition, app::context& ctx, const plans::plan& p,
                   const directory::user& user);

}  // namespace planflow::api
