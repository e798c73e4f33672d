#pragma once
/// Published workflow definitions. Publishing an id that exists creates
/// version N+1; versions never change once stored, so parsed definitions are
/// cached for the life of the process.

#include <planflow/storage/database.hpp>
#include <planflow/workflow/definition.hpp>

#include <boost/json/value.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace planflow::workflow {

struct publish_result {
  std::string id;
  int version = 0;
  bool created = true;  ///< false when an identical version already existed (built-ins only)
  std::vector<finding> warnings;
};

struct version_info {
  int version = 0;
  std::string content_sha256;
  std::string origin;  ///< "builtin" or "admin"
  std::optional<std::int64_t> published_by;
  std::string published_at;
};

struct workflow_summary {
  std::string id;
  localized title;
  std::vector<std::string> plan_types;
  int latest_version = 0;
  int default_version = 0;  ///< 0: new cases get the latest
};

class store {
 public:
  explicit store(storage::database& db);

  /// Validates `json` and stores it as the next version of its id. Throws
  /// error::problem 422 `invalid-workflow` listing every error (with its JSON
  /// Pointer and code) and the warnings; nothing is stored then.
  publish_result publish(const boost::json::value& json, std::optional<std::int64_t> published_by,
                         const std::string& origin = "admin");

  /// Publishes every *.json of `dir` whose content differs from all stored
  /// versions of its id. Throws std::runtime_error naming the file when one is invalid.
  std::vector<publish_result> load_builtin(const std::filesystem::path& dir);

  /// A published version, or nullptr. The overload with a session reads
  /// through it, for callers that already hold one (a second lease from a
  /// small pool could wait forever).
  std::shared_ptr<const definition> get(const std::string& id, int version);
  std::shared_ptr<const definition> get(soci::session& sql, const std::string& id, int version);
  /// The stored document of a version as published, or nullopt.
  std::optional<boost::json::value> document(const std::string& id, int version);
  std::optional<boost::json::value> document(soci::session& sql, const std::string& id, int version);

  std::vector<workflow_summary> list();
  /// Ids of the editing-kind stages of every stored version (what committees
  /// do not see in plan lists).
  std::vector<std::string> editing_stage_ids();
  std::vector<version_info> versions(const std::string& id);

  /// The version a new case of workflow `id` starts on (the chosen default or
  /// the latest); 0 when no version of `id` exists.
  int version_for_new_cases(soci::session& sql, const std::string& id);

  /// Chooses the version new cases get; 0 goes back to "the latest". Throws
  /// error::problem 404/422 for an unknown workflow or version.
  void set_default_version(const std::string& id, int version, std::optional<std::int64_t> by);

 private:
  void publish_once(const definition& def, const std::string& text, const std::string& sha,
                    std::optional<std::int64_t> published_by, const std::string& origin, publish_result& result);

  storage::database& db_;
  std::mutex cache_mutex_;
  std::map<std::pair<std::string, int>, std::shared_ptr<const definition>> cache_;
};

}  // namespace planflow::workflow
