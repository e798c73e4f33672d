#pragma once
/// What request handlers share: the database and the loaded configuration.
/// Built once by the `serve` command (or a test) and outliving the server.

#include <planflow/storage/database.hpp>

namespace planflow::app {

struct context {
  storage::database& db;
};

}  // namespace planflow::app
