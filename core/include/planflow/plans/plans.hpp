#pragma once
/// Plans: a plan type's content in numbered revisions, driven through its
/// workflow by a case. Every write (the plan, its revision, the case and its
/// events) commits in one transaction.

#include <planflow/directory/users.hpp>
#include <planflow/plugin/registry.hpp>
#include <planflow/storage/database.hpp>
#include <planflow/workflow/engine.hpp>

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planflow::plans {

struct plan {
  std::int64_t id = 0;
  std::string plan_type;
  std::string title;
  std::string province_code;
  std::int64_t agency_id = 0;
  int fiscal_year = 0;
  std::int64_t created_by = 0;
  std::string created_at;
  std::string updated_at;
  workflow::case_state state;
};

struct revision {
  int number = 0;
  boost::json::value content;
  std::string content_sha256;  ///< of the canonical JSON
  int error_count = 0;
  int warning_count = 0;
  std::int64_t created_by = 0;
  std::string created_at;
};

struct new_plan {
  std::string plan_type;
  std::string title;
  std::string province_code;
  std::int64_t agency_id = 0;
  int fiscal_year = 0;
  boost::json::value content;
  std::string workflow_id;   ///< "" = the plan type's default
  int workflow_version = 0;  ///< 0 = the version new plans get
};

struct filter {
  std::string stage;
  std::string plan_type;
  std::string province_code;
  std::optional<std::int64_t> agency_id;
  std::optional<int> fiscal_year;
  std::string title_contains;
  /// Visibility, applied in SQL so pagination counts only what one may see.
  std::vector<std::int64_t> agency_ids;  ///< plans of these agencies, any stage
  /// (province, plan type or "" for every type): committee scopes, which see
  /// plans outside the editing stages
  std::vector<std::pair<std::string, std::string>> committee_scopes;
  std::vector<std::string> all_stage_provinces;  ///< plans of these provinces, any stage ("*" = every province)
  std::vector<std::string> hidden_stages;        ///< editing stages, hidden from committee scopes
};

struct page {
  std::vector<plan> items;
  std::optional<std::int64_t> next_cursor;
};

struct comment {
  std::int64_t id = 0;
  int revision = 0;
  std::int64_t author_id = 0;
  std::string anchor;  ///< JSON Pointer into the content, "" for the whole plan
  std::string body;
  std::string created_at;
};

/// Plans and their revisions and comments. Methods without a
/// `soci::session&` lease their own connection (and writes run in a retried
/// transaction): call them only while holding no lease of the database.
class service {
 public:
  service(storage::database& db, workflow::engine& engine, plugin::registry& types,
          std::vector<plugin::province_name> provinces);

  const plugin::plan_type& type_of(const std::string& id) const;  ///< throws 422 when not loaded
  /// What a plugin is told about a plan of this province and year: the
  /// provinces and the province's agency directory (read here, so the caller
  /// must hold no lease of the database).
  plugin::plan_context context_for(const std::string& province_code, int fiscal_year) const;

  /// Refuses (422 naming each member at `pointer` + its place in the
  /// content) content with members its plan type's schema does not define;
  /// create and update_content call it before anything is stored.
  void check_content(const plugin::plan_type& type, const boost::json::value& content,
                     const std::string& pointer) const;

  /// Creates the plan in its workflow's initial stage with revision 1. The
  /// content is checked at "/content" (where POST /plans carries it).
  plan create(const new_plan& input, const directory::user& creator, const std::string& remote_address);
  std::optional<plan> find(std::int64_t id);
  std::optional<plan> find_by_case(std::int64_t case_id);
  page list(const filter& f, std::optional<std::int64_t> cursor, int limit);
  /// The plans of a type and province whose fiscal year is within
  /// [first_year, last_year], by year then id: the editions of a multi-year
  /// plan. At most k_max_editions (a province writes one plan a year).
  std::vector<plan> editions(const std::string& plan_type, const std::string& province_code, int first_year,
                             int last_year);
  static constexpr int k_max_editions = 100;

  /// Saves `content` as revision expected_revision + 1 (412 when stale, 409
  /// when the stage does not let `editor` edit). Content equal to the current
  /// revision's (canonical JSON, SHA-256) saves nothing: the plan is returned
  /// as it is, at its revision, with its signatures.
  plan update_content(std::int64_t id, int expected_revision, const boost::json::value& content,
                      const directory::user& editor, const std::string& remote_address);

  std::optional<revision> get_revision(std::int64_t plan_id, int number);
  std::vector<revision> revisions(std::int64_t plan_id);  ///< without content

  comment add_comment(std::int64_t plan_id, const directory::user& author, const std::string& anchor,
                      const std::string& body, const std::string& remote_address);
  std::vector<comment> comments(soci::session& sql, std::int64_t plan_id);

  std::vector<plugin::finding> validate(const plan& p, const boost::json::value& content) const;

 private:
  storage::database& db_;
  workflow::engine& engine_;
  plugin::registry& types_;
  std::vector<plugin::province_name> provinces_;
};

/// A structural diff: the JSON Pointers added, removed and changed between two documents.
boost::json::object structural_diff(const boost::json::value& before, const boost::json::value& after);

/// The plan's title ("" when there is no such plan), read within the caller's session.
std::string title_of(soci::session& sql, std::int64_t plan_id);

}  // namespace planflow::plans
