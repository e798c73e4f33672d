#pragma once
/// planflow's parts, built and wired in dependency order: database (with
/// migrations), sessions, workflow store (with the built-in definitions),
/// engine, plan-type plugins, plans service, and the HTTP routes over them
/// (with the browser interface's files when a web directory is given).

#include <planflow/app/context.hpp>
#include <planflow/audit/signing_key.hpp>
#include <planflow/http/router.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace planflow::app {

struct application_options {
  std::string db_url{};
  storage::database_options database{.pool_size = 4};
  std::string plugins_dir{};    ///< directories separated by ':'; "" loads no plugins
  std::string workflows_dir{};  ///< "" publishes no built-in definitions
  bool migrate = true;
  std::string web_dir{};         ///< the browser interface's built files; "" serves none
  std::string audit_key_file{};  ///< "" is app::default_audit_key_file(db_url); created when missing
  std::chrono::seconds audit_checkpoint_interval{600};  ///< between checkpoints of the background pass
  auth::session_settings sessions{};                    ///< token lifetime and login limits
};

class application {
 public:
  explicit application(const application_options& options);
  ~application();

  app::context& context() { return *context_; }
  const http::router& routes() const { return routes_; }
  storage::database& db() { return *db_; }

  /// The periodic work of a server: stage deadlines, report deliveries and
  /// (at most every audit_checkpoint_interval, from the first pass on) a
  /// signed audit checkpoint when a chain moved. Safe to run in several
  /// processes at once; not from two threads of one.
  void run_background_pass();

  const audit::signing_key& audit_key() const { return audit_key_; }

 private:
  void checkpoint_audit_if_due();

  audit::signing_key audit_key_;
  std::chrono::seconds audit_checkpoint_interval_;
  std::optional<std::chrono::steady_clock::time_point> last_audit_checkpoint_;
  std::unique_ptr<storage::database> db_;
  std::unique_ptr<auth::sessions> sessions_;
  std::unique_ptr<workflow::store> workflows_;
  std::unique_ptr<workflow::engine> engine_;
  std::unique_ptr<plugin::registry> plan_types_;
  std::unique_ptr<plans::service> plans_;
  std::unique_ptr<reports::progress_service> progress_;
  std::unique_ptr<delivery::outbox> outbox_;
  std::unique_ptr<app::context> context_;
  http::router routes_;
};

}  // namespace planflow::app
