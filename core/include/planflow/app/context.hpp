#pragma once
/// What request handlers share: the database and the loaded configuration.
/// Built once by the `serve` command (or a test) and outliving the server.

#include <planflow/auth/sessions.hpp>
#include <planflow/storage/database.hpp>
#include <planflow/workflow/engine.hpp>
#include <planflow/workflow/store.hpp>

namespace planflow::app {

struct context {
  storage::database& db;
  auth::sessions& sessions;
  workflow::store& workflows;
  workflow::engine& engine;
};

}  // namespace planflow::app
