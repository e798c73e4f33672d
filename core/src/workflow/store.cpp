#include <planflow/auth/crypto.hpp>
#include <planflow/error/messages.hpp>
#include <planflow/error/problem.hpp>
#include <planflow/storage/errors.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/util/canonical_json.hpp>
#include <planflow/util/file.hpp>
#include <planflow/util/json_parse.hpp>
#include <planflow/util/log.hpp>
#include <planflow/workflow/store.hpp>

#include <boost/json/parse.hpp>

namespace planflow::workflow {
namespace {

int latest_version(soci::session& sql, const std::string& id) {
  int version = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT MAX(version) FROM workflow_definitions WHERE workflow_id = :id", soci::use(id),
      soci::into(version, ind);
  return ind == soci::i_ok ? version : 0;
}

}  // namespace

store::store(storage::database& db) : db_(db) {}

publish_result store::publish(const boost::json::value& json, std::optional<std::int64_t> published_by,
                              const std::string& origin) {
  auto parsed = parse_definition(json);
  if (!parsed.report.ok()) {
    // One list, `errors`, in the shape every problem uses, each entry also
    // carrying its code and params; the warnings have the same shape.
    std::vector<error::field> fields;
    for (auto& e : parsed.report.errors) {
      // The definition reader raises only codes of the catalog (it takes them as constants).
      fields.push_back({e.pointer, error::find_message(e.code).value(), std::move(e.params)});
    }
    const auto count = fields.size();
    throw error::problem(error::types::invalid_workflow, error::messages::workflow_problems, {{"count", count}})
        .with_fields(std::move(fields))
        .with_extension("warnings", findings_json(parsed.report.warnings));
  }
  const auto& def = *parsed.def;
  // Store the normalised form, so equal definitions hash equally however they were spelled.
  const std::string text = canonical_json(to_json(def));
  const std::string sha = auth::sha256_hex(text);

  publish_result result{def.id, 0, true, parsed.report.warnings};
  // Two administrators publishing the same id at once both read version N;
  // the primary key lets one insert N+1 and the other retries with N+2.
  for (int attempt = 1;; ++attempt) {
    try {
      publish_once(def, text, sha, published_by, origin, result);
      break;
    } catch (const storage::duplicate& e) {  // in_transaction names the refused key
      if (attempt >= 5) throw;
      log::warn("workflow publish retried", {{"id", def.id}, {"error", e.what()}});
    }
  }
  if (result.created)
    log::info("workflow published", {{"id", result.id}, {"version", result.version}, {"origin", origin}});
  return result;
}

void store::publish_once(const definition& def, const std::string& text, const std::string& sha,
                         std::optional<std::int64_t> published_by, const std::string& origin, publish_result& result) {
  storage::in_transaction(db_, [&](soci::session& sql) {
    if (origin == "builtin") {
      int existing = 0;
      soci::indicator ind = soci::i_null;
      sql << "SELECT MAX(version) FROM workflow_definitions WHERE workflow_id = :id AND content_sha256 = :h",
          soci::use(def.id), soci::use(sha), soci::into(existing, ind);
      if (ind == soci::i_ok && existing > 0) {
        result.version = existing;
        result.created = false;
        return;
      }
    }
    // The primary key (workflow_id, version) makes a concurrent publisher of
    // the same id fail instead of both getting N+1.
    result.version = latest_version(sql, def.id) + 1;
    long long by = published_by.value_or(0);
    soci::indicator by_ind = published_by ? soci::i_ok : soci::i_null;
    const std::string now = storage::now_iso();
    sql << "INSERT INTO workflow_definitions (workflow_id, version, definition, content_sha256, origin, published_by, "
           "published_at) VALUES (:id, :v, :d, :h, :o, :b, :t)",
        soci::use(def.id), soci::use(result.version), soci::use(text), soci::use(sha), soci::use(origin),
        soci::use(by, by_ind), soci::use(now);
  });
}

std::vector<publish_result> store::load_builtin(const std::filesystem::path& dir) {
  std::vector<publish_result> out;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".json" && !entry.path().filename().string().ends_with(".schema.json")) {
      files.push_back(entry.path());
    }
  }
  std::ranges::sort(files);
  for (const auto& path : files) {
    const auto text = read_file(path);
    if (!text) throw std::runtime_error(path.string() + ": cannot read it");
    boost::system::error_code ec;
    auto json = boost::json::parse(*text, ec);
    if (ec) throw std::runtime_error(path.string() + ": not valid JSON: " + ec.message());
    try {
      out.push_back(publish(json, std::nullopt, "builtin"));
    } catch (const error::problem& p) {
      std::string detail;
      for (const auto& e : p.fields())
        detail += "\n  " + e.pointer + ": " + error::render(e.code, e.params, error::language::en);
      throw std::runtime_error(path.string() + ": invalid workflow definition:" + detail);
    }
  }
  return out;
}

std::optional<boost::json::value> store::document(const std::string& id, int version) {
  storage::lease session(db_);
  return document(*session, id, version);
}

