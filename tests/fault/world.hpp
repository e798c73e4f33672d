#pragma once
// What the fault tests share: a province with people and draft plans, made
// once through the in-process application, and the options to run the real
// `planflow serve` on it with the same plug-ins.

#include "../support/app_server.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace planflow::test {

inline const std::string k_password = "correct horse battery";

struct world {
  std::int64_t agency = 0;
  std::vector<std::int64_t> plans;  ///< drafts of the test plan type, in agency `agency`
};

/// Creates admin, officer, head, member1..3 and secretary, an agency of TH-96
/// and `plans` draft plans, on the database at `db_url`.
world build_world(const std::string& db_url, int plans);

/// `planflow serve` options for that world (plug-ins, workflows) plus `extra`.
std::vector<std::string> serve_options(std::vector<std::string> extra = {});

/// A valid content of the test plan type whose one item has this budget.
boost::json::object plan_content(int budget);

/// Logs `name` in on the server at `port` (fails the test when refused).
api_client signed_in(unsigned short port, const std::string& name);

}  // namespace planflow::test
