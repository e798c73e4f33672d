#pragma once
/// What request handlers share. Built once by app::application (for `serve`
/// or a test) and outliving the server.

#include <planflow/auth/sessions.hpp>
#include <planflow/delivery/outbox.hpp>
#include <planflow/plans/plans.hpp>
#include <planflow/plugin/registry.hpp>
#include <planflow/reports/progress.hpp>
#include <planflow/storage/database.hpp>
#include <planflow/workflow/engine.hpp>
#include <planflow/workflow/store.hpp>

namespace planflow::app {

struct context {
  storage::database& db;
  auth::sessions& sessions;
  workflow::store& workflows;
  workflow::engine& engine;
  plugin::registry& plan_types;
  plans::service& plans;
  reports::progress_service& progress;
  delivery::outbox& outbox;
  std::vector<plugin::province_name> provinces;  ///< read once at start: they do not change
  std::string audit_public_key;                  ///< hex; the key audit checkpoints are trusted under

  /// What a plugin is told about a plan of this province and year (see
  /// plans::service::context_for).
  plugin::plan_context plan_context(const std::string& province_code, int fiscal_year) const {
    return plans.context_for(province_code, fiscal_year);
  }
};

}  // namespace planflow::app
