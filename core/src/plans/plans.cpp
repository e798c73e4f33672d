#include <planflow/auth/crypto.hpp>
#include <planflow/directory/agencies.hpp>
#include <planflow/error/problem.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/plans/content_schema.hpp>
#include <planflow/plans/plans.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/util/canonical_json.hpp>
#include <planflow/util/json_parse.hpp>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <deque>
#include <variant>

namespace planflow::plans {
namespace {

constexpr const char* k_plan_columns =
    "SELECT p.id, p.plan_type, p.title, p.province_code, p.agency_id, p.fiscal_year, p.created_by, p.created_at, "
    "p.updated_at, p.case_id FROM plans p JOIN workflow_cases c ON c.id = p.case_id ";

struct plan_row {
  plan p;
  std::int64_t case_id = 0;
};

plan_row plan_from_row(const soci::row& row) {
  using namespace storage;
  plan_row out;
  out.p.id = column_int(row, 0);
  out.p.plan_type = column_text(row, 1);
  out.p.title = column_text(row, 2);
  out.p.province_code = column_text(row, 3);
  out.p.agency_id = column_int(row, 4);
  out.p.fiscal_year = int(column_int(row, 5));
  out.p.created_by = column_int(row, 6);
  out.p.created_at = column_text(row, 7);
  out.p.updated_at = column_text(row, 8);
  out.case_id = column_int(row, 9);
  return out;
}

// Positional parameters for a query assembled at run time; deques keep the
// bound references valid while SOCI holds them.
struct dynamic_params {
  std::deque<std::string> texts;
  std::deque<long long> numbers;
  std::vector<std::variant<std::string*, long long*>> order;

