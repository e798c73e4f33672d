#include <planflow/api/routes.hpp>
#include <planflow/app/application.hpp>
#include <planflow/app/paths.hpp>
#include <planflow/audit/checkpoint.hpp>
#include <planflow/audit/log.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/reports/query.hpp>
#include <planflow/reports/render.hpp>
#include <planflow/storage/migrations.hpp>
#include <planflow/util/log.hpp>
#include <planflow/web/static_site.hpp>

#include <boost/json/parse.hpp>

namespace planflow::app {
namespace {

std::vector<plugin::province_name> load_provinces(storage::database& db) {
  storage::lease session(db);
  std::vector<plugin::province_name> out;
  for (auto& p : directory::list_provinces(*session)) out.push_back({p.code, p.name_th, p.name_en});
  return out;
}

}  // namespace

application::application(const application_options& options)
    // At start, so that a key file that cannot be created or read stops the
    // server with its name rather than failing every checkpoint later.
    : audit_key_(audit::signing_key::load_or_create(app::audit_key_file(options.audit_key_file, options.db_url))),
      audit_checkpoint_interval_(options.audit_checkpoint_interval) {
  auth::initialize_crypto();
  auto url = storage::parse_database_url(options.db_url);
  log::info("opening database", {{"url", url.redacted}});
  db_ = std::make_unique<storage::database>(url, options.database);
  if (options.migrate) storage::apply_migrations(*db_);
  // Without the schema the server still starts, so that /readyz can say what
  // is missing; what needs the tables waits for a restart after `migrate`.
  const bool schema_ready = storage::inspect_migrations(*db_).pending.empty();
  if (!schema_ready) {
    log::warn("migrations are pending: /readyz reports not ready; run `planflow migrate` and restart");
  }
  if (!storage::inspect_migrations(*db_).unknown.empty()) {
    log::warn("the database has migrations this binary does not know; it may be older than the schema");
  }

  sessions_ = std::make_unique<auth::sessions>(*db_, options.sessions);
  workflows_ = std::make_unique<workflow::store>(*db_);
  if (schema_ready && !options.workflows_dir.empty()) {
    for (const auto& p : workflows_->load_builtin(options.workflows_dir)) {
      log::info("built-in workflow", {{"id", p.id}, {"version", p.version}, {"new", p.created}});
    }
  }
  engine_ = std::make_unique<workflow::engine>(*db_, *workflows_, policy::roles_with_delegations);
  plan_types_ = std::make_unique<plugin::registry>();
  progress_ = std::make_unique<reports::progress_service>(*db_, *engine_, *plan_types_);
  engine_->register_guard(
      "all_progress_confirmed",
      [progress = progress_.get()](soci::session& sql, const workflow::case_state& c, const workflow::guard&) {
        return progress->progress_confirmed(sql, c);
      });
  // Every case event is also an audit entry, and may start quarterly
  // reporting, all in the event's own transaction.
  engine_->set_event_observer([backend = db_->backend(), progress = progress_.get()](
                                  soci::session& sql, const workflow::case_state& c, const workflow::event& e) {
    boost::json::object details{{"seq", c.event_count}, {"stage", c.stage}, {"revision", c.revision}};
    if (!e.action.empty()) details["action"] = e.action;
    if (!e.from_stage.empty()) details["from"] = e.from_stage;
    if (!e.to_stage.empty()) details["to"] = e.to_stage;
    if (!e.actor_role.empty()) details["role"] = e.actor_role;
    if (!e.comment.empty()) details["comment"] = e.comment;
    if (!e.data.empty()) details["data"] = boost::json::parse(e.data);
    audit::append(sql, backend,
                  {e.actor_id, e.on_behalf_of, e.remote_address, c.subject_kind + "." + e.kind,
                   c.subject_kind + "_case", std::to_string(c.id), std::move(details)});
    progress->on_case_event(sql, c, e);
  });

  // Several directories may be given, separated by ':' as in PATH.
  for (std::size_t start = 0; start < options.plugins_dir.size();) {
    auto end = options.plugins_dir.find(':', start);
    if (end == std::string::npos) end = options.plugins_dir.size();
    if (end > start) plan_types_->load_directory(options.plugins_dir.substr(start, end - start));
    start = end + 1;
  }
  auto provinces = schema_ready ? load_provinces(*db_) : std::vector<plugin::province_name>{};
  plans_ = std::make_unique<plans::service>(*db_, *engine_, *plan_types_, provinces);
  outbox_ = std::make_unique<delivery::outbox>(*db_, [progress = progress_.get()](soci::session& sql, std::int64_t id) {
    // The delivered document: the plan's report for that quarter, as the
    // provincial report endpoint gives it.
    auto report = progress->find_report(sql, id);
    long long plan_id = report->plan_id;
    std::string province, plan_type, title;
    sql << "SELECT province_code, plan_type, title FROM plans WHERE id = :p", soci::use(plan_id), soci::into(province),
        soci::into(plan_type), soci::into(title);
    auto built =
        reports::build_report(sql, {province, plan_type, report->fiscal_year, report->quarter}, reports::today_iso());
    std::erase_if(built.plans, [&](const reports::plan_report& p) { return p.plan_id != plan_id; });
    return boost::json::object{{"report_id", id},
                               {"plan_id", plan_id},
                               {"plan_title", title},
                               {"province", province},
                               {"fiscal_year", report->fiscal_year},
                               {"quarter", report->quarter},
                               {"report", reports::to_json(built)}};
  });
  context_ = std::make_unique<app::context>(app::context{*db_, *sessions_, *workflows_, *engine_, *plan_types_, *plans_,
                                                         *progress_, *outbox_, std::move(provinces),
                                                         audit_key_.public_key_hex()});
  api::add_all_routes(routes_, *context_);
  // After the API, so that no web file can take a path the API answers.
  if (!options.web_dir.empty()) web::add_static_routes(routes_, options.web_dir);
}

application::~application() = default;

void application::run_background_pass() {
  // Two steps that fail apart: deliveries go out even while deadlines cannot
  // be read (and each step already isolates its own rows).
  try {
    if (int n = engine_->run_due_deadlines(); n > 0) log::info("deadlines handled", {{"cases", n}});
  } catch (const std::exception& e) {
    log::error("deadline pass failed", {{"error", e.what()}});
  }
  try {
    outbox_->run_once();
  } catch (const std::exception& e) {
    log::error("delivery pass failed", {{"error", e.what()}});
  }
  try {
    checkpoint_audit_if_due();
  } catch (const std::exception& e) {
    log::error("audit checkpoint failed", {{"error", e.what()}});
  }
  try {
    sessions_->forget_expired_attempts();
  } catch (const std::exception& e) {
    log::error("login counter cleanup failed", {{"error", e.what()}});
  }
}

void application::checkpoint_audit_if_due() {
  const auto now = std::chrono::steady_clock::now();
  if (last_audit_checkpoint_ && now - *last_audit_checkpoint_ < audit_checkpoint_interval_) return;
  // Counted from the attempt: a failing database is not asked again at every pass.
  last_audit_checkpoint_ = now;
  auto out = audit::write_checkpoint(*db_, audit_key_);
  if (out.written) {
    log::info("audit checkpoint", {{"id", out.id},
                                   {"moved", out.moved},
                                   {"chains", out.chains},
                                   {"entries", out.entries},
                                   {"digest", out.digest}});
  }
}

}  // namespace planflow::app
