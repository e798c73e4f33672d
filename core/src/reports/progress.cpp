#include <planflow/delivery/outbox.hpp>
#include <planflow/directory/agencies.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/error/problem.hpp>
#include <planflow/policy/policy.hpp>
#include <planflow/reports/progress.hpp>
#include <planflow/storage/row.hpp>
#include <planflow/text/agency_names.hpp>
#include <planflow/text/thai.hpp>
#include <planflow/util/json_parse.hpp>
#include <planflow/util/log.hpp>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace planflow::reports {

namespace {

// The person with the roles they may act in now, delegations included.
policy::actor actor_in(soci::session& sql, const directory::user& user) {
  return policy::actor_with_delegations(sql, user, storage::now_iso());
}

policy::resource scope_of(const workflow::case_state& c) {
  return policy::resource::in(c.province_code, c.plan_type, c.agency_id);
}

// An amount as a message parameter: whole baht as an integer, satang as
// the decimal it is (the catalog writes it with separators).
boost::json::value satang_as_baht(std::int64_t satang) {
  if (satang % 100 == 0) return satang / 100;
  return double(satang) / 100.0;
}

using namespace std::chrono;

constexpr const char* k_report_columns =
    "SELECT r.id, r.plan_id, r.case_id, r.fiscal_year, r.quarter, r.opens_on, r.due_on, r.opened_at, c.stage "
    "FROM quarterly_reports r JOIN workflow_cases c ON c.id = r.case_id ";

quarterly_report report_from_row(const soci::row& row) {
  using namespace storage;
  return {column_int(row, 0),      column_int(row, 1),      column_int(row, 2),
          int(column_int(row, 3)), int(column_int(row, 4)), column_text(row, 5),
          column_text(row, 6),     column_opt_text(row, 7), column_text(row, 8)};
}

// The first agency the content links that is still in the province's
// directory; for content whose names are not linked, the first single agency
// it names that the directory has (the same name, or the same once spacing,
// abbreviations and the omitted province are accounted for); the plan's own
// agency when none is, which the secretary may reassign. Groups ("every
// agency in the province") name nobody in particular.
std::int64_t responsible_agency(const std::vector<text::directory_agency>& directory, const plugin::progress_item& item,
                                const std::string& province_name, std::int64_t fallback) {
  for (auto id : item.agency_ids) {
    if (std::ranges::any_of(directory, [&](const text::directory_agency& a) { return a.id == id; })) return id;
  }
  for (const auto& cell : item.agencies) {
    for (const auto& mention : text::split_agencies(cell)) {
      if (mention.collective) continue;
      auto match = text::match_agency(mention.text, province_name, directory);
      if (match.links()) {
        return match.agency_id;
      }
    }
  }
  return fallback;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

std::string today_iso(system_clock::time_point now) {
  return text::iso_date(year_month_day{floor<days>(now + hours(7))});
}

quarter_dates dates_of(int fiscal_year_be, int quarter) {
  auto start = text::quarter_start(fiscal_year_be, quarter);
  auto end = text::quarter_end(fiscal_year_be, quarter);
  auto next_month = year_month{end.year(), end.month()} + months(1);
  return {text::iso_date(start), text::iso_date(end), text::iso_date(next_month / day(5))};
}

progress_service::progress_service(storage::database& db, workflow::engine& engine, plugin::registry& types)
    : db_(db), engine_(engine), types_(types) {}

void progress_service::on_case_event(soci::session& sql, const workflow::case_state& c, const workflow::event& e) {
  if (e.kind != "transition" && e.kind != "escalation" && e.kind != "workflow_migrated") return;
  auto def = engine_.definitions().get(sql, c.workflow_id, c.workflow_version);
  const auto* to = def ? def->find_stage(e.to_stage) : nullptr;
  if (c.subject_kind == "report") {
    // An acknowledged report goes to the bodies it is owed to.
    if (to && to->kind == workflow::stage_kind::terminal) {
      if (auto report = find_report_by_case(sql, c.id)) delivery::enqueue(sql, report->id, c.province_code);
    }
    return;
  }
  if (c.subject_kind != "plan") return;
  if (!to || to->kind != workflow::stage_kind::reporting) return;
  long long case_id = c.id;
  int existing = 0;
  sql << "SELECT COUNT(*) FROM quarterly_reports r JOIN plans p ON p.id = r.plan_id WHERE p.case_id = :c",
      soci::use(case_id), soci::into(existing);
  if (existing == 0) create_reports(sql, c, e.remote_address);
}

void progress_service::create_reports(soci::session& sql, const workflow::case_state& plan_case,
                                      const std::string& remote_address) {
  long long case_id = plan_case.id;
  long long plan_id = 0, agency_id = 0, created_by = 0;
  int fiscal_year = 0, revision = 0;
  std::string plan_type, province;
  sql << "SELECT id, agency_id, fiscal_year, plan_type, province_code, created_by FROM plans WHERE case_id = :c",
      soci::use(case_id), soci::into(plan_id), soci::into(agency_id), soci::into(fiscal_year), soci::into(plan_type),
      soci::into(province), soci::into(created_by);
  revision = plan_case.revision;
  std::string content_text;
  sql << "SELECT content FROM plan_revisions WHERE plan_id = :p AND revision = :r", soci::use(plan_id),
      soci::use(revision), soci::into(content_text);
  const auto* type = types_.find(plan_type);
  if (!type) throw std::runtime_error("plan type " + plan_type + " is not loaded; cannot create its reports");
  auto items = type->progress_items(type->upgrade_content(parse_stored_json(content_text)));
  std::vector<text::directory_agency> agencies;
  for (const auto& a : directory::list_agencies(sql, province)) agencies.push_back({a.id, a.name_th});
  const auto province_row = directory::find_province(sql, province);
  const std::string province_name = province_row ? province_row->name_th : "";
  int position = 0;
  for (const auto& item : items) {
    long long budget = item.budget_satang.value_or(0);
    soci::indicator budget_ind = item.budget_satang ? soci::i_ok : soci::i_null;
    // A plugin's arithmetic may overflow where the content did not; no
    // column or report can show infinity, so such a target is no target.
    const bool has_target = item.target_value && std::isfinite(*item.target_value);
    double target = has_target ? *item.target_value : 0;
    soci::indicator target_ind = has_target ? soci::i_ok : soci::i_null;
    int measurable = item.measurable ? 1 : 0;
    long long agency = responsible_agency(agencies, item, province_name, agency_id);
    std::string agency_text = join(item.agencies);
    ++position;
    // A comparator the reports do not know is no comparator: judged as "at least".
    const std::string comparator =
        item.comparator == "at_most" || item.comparator == "exactly" ? item.comparator : std::string("at_least");
    const bool has_baseline = item.baseline && std::isfinite(*item.baseline);
    double baseline = has_baseline ? *item.baseline : 0;
    soci::indicator baseline_ind = has_baseline ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO report_items (plan_id, item_id, position, title, goal, indicator, budget_satang, measurable, "
           "target_value, unit, agency_id, agency_text, comparator, baseline) VALUES (:p, :i, :pos, :t, :g, :ind, :b, "
           ":m, :tv, :u, :a, :at, :cmp, :base)",
        soci::use(plan_id), soci::use(item.id), soci::use(position), soci::use(item.title), soci::use(item.goal),
        soci::use(item.indicator), soci::use(budget, budget_ind), soci::use(measurable), soci::use(target, target_ind),
        soci::use(item.unit), soci::use(agency), soci::use(agency_text), soci::use(comparator),
        soci::use(baseline, baseline_ind);
  }
  const std::string now = storage::now_iso();
  for (int quarter = 1; quarter <= 4; ++quarter) {
    auto report_case = engine_.start_case(sql, {"report", k_report_workflow, 0, province, plan_type, agency_id,
                                                created_by, plan_case.content_sha256, 0, remote_address});
    auto dates = dates_of(fiscal_year, quarter);
    long long rc = report_case;
    sql << "INSERT INTO quarterly_reports (plan_id, case_id, fiscal_year, quarter, opens_on, due_on, opened_at, "
           "opened_by, created_at) VALUES (:p, :c, :y, :q, :o, :d, NULL, NULL, :t)",
        soci::use(plan_id), soci::use(rc), soci::use(fiscal_year), soci::use(quarter), soci::use(dates.opens_on),
        soci::use(dates.due_on), soci::use(now);
  }
  log::info("quarterly reports created", {{"plan", plan_id}, {"items", int(items.size())}});
}

workflow::guard_result progress_service::progress_confirmed(soci::session& sql, const workflow::case_state& c) {
  long long case_id = c.id;
  if (c.subject_kind == "report") {
    auto report = find_report_by_case(sql, c.id);
    if (!report)
      return workflow::guard_result::of("all_progress_confirmed", false, error::messages::no_report_for_case);
    long long rid = report->id, pid = report->plan_id;
    int items = 0, confirmed = 0;
    sql << "SELECT COUNT(*) FROM report_items WHERE plan_id = :p", soci::use(pid), soci::into(items);
    sql << "SELECT COUNT(*) FROM progress_entries WHERE report_id = :r AND confirmed_at IS NOT NULL", soci::use(rid),
        soci::into(confirmed);
    const bool met = confirmed >= items;
    return workflow::guard_result::of("all_progress_confirmed", met, error::messages::activities_confirmed,
                                      {{"confirmed", confirmed}, {"items", items}});
  }
  int reports = 0, acknowledged = 0;
  sql << "SELECT COUNT(*), SUM(CASE WHEN rc.stage = 'acknowledged' THEN 1 ELSE 0 END) FROM quarterly_reports r "
         "JOIN plans p ON p.id = r.plan_id JOIN workflow_cases rc ON rc.id = r.case_id WHERE p.case_id = :c",
      soci::use(case_id), soci::into(reports), soci::into(acknowledged);
  if (reports == 0)
    return workflow::guard_result::of("all_progress_confirmed", false, error::messages::no_quarterly_reports);
  return workflow::guard_result::of("all_progress_confirmed", acknowledged == reports,
                                    error::messages::reports_acknowledged,
                                    {{"acknowledged", acknowledged}, {"reports", reports}});
}

std::vector<quarterly_report> progress_service::reports_of(soci::session& sql, std::int64_t plan_id) {
  long long key = plan_id;
  std::vector<quarterly_report> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(k_report_columns) + "WHERE r.plan_id = :p ORDER BY r.quarter", soci::use(key));
  for (const auto& row : rows) out.push_back(report_from_row(row));
  return out;
}

std::optional<quarterly_report> progress_service::find_report(soci::session& sql, std::int64_t report_id) {
  long long key = report_id;
  soci::rowset<soci::row> rows = (sql.prepare << std::string(k_report_columns) + "WHERE r.id = :id", soci::use(key));
  for (const auto& row : rows) return report_from_row(row);
  return std::nullopt;
}

std::optional<quarterly_report> progress_service::find_report_by_case(soci::session& sql, std::int64_t case_id) {
  long long key = case_id;
  soci::rowset<soci::row> rows =
      (sql.prepare << std::string(k_report_columns) + "WHERE r.case_id = :c", soci::use(key));
  for (const auto& row : rows) return report_from_row(row);
  return std::nullopt;
}

std::vector<report_item> progress_service::items_of(soci::session& sql, std::int64_t plan_id) {
  long long key = plan_id;
  std::vector<report_item> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT id, item_id, title, goal, indicator, budget_satang, measurable, target_value, unit, "
                      "agency_id, agency_text, comparator, baseline FROM report_items WHERE plan_id = :p "
                      "ORDER BY position",
       soci::use(key));
  for (const auto& row : rows) {
    using namespace storage;
    out.push_back({column_int(row, 0), column_text(row, 1), column_text(row, 2), column_text(row, 3),
                   column_text(row, 4), column_opt_int(row, 5), column_int(row, 6) != 0, column_opt_double(row, 7),
                   column_text(row, 8), column_int(row, 9), column_text(row, 10), column_text(row, 11),
                   column_opt_double(row, 12)});
  }
  return out;
}

std::vector<entry> progress_service::entries_of(soci::session& sql, std::int64_t report_id) {
  long long key = report_id;
  std::vector<entry> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT item_row_id, agency_id, status, cancel_reason, percent_complete, disbursed_satang, "
                      "over_budget_reason, result_value, narrative, evidence, entered_by, entered_at, confirmed_by, "
                      "confirmed_at FROM progress_entries WHERE report_id = :r ORDER BY item_row_id",
       soci::use(key));
  for (const auto& row : rows) {
    using namespace storage;
    entry e;
    e.item_row_id = column_int(row, 0);
    e.agency_id = column_int(row, 1);
    e.status = column_text(row, 2);
    e.cancel_reason = column_text(row, 3);
    e.percent_complete = column_opt_double(row, 4);
    e.disbursed_satang = column_int(row, 5);
    e.over_budget_reason = column_text(row, 6);
    e.result_value = column_opt_double(row, 7);
    e.narrative = column_text(row, 8);
    const auto evidence = parse_stored_json(column_text(row, 9));
    for (const auto& link : evidence.as_array()) e.evidence.emplace_back(link.as_string());
    e.entered_by = column_int(row, 10);
    e.entered_at = column_text(row, 11);
    e.confirmed_by = column_opt_int(row, 12);
    e.confirmed_at = column_opt_text(row, 13);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<agency_status> progress_service::agency_statuses(soci::session& sql, const quarterly_report& r,
                                                             const std::string& today) {
  long long pid = r.plan_id, rid = r.id;
  std::vector<agency_status> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT ri.agency_id, a.name_th, COUNT(ri.id), COUNT(e.id), "
                      "SUM(CASE WHEN e.confirmed_at IS NOT NULL THEN 1 ELSE 0 END) "
                      "FROM report_items ri JOIN agencies a ON a.id = ri.agency_id "
                      "LEFT JOIN progress_entries e ON e.item_row_id = ri.id AND e.report_id = :r "
                      "WHERE ri.plan_id = :p GROUP BY ri.agency_id, a.name_th ORDER BY ri.agency_id",
       soci::use(rid), soci::use(pid));
  for (const auto& row : rows) {
    using namespace storage;
    agency_status s{column_int(row, 0),      column_text(row, 1),     int(column_int(row, 2)),
                    int(column_int(row, 3)), int(column_int(row, 4)), ""};
    if (s.confirmed == s.items)
      s.state = "confirmed";
    else if (r.is_late(today))
      s.state = "late";
    else if (s.entered > 0)
      s.state = "submitted";
    else
      s.state = "missing";
    out.push_back(std::move(s));
  }
  return out;
}

void progress_service::open_early(std::int64_t report_id, const directory::user& secretary,
                                  const std::string& remote_address) {
  storage::in_transaction(db_, [&](soci::session& sql) {
    auto r = find_report(sql, report_id);
    if (!r) throw error::not_found(error::messages::report_not_found);
    auto c = engine_.find_case(sql, r->case_id, true);
    policy::require(actor_in(sql, secretary), policy::action::open_report_early, scope_of(*c));
    if (r->is_open(today_iso())) throw error::conflict(error::messages::report_already_open);
    long long rid = report_id, by = secretary.id;
    const std::string now = storage::now_iso();
    sql << "UPDATE quarterly_reports SET opened_at = :t, opened_by = :b WHERE id = :id", soci::use(now), soci::use(by),
        soci::use(rid);
    (void)remote_address;
  });
}

entry progress_service::save_entry(std::int64_t report_id, const std::string& item_id, const entry_input& input,
                                   const directory::user& user, const std::string& remote_address) {
  (void)remote_address;
  std::vector<error::field> errors;
  static const std::vector<std::string> statuses{"not_started", "in_progress", "done", "cancelled"};
  if (std::ranges::find(statuses, input.status) == statuses.end()) {
    errors.push_back(
        {"/status", error::messages::one_of, {{"values", boost::json::array(statuses.begin(), statuses.end())}}});
  }
  if (input.status == "cancelled" && input.cancel_reason.empty())
    errors.push_back({"/cancel_reason", error::messages::cancel_reason_required});
  if (input.percent_complete &&
      (*input.percent_complete < 0 || *input.percent_complete > 100 || std::isnan(*input.percent_complete))) {
    errors.push_back({"/percent_complete", error::messages::percent_range});
  }
  if (input.disbursed_satang < 0) errors.push_back({"/disbursed_baht", error::messages::not_negative});
  for (std::size_t i = 0; i < input.evidence.size(); ++i) {
    const auto& link = input.evidence[i];
    if (!(link.starts_with("https://") || link.starts_with("http://")) || link.size() > 2000) {
      errors.push_back({"/evidence/" + std::to_string(i), error::messages::http_link});
    }
  }
  error::throw_if_invalid(errors);

  return storage::in_transaction(db_, [&](soci::session& sql) {
    auto r = find_report(sql, report_id);
    if (!r) throw error::not_found(error::messages::report_not_found);
    // Lock the report's case: entries and the compile action exclude each other.
    auto c = engine_.find_case(sql, r->case_id, true);
    if (!r->is_open(today_iso())) {
      throw error::problem(error::types::report_not_open, error::messages::report_opens_on, {{"date", r->opens_on}});
    }
    if (c->stage != "collecting") {
      throw error::problem(error::types::report_closed, error::messages::report_compiled);
    }
    auto items = items_of(sql, r->plan_id);
    auto item = std::ranges::find_if(items, [&](const report_item& i) { return i.item_id == item_id; });
    if (item == items.end()) throw error::not_found(error::messages::activity_not_found, {{"item", item_id}});
    auto on = scope_of(*c);
    on.agency_id = item->agency_id;
    policy::require(actor_in(sql, user), policy::action::report_progress, on);
    std::vector<error::field> found;
    if (input.result_value && !item->measurable) {
      found.push_back({"/result_value", error::messages::no_measurable_target});
    }
    // Money disbursed across the year must stay within the budget unless explained.
    long long pid = r->plan_id, row_id = item->row_id, rid = r->id;
    long long earlier = 0;
    soci::indicator earlier_ind = soci::i_null;
    sql << "SELECT SUM(e.disbursed_satang) FROM progress_entries e JOIN quarterly_reports q ON q.id = e.report_id "
           "WHERE q.plan_id = :p AND e.item_row_id = :i AND e.report_id <> :r",
        soci::use(pid), soci::use(row_id), soci::use(rid), soci::into(earlier, earlier_ind);
    const std::int64_t year_total = (earlier_ind == soci::i_ok ? earlier : 0) + input.disbursed_satang;
    const std::int64_t budget = item->budget_satang.value_or(0);
    if (year_total > budget && input.over_budget_reason.empty()) {
      found.push_back({"/disbursed_baht",
                       error::messages::over_budget,
                       {{"total", satang_as_baht(year_total)}, {"budget", satang_as_baht(budget)}}});
    }
    error::throw_if_invalid(std::move(found));

    boost::json::array evidence;
    for (const auto& link : input.evidence) evidence.push_back(boost::json::string(link));
    const std::string evidence_text = boost::json::serialize(evidence);
    const std::string now = storage::now_iso();
    long long agency = item->agency_id, by = user.id;
    long long disbursed = input.disbursed_satang;
    double percent = input.percent_complete.value_or(0), result = input.result_value.value_or(0);
    soci::indicator percent_ind = input.percent_complete ? soci::i_ok : soci::i_null;
    soci::indicator result_ind = input.result_value ? soci::i_ok : soci::i_null;
    sql << "DELETE FROM progress_entries WHERE report_id = :r AND item_row_id = :i", soci::use(rid), soci::use(row_id);
    sql << "INSERT INTO progress_entries (report_id, item_row_id, agency_id, status, cancel_reason, percent_complete, "
           "disbursed_satang, over_budget_reason, result_value, narrative, evidence, entered_by, entered_at, "
           "confirmed_by, confirmed_at) VALUES (:r, :i, :a, :s, :cr, :pc, :d, :ob, :rv, :n, :e, :b, :t, NULL, NULL)",
        soci::use(rid), soci::use(row_id), soci::use(agency), soci::use(input.status), soci::use(input.cancel_reason),
        soci::use(percent, percent_ind), soci::use(disbursed), soci::use(input.over_budget_reason),
        soci::use(result, result_ind), soci::use(input.narrative), soci::use(evidence_text), soci::use(by),
        soci::use(now);
    entry out;
    static_cast<entry_input&>(out) = input;
    out.item_row_id = row_id;
    out.agency_id = agency;
    out.entered_by = user.id;
    out.entered_at = now;
    return out;
  });
}

int progress_service::confirm_agency(std::int64_t report_id, const directory::user& head,
                                     const std::string& remote_address) {
  (void)remote_address;
  return storage::in_transaction(db_, [&](soci::session& sql) {
    auto r = find_report(sql, report_id);
    if (!r) throw error::not_found(error::messages::report_not_found);
    auto c = engine_.find_case(sql, r->case_id, true);
    // A head confirms their own agency's entries (the agency is theirs, not the plan's).
    auto on = scope_of(*c);
    on.agency_id = head.agency_id;
    policy::require(actor_in(sql, head), policy::action::confirm_progress, on);
    if (c->stage != "collecting")
      throw error::problem(error::types::report_closed, error::messages::report_compiled_short);
    long long pid = r->plan_id, rid = r->id, agency = *head.agency_id;
    std::vector<std::string> missing;
    soci::rowset<soci::row> rows =
        (sql.prepare << "SELECT ri.item_id FROM report_items ri LEFT JOIN progress_entries e ON e.item_row_id = ri.id "
                        "AND e.report_id = :r WHERE ri.plan_id = :p AND ri.agency_id = :a AND e.id IS NULL "
                        "ORDER BY ri.position",
         soci::use(rid), soci::use(pid), soci::use(agency));
    for (const auto& row : rows) missing.push_back(storage::column_text(row, 0));
    if (!missing.empty()) {
      boost::json::array list;
      for (const auto& m : missing) list.push_back(boost::json::string(m));
      throw error::problem(error::types::entries_missing, error::messages::entries_missing, {{"count", missing.size()}})
          .with_extension("missing_items", std::move(list));
    }
    const std::string now = storage::now_iso();
    long long by = head.id;
    soci::statement st = (sql.prepare << "UPDATE progress_entries SET confirmed_by = :b, confirmed_at = :t "
                                         "WHERE report_id = :r AND agency_id = :a AND confirmed_at IS NULL",
                          soci::use(by), soci::use(now), soci::use(rid), soci::use(agency));
    st.execute(true);
    return int(st.get_affected_rows());
  });
}

std::vector<std::int64_t> progress_service::reporting_agencies(soci::session& sql, std::int64_t plan_id) {
  long long p = plan_id;
  std::vector<std::int64_t> out;
  soci::rowset<soci::row> rows =
      (sql.prepare << "SELECT DISTINCT agency_id FROM report_items WHERE plan_id = :p AND agency_id IS NOT NULL "
                      "ORDER BY agency_id",
       soci::use(p));
  for (const auto& row : rows) out.push_back(storage::column_int(row, 0));
  return out;
}

std::vector<std::int64_t> progress_service::report_ids_of_agency(soci::session& sql, std::int64_t agency_id) {
  long long agency = agency_id;
  std::vector<std::int64_t> ids;
  soci::rowset<long long> rows = (sql.prepare << "SELECT DISTINCT r.id FROM quarterly_reports r JOIN report_items ri "
                                                 "ON ri.plan_id = r.plan_id WHERE ri.agency_id = :a ORDER BY r.id",
                                  soci::use(agency));
  for (long long id : rows) ids.push_back(id);
  return ids;
}

void progress_service::assign_item(std::int64_t plan_id, const std::string& item_id, std::int64_t agency_id,
                                   const directory::user& by) {
  storage::in_transaction(db_, [&](soci::session& sql) {
    long long pid = plan_id, aid = agency_id;
    std::string province, plan_type;
    sql << "SELECT province_code, plan_type FROM plans WHERE id = :p", soci::use(pid), soci::into(province),
        soci::into(plan_type);
    // The plan's whole scope: a secretary's role may name its plan type. Who
    // may act is settled before what they sent is judged.
    policy::require(actor_in(sql, by), policy::action::assign_report_item, policy::resource::in(province, plan_type));
    auto agency = directory::find_agency(sql, agency_id);
    if (!agency || agency->province_code != province) {
      throw error::invalid("/agency", error::messages::agency_of_province);
    }
    soci::statement st = (sql.prepare << "UPDATE report_items SET agency_id = :a WHERE plan_id = :p AND item_id = :i",
                          soci::use(aid), soci::use(pid), soci::use(item_id));
    st.execute(true);
    if (st.get_affected_rows() == 0) throw error::not_found(error::messages::activity_not_found, {{"item", item_id}});
  });
}

}  // namespace planflow::reports