  std::string text(std::string value) {
    texts.push_back(std::move(value));
    order.emplace_back(&texts.back());
    return ":p" + std::to_string(order.size());
  }
  std::string number(long long value) {
    numbers.push_back(value);
    order.emplace_back(&numbers.back());
    return ":p" + std::to_string(order.size());
  }
  template <class Container, class Fn>
  std::string list(const Container& values, Fn&& add) {
    std::string out = "(";
    for (const auto& v : values) out += (out.size() > 1 ? ", " : "") + add(v);
    return out + ")";
  }
  void bind(soci::details::prepare_temp_type& prep) {
    for (auto& p : order) {
      std::visit([&](auto* ptr) { prep, soci::use(*ptr); }, p);
    }
  }
};

void store_revision(soci::session& sql, std::int64_t plan_id, int number, const std::string& canonical,
                    const std::string& sha, int errors, int warnings, std::int64_t by) {
  long long pid = plan_id, author = by;
  const std::string now = storage::now_iso();
  sql << "INSERT INTO plan_revisions (plan_id, revision, content, content_sha256, error_count, warning_count, "
         "created_by, created_at) VALUES (:p, :r, :c, :h, :e, :w, :b, :t)",
      soci::use(pid), soci::use(number), soci::use(canonical), soci::use(sha), soci::use(errors), soci::use(warnings),
      soci::use(author), soci::use(now);
}

std::pair<int, int> count_findings(const std::vector<plugin::finding>& findings) {
  int errors = int(std::ranges::count_if(findings, [](const auto& f) { return f.severity == "error"; }));
  return {errors, int(findings.size()) - errors};
}

void diff_into(const boost::json::value& a, const boost::json::value& b, const std::string& pointer,
               boost::json::array& added, boost::json::array& removed, boost::json::array& changed, int depth) {
  if (a.kind() == b.kind() && a.is_object() && depth < 64) {
    const auto& ao = a.get_object();
    const auto& bo = b.get_object();
    for (const auto& kv : ao) {
      auto child = pointer_append(pointer, kv.key());
      if (auto it = bo.find(kv.key()); it != bo.end()) {
        diff_into(kv.value(), it->value(), child, added, removed, changed, depth + 1);
      } else {
        removed.push_back({{"path", child}, {"before", kv.value()}});
      }
    }
    for (const auto& kv : bo) {
      if (!ao.contains(kv.key())) added.push_back({{"path", pointer_append(pointer, kv.key())}, {"after", kv.value()}});
    }
    return;
  }
  if (a.kind() == b.kind() && a.is_array() && depth < 64) {
    const auto& aa = a.get_array();
    const auto& ba = b.get_array();
    const std::size_t common = std::min(aa.size(), ba.size());
    for (std::size_t i = 0; i < common; ++i) {
      diff_into(aa[i], ba[i], pointer + "/" + std::to_string(i), added, removed, changed, depth + 1);
    }
    for (std::size_t i = common; i < aa.size(); ++i)
      removed.push_back({{"path", pointer + "/" + std::to_string(i)}, {"before", aa[i]}});
    for (std::size_t i = common; i < ba.size(); ++i)
      added.push_back({{"path", pointer + "/" + std::to_string(i)}, {"after", ba[i]}});
    return;
  }
  if (a != b) changed.push_back({{"path", pointer}, {"before", a}, {"after", b}});
}

}  // namespace

boost::json::object structural_diff(const boost::json::value& before, const boost::json::value& after) {
  boost::json::array added, removed, changed;
  diff_into(before, after, "", added, removed, changed, 0);
  return {{"added", std::move(added)}, {"removed", std::move(removed)}, {"changed", std::move(changed)}};
}

service::service(storage::database& db, workflow::engine& engine, plugin::registry& types,
                 std::vector<plugin::province_name> provinces)
    : db_(db), engine_(engine), types_(types), provinces_(std::move(provinces)) {}

const plugin::plan_type& service::type_of(const std::string& id) const {
  const auto* type = types_.find(id);
  if (!type) throw error::invalid("/plan_type", error::messages::plan_type_not_loaded, {{"plan_type", id}});
  return *type;
}

plugin::plan_context service::context_for(const std::string& province_code, int fiscal_year) const {
  plugin::plan_context ctx{province_code, fiscal_year, provinces_, std::nullopt};
  if (!ctx.province()) return ctx;  // an unknown province has no directory to link names to
  storage::lease session(db_);
  auto& agencies = ctx.agencies.emplace();
  for (auto& a : directory::list_agencies(*session, province_code)) agencies.push_back({a.id, std::move(a.name_th)});
  return ctx;
}

std::vector<plugin::finding> service::validate(const plan& p, const boost::json::value& content) const {
  return type_of(p.plan_type).validate(content, context_for(p.province_code, p.fiscal_year));
}

void service::check_content(const plugin::plan_type& type, const boost::json::value& content,
                            const std::string& pointer) const {
  error::throw_if_invalid(content_violations(content, type.content_schema(), pointer));
}

plan service::create(const new_plan& input, const directory::user& creator, const std::string& remote_address) {
  const auto& type = type_of(input.plan_type);
  check_content(type, input.content, "/content");
  const auto content = type.upgrade_content(input.content);  // stored as served, as in update_content
  const auto findings = type.validate(content, context_for(input.province_code, input.fiscal_year));
  // Not a structured binding: the transaction's lambda captures both, which
  // clang-tidy's parser (clang 14) does not take from a binding.
  const auto counts = count_findings(findings);
  const int errors = counts.first, warnings = counts.second;
  const std::string canonical = canonical_json(content);
  const std::string sha = auth::sha256_hex(canonical);
  const std::string workflow_id = input.workflow_id.empty() ? type.default_workflow() : input.workflow_id;

  const auto id = storage::in_transaction(db_, [&](soci::session& sql) {
    auto case_id = engine_.start_case(sql, {"plan", workflow_id, input.workflow_version, input.province_code,
                                            input.plan_type, input.agency_id, creator.id, sha, errors, remote_address});
    long long cid = case_id, agency = input.agency_id, by = creator.id;
    const std::string now = storage::now_iso();
    sql << "INSERT INTO plans (case_id, plan_type, title, province_code, agency_id, fiscal_year, created_by, "
           "created_at, updated_at) VALUES (:c, :t, :ti, :p, :a, :y, :b, :ca, :u)",
        soci::use(cid), soci::use(input.plan_type), soci::use(input.title), soci::use(input.province_code),
        soci::use(agency), soci::use(input.fiscal_year), soci::use(by), soci::use(now), soci::use(now);
    auto plan_id = storage::last_insert_id(sql, "plans");
    store_revision(sql, plan_id, 1, canonical, sha, errors, warnings, creator.id);
    return plan_id;
  });
  return *find(id);
}

std::optional<plan> service::find(std::int64_t id) {
  storage::lease session(db_);
  long long key = id;
  std::optional<plan_row> found;
  {
    soci::rowset<soci::row> rows =
        (session->prepare << std::string(k_plan_columns) + "WHERE p.id = :id", soci::use(key));
    for (const auto& row : rows) found = plan_from_row(row);
  }
  if (!found) return std::nullopt;
  found->p.state = *engine_.find_case(*session, found->case_id);
  return found->p;
}

std::vector<plan> service::editions(const std::string& plan_type, const std::string& province_code, int first_year,
                                    int last_year) {
  std::vector<std::int64_t> ids;
  {
    storage::lease session(db_);
    soci::rowset<soci::row> rows =
        (session->prepare << "SELECT id FROM plans WHERE plan_type = :t AND province_code = :p AND fiscal_year >= :a "
                             "AND fiscal_year <= :b ORDER BY fiscal_year, id",
         soci::use(plan_type), soci::use(province_code), soci::use(first_year), soci::use(last_year));
    for (const auto& row : rows) {
      if (ids.size() >= std::size_t(k_max_editions)) break;
      ids.push_back(storage::column_int(row, 0));
    }
  }
  std::vector<plan> out;
  for (auto id : ids) {
    if (auto p = find(id)) out.push_back(std::move(*p));
  }
  return out;
}

std::optional<plan> service::find_by_case(std::int64_t case_id) {
  long long key = case_id, id = 0;
  {
    storage::lease session(db_);
    *session << "SELECT id FROM plans WHERE case_id = :c", soci::use(key), soci::into(id);
    if (!session->got_data()) return std::nullopt;
  }
  return find(id);
}

page service::list(const filter& f, std::optional<std::int64_t> cursor, int limit) {
  dynamic_params params;
  std::string where = "WHERE 1 = 1";
  if (!f.stage.empty()) where += " AND c.stage = " + params.text(f.stage);
  if (!f.plan_type.empty()) where += " AND p.plan_type = " + params.text(f.plan_type);
  if (!f.province_code.empty()) where += " AND p.province_code = " + params.text(f.province_code);
  if (f.agency_id) where += " AND p.agency_id = " + params.number(*f.agency_id);
  if (f.fiscal_year) where += " AND p.fiscal_year = " + params.number(*f.fiscal_year);
  if (!f.title_contains.empty()) {
    std::string pattern = "%";
    for (char ch : f.title_contains) {
      if (ch == '%' || ch == '_' || ch == '!') pattern.push_back('!');
      pattern.push_back(ch);
    }
    pattern += "%";
    where += " AND p.title LIKE " + params.text(pattern) + " ESCAPE '!'";
  }
  std::vector<std::string> visible;
  const bool everything = std::ranges::find(f.all_stage_provinces, "*") != f.all_stage_provinces.end();
  if (!everything) {
    if (!f.agency_ids.empty()) {
      visible.push_back("p.agency_id IN " + params.list(f.agency_ids, [&](auto v) { return params.number(v); }));
    }
    if (!f.all_stage_provinces.empty()) {
      visible.push_back("p.province_code IN " +
                        params.list(f.all_stage_provinces, [&](const auto& v) { return params.text(v); }));
    }
    for (const auto& [province, type] : f.committee_scopes) {
      std::string clause = "(p.province_code = " + params.text(province);
      if (!type.empty()) clause += " AND p.plan_type = " + params.text(type);
      if (!f.hidden_stages.empty()) {
        clause += " AND c.stage NOT IN " + params.list(f.hidden_stages, [&](const auto& v) { return params.text(v); });
      }
      visible.push_back(clause + ")");
    }
    if (visible.empty()) return {};
    std::string any;
    for (const auto& v : visible) any += (any.empty() ? "" : " OR ") + v;
    where += " AND (" + any + ")";
  }
  if (cursor) where += " AND p.id < " + params.number(*cursor);
  const std::string query = std::string(k_plan_columns) + where + " ORDER BY p.id DESC LIMIT " +
                            std::to_string(std::clamp(limit, 1, 200) + 1);

  storage::lease session(db_);
  std::vector<plan_row> rows_out;
  {
    soci::details::prepare_temp_type prep = (session->prepare << query);
    params.bind(prep);
    soci::rowset<soci::row> rows(prep);
    for (const auto& row : rows) rows_out.push_back(plan_from_row(row));
  }
  page out;
  const std::size_t wanted = std::size_t(std::clamp(limit, 1, 200));
  if (rows_out.size() > wanted) {
    rows_out.resize(wanted);
    out.next_cursor = rows_out.back().p.id;
  }
  for (auto& r : rows_out) {
    r.p.state = *engine_.find_case(*session, r.case_id);
    out.items.push_back(std::move(r.p));
  }
  return out;
}

plan service::update_content(std::int64_t id, int expected_revision, const boost::json::value& sent,
                             const directory::user& editor, const std::string& remote_address) {
  auto current = find(id);
  if (!current) throw error::not_found(error::messages::plan_not_found, {{"id", id}});
  check_content(type_of(current->plan_type), sent, "");
  // Content in an earlier shape (a page opened before an upgrade) is stored
  // in today's, as it would be served: what is stored, served and signed is
  // one text.
  const auto content = type_of(current->plan_type).upgrade_content(sent);
  const auto findings = validate(*current, content);
  // Not a structured binding: the transaction's lambda captures both, which
  // clang-tidy's parser (clang 14) does not take from a binding.
  const auto counts = count_findings(findings);
  const int errors = counts.first, warnings = counts.second;
  const std::string canonical = canonical_json(content);
  const std::string sha = auth::sha256_hex(canonical);
  storage::in_transaction(db_, [&](soci::session& sql) {
    // record_revision locks the case and refuses a stale or forbidden edit
    // before anything else is written.
    if (!engine_.record_revision(sql, current->state.id, expected_revision + 1, sha, errors, editor, remote_address)) {
      return;  // the content is the current revision's: nothing to store
    }
    store_revision(sql, id, expected_revision + 1, canonical, sha, errors, warnings, editor.id);
    long long key = id;
    const std::string now = storage::now_iso();
    sql << "UPDATE plans SET updated_at = :t WHERE id = :id", soci::use(now), soci::use(key);
  });
  return *find(id);
}

std::optional<revision> service::get_revision(std::int64_t plan_id, int number) {
  storage::lease session(db_);
  long long key = plan_id;
  soci::rowset<soci::row> rows =
      (session->prepare
           << "SELECT r.revision, r.content, r.content_sha256, r.error_count, r.warning_count, r.created_by, "
              "r.created_at, p.plan_type FROM plan_revisions r JOIN plans p ON p.id = r.plan_id "
              "WHERE r.plan_id = :p AND r.revision = :r",
       soci::use(key), soci::use(number));
  for (const auto& row : rows) {
    using namespace storage;
    // Read in the plan type's current shape (as stored when its plugin is
    // not loaded); the stored text and its SHA-256 stay until the next save.
    auto content = parse_stored_json(column_text(row, 1));
    if (const auto* type = types_.find(column_text(row, 7))) content = type->upgrade_content(std::move(content));
    return revision{int(column_int(row, 0)), std::move(content), column_text(row, 2), int(column_int(row, 3)),
                    int(column_int(row, 4)), column_int(row, 5), column_text(row, 6)};
  }
  return std::nullopt;
}

std::vector<revision> service::revisions(std::int64_t plan_id) {
  storage::lease session(db_);
  long long key = plan_id;
  std::vector<revision> out;
  soci::rowset<soci::row> rows =
      (session->prepare << "SELECT revision, content_sha256, error_count, warning_count, created_by, created_at "
                           "FROM plan_revisions WHERE plan_id = :p ORDER BY revision",
       soci::use(key));
  for (const auto& row : rows) {
    using namespace storage;
    out.push_back({int(column_int(row, 0)), nullptr, column_text(row, 1), int(column_int(row, 2)),
                   int(column_int(row, 3)), column_int(row, 4), column_text(row, 5)});
  }
  return out;
}

comment service::add_comment(std::int64_t plan_id, const directory::user& author, const std::string& anchor,
                             const std::string& body, const std::string& remote_address) {
  auto p = find(plan_id);
  if (!p) throw error::not_found(error::messages::plan_not_found, {{"id", plan_id}});
  if (!anchor.empty()) {
    auto rev = get_revision(plan_id, p->state.revision);
    boost::system::error_code ec;
    if (anchor.front() != '/' || !rev->content.find_pointer(anchor, ec)) {
      throw error::invalid("/anchor", error::messages::anchor_not_in_content);
    }
  }
  (void)remote_address;
  comment c{0, p->state.revision, author.id, anchor, body, storage::now_iso()};
  storage::in_transaction(db_, [&](soci::session& sql) {
    long long pid = plan_id, uid = author.id;
    sql << "INSERT INTO plan_comments (plan_id, revision, author_id, anchor, body, created_at) VALUES (:p, :r, :a, "
           ":an, :b, :t)",
        soci::use(pid), soci::use(c.revision), soci::use(uid), soci::use(c.anchor), soci::use(c.body),
        soci::use(c.created_at);
    c.id = storage::last_insert_id(sql, "plan_comments");
  });
  return c;
}

std::vector<comment> service::comments(soci::session& sql, std::int64_t plan_id) {
  long long key = plan_id;
  std::vector<comment> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, revision, author_id, anchor, body, created_at FROM plan_comments "
                      "WHERE plan_id = :p ORDER BY id",
       soci::use(key));
  for (const auto& row : rows) {
    using namespace storage;
    out.push_back({column_int(row, 0), int(column_int(row, 1)), column_int(row, 2), column_text(row, 3),
                   column_text(row, 4), column_text(row, 5)});
  }
  return out;
}

std::string title_of(soci::session& sql, std::int64_t plan_id) {
  long long id = plan_id;
  std::string title;
  sql << "SELECT title FROM plans WHERE id = :p", soci::use(id), soci::into(title);
  return title;
}

}  // namespace planflow::plans