std::optional<boost::json::value> store::document(soci::session& sql, const std::string& id, int version) {
  std::string text;
  sql << "SELECT definition FROM workflow_definitions WHERE workflow_id = :id AND version = :v", soci::use(id),
      soci::use(version), soci::into(text);
  if (!sql.got_data()) return std::nullopt;
  return parse_stored_json(text);
}

std::shared_ptr<const definition> store::get(const std::string& id, int version) {
  storage::expect_no_lease(db_);
  {
    std::lock_guard lock(cache_mutex_);
    auto it = cache_.find({id, version});
    if (it != cache_.end()) return it->second;
  }
  storage::lease session(db_);
  return get(*session, id, version);
}

std::shared_ptr<const definition> store::get(soci::session& sql, const std::string& id, int version) {
  {
    std::lock_guard lock(cache_mutex_);
    auto it = cache_.find({id, version});
    if (it != cache_.end()) return it->second;
  }
  auto json = document(sql, id, version);
  if (!json) return nullptr;
  auto parsed = parse_definition(*json);
  if (!parsed.def)
    throw std::runtime_error("stored workflow " + id + " v" + std::to_string(version) + " no longer parses");
  parsed.def->version = version;
  auto shared = std::make_shared<const definition>(std::move(*parsed.def));
  std::lock_guard lock(cache_mutex_);
  return cache_.try_emplace({id, version}, shared).first->second;
}

std::vector<workflow_summary> store::list() {
  std::vector<std::pair<std::string, int>> latest;
  std::map<std::string, int> defaults;
  {
    storage::lease session(db_);
    soci::rowset<soci::row> rows =
        (session->prepare << "SELECT workflow_id, MAX(version) FROM workflow_definitions GROUP BY workflow_id "
                             "ORDER BY workflow_id");
    for (const auto& row : rows) latest.emplace_back(storage::column_text(row, 0), int(storage::column_int(row, 1)));
    soci::rowset<soci::row> settings =
        (session->prepare << "SELECT workflow_id, default_version FROM workflow_settings");
    for (const auto& row : settings) defaults[storage::column_text(row, 0)] = int(storage::column_int(row, 1));
  }
  std::vector<workflow_summary> out;
  for (const auto& [id, version] : latest) {
    auto def = get(id, version);
    out.push_back({id, def->title, def->plan_types, version, defaults.contains(id) ? defaults[id] : 0});
  }
  return out;
}

std::vector<std::string> store::editing_stage_ids() {
  std::vector<std::pair<std::string, int>> all;
  {
    storage::lease session(db_);
    soci::rowset<soci::row> rows = (session->prepare << "SELECT workflow_id, version FROM workflow_definitions");
    for (const auto& row : rows) all.emplace_back(storage::column_text(row, 0), int(storage::column_int(row, 1)));
  }
  std::vector<std::string> out;
  for (const auto& [id, version] : all) {
    for (const auto& s : get(id, version)->stages) {
      if (s.kind == stage_kind::editing && std::ranges::find(out, s.id) == out.end()) out.push_back(s.id);
    }
  }
  return out;
}

std::vector<version_info> store::versions(const std::string& id) {
  storage::lease session(db_);
  std::vector<version_info> out;
  soci::rowset<soci::row> rows =
      (session->prepare
           << "SELECT version, content_sha256, origin, published_by, published_at FROM workflow_definitions "
              "WHERE workflow_id = :id ORDER BY version",
       soci::use(id));
  for (const auto& row : rows) {
    out.push_back({int(storage::column_int(row, 0)), storage::column_text(row, 1), storage::column_text(row, 2),
                   storage::column_opt_int(row, 3), storage::column_text(row, 4)});
  }
  return out;
}

int store::version_for_new_cases(soci::session& sql, const std::string& id) {
  int chosen = 0;
  sql << "SELECT default_version FROM workflow_settings WHERE workflow_id = :id", soci::use(id), soci::into(chosen);
  if (sql.got_data() && chosen > 0) return chosen;
  return latest_version(sql, id);
}

void store::set_default_version(const std::string& id, int version, std::optional<std::int64_t> by) {
  storage::in_transaction(db_, [&](soci::session& sql) {
    const int latest = latest_version(sql, id);
    if (latest == 0) throw error::not_found(error::messages::workflow_not_found, {{"id", id}});
    if (version < 0 || version > latest) {
      throw error::invalid("/version", error::messages::version_latest_or_published, {{"latest", latest}});
    }
    long long who = by.value_or(0);
    soci::indicator who_ind = by ? soci::i_ok : soci::i_null;
    const std::string now = storage::now_iso();
    sql << "DELETE FROM workflow_settings WHERE workflow_id = :id", soci::use(id);
    sql << "INSERT INTO workflow_settings (workflow_id, default_version, updated_by, updated_at) VALUES (:id, :v, :b, "
           ":t)",
        soci::use(id), soci::use(version), soci::use(who, who_ind), soci::use(now);
  });
}

}  // namespace planflow::workflow
