// Tests of the ethics promotion plan plugin: golden tests on the real plan in
// tests/fixtures/seeds/002 (line numbers below are that file's), one test per
// finding code on small hand-made content, and robustness on garbage.

#include "detect.hpp"
#include "document_scan.hpp"
#include "ethics_plan_type.hpp"
#include "findings.hpp"
#include "master_plan.hpp"
#include "narrative_scan.hpp"
#include "targets.hpp"
#include "text_checks.hpp"
#include "text_util.hpp"

#include <planflow/plugin/agency_refs.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

extern "C" int planflow_plugin_abi_version();
extern "C" planflow::plugin::plan_type* planflow_plugin_create();

namespace planflow::plugins::ethics {
namespace {

namespace json = boost::json;
using plugin::finding;
using code_path = std::pair<std::string, std::string>;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string seed(const std::string& name) { return read_file(std::string(PLANFLOW_SEEDS_DIR) + "/" + name); }

// All 77 provinces, from the migration that seeds the server's table, so the
// tests see the names the host passes in plan_context.
const std::vector<plugin::province_name>& provinces() {
  static const std::vector<plugin::province_name> list = [] {
    std::vector<plugin::province_name> out;
    // Rows read "... VALUES ('TH-10', 'กรุงเทพมหานคร', 'Bangkok', 'central');"
    std::istringstream sql(read_file(std::string(PLANFLOW_SEEDS_DIR) + "/../../../sql/002_provinces_seed.sql"));
    constexpr std::string_view k_values = "VALUES ('";
    for (std::string line; std::getline(sql, line);) {
      auto start = line.find(k_values);
      if (start == std::string::npos) continue;
      std::vector<std::string> fields;
      std::string_view rest = std::string_view(line).substr(start + k_values.size());
      for (auto end = rest.find("', '"); end != std::string_view::npos; end = rest.find("', '")) {
        fields.emplace_back(rest.substr(0, end));
        rest.remove_prefix(end + 4);
      }
      if (fields.size() >= 3) out.push_back({fields[0], fields[1], fields[2]});
    }
    return out;
  }();
  return list;
}

plugin::plan_context context(std::string province_code = "", int fiscal_year = 0) {
  plugin::plan_context ctx;
  ctx.province_code = std::move(province_code);
  ctx.fiscal_year = fiscal_year;
  ctx.provinces = provinces();
  return ctx;
}

std::vector<code_path> with_severity(const std::vector<finding>& findings, std::string_view severity) {
  std::vector<code_path> out;
  for (const auto& f : findings) {
    if (f.severity == severity) out.emplace_back(f.code, f.path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<code_path> sorted(std::vector<code_path> list) {
  std::sort(list.begin(), list.end());
  return list;
}

std::vector<code_path> errors(const std::vector<finding>& findings) { return with_severity(findings, "error"); }
std::vector<code_path> warnings(const std::vector<finding>& findings) { return with_severity(findings, "warning"); }

bool has(const std::vector<finding>& findings, std::string_view severity, std::string_view code,
         std::string_view path) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const finding& f) { return f.severity == severity && f.code == code && f.path == path; });
}

std::string dump(const std::vector<finding>& findings) {
  std::string out;
  for (const auto& f : findings) out += f.severity + " " + f.code + " " + f.path + ": " + f.message_en + "\n";
  return out;
}

const ethics_plan_type& plan_type() {
  static const ethics_plan_type type;
  return type;
}

// --- The seed: golden ------------------------------------------------------------

class seed_002 : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    document_ = new std::string(seed("002_11b89dd9d74e0ac8.txt"));
    result_ = new plugin::import_result(plan_type().import_document(*document_, context()));
    root_ = new json::value(result_->content);
  }
  static void TearDownTestSuite() {
    delete root_;
    delete result_;
    delete document_;
  }
  static const json::object& content() { return result_->content; }
  static const json::value& at(std::string_view pointer) { return root_->at_pointer(pointer); }
  static std::vector<double> targets(std::string_view pointer) {
    std::vector<double> out;
    for (const auto& [year, cell] : at(pointer).as_object()) {
      const auto& v = cell.as_object().at("value");
      out.push_back(v.is_null() ? -1 : v.to_number<double>());
    }
    return out;
  }

  static inline std::string* document_ = nullptr;
  static inline plugin::import_result* result_ = nullptr;
  static inline json::value* root_ = nullptr;
};

TEST_F(seed_002, frame) {
  ASSERT_EQ(provinces().size(), 77u);  // the host's list, read from sql/002_provinces_seed.sql
  EXPECT_EQ(content().at("province").at("code"), "TH-96");
  EXPECT_EQ(content().at("province").at("name_th"), "นราธิวาส");
  // line 7 "(พ.ศ. ๒๕๖๖ - ๒๕๗๐)"; not the master plan's ๒๕๖๕–๒๕๗๐ of line 20
  EXPECT_EQ(content().at("span").at("first_year"), 2566);
  EXPECT_EQ(content().at("span").at("last_year"), 2570);
  // line 9 "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"
  EXPECT_EQ(content().at("fiscal_year"), 2569);
  EXPECT_EQ(content().at("title"), "แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดนราธิวาส");
  EXPECT_EQ(result_->title, "แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดนราธิวาส");
  EXPECT_EQ(result_->province_code, "TH-96");
  EXPECT_EQ(result_->fiscal_year, 2569);
}

TEST_F(seed_002, the_five_strategies_with_the_master_plan_titles) {
  const auto& strategies = content().at("strategies").as_array();
  ASSERT_EQ(strategies.size(), 5u);
  for (std::size_t s = 0; s < 5; ++s) {
    EXPECT_EQ(strategies[s].at("number"), static_cast<int>(s + 1));
    EXPECT_EQ(strategies[s].at("title").as_string(), find_master_strategy(static_cast<int>(s + 1))->title_th);
  }
}

TEST_F(seed_002, counts_checked_by_hand) {
  // goals: s1 line 173; s2 lines 179, 180 (lines 186-187 continue goal ๒
  // after the page break of line 182); s3 lines 193, 195; s4 line 203; s5
  // line 214.  indicators: 1 + 4 (179, 180, 186, 187) + 2 + 2 (203, 205) + 1.
  // projects: one per row with a plan/project cell: 1 + 4 + 3 + 3 + 3.
  // activities: line 173 lists two ("๑. … ๒. …"), every other project is one.
  const auto totals = plan_type().compute_totals(content()).json;
  const auto& overall = totals.at("overall");
  EXPECT_EQ(overall.at("goals"), 7);
  EXPECT_EQ(overall.at("indicators"), 10);
  EXPECT_EQ(overall.at("projects"), 14);
  EXPECT_EQ(overall.at("activities"), 15);
  // every budget cell is "-" or empty; the "๑๐๐" of lines 204 and 206 is not money
  EXPECT_EQ(overall.at("budget_baht"), 0);
  EXPECT_EQ(overall.at("budgeted_projects"), 0);
  const auto& per_strategy = totals.at("strategies").as_array();
  ASSERT_EQ(per_strategy.size(), 5u);
  const std::vector<std::int64_t> goals{1, 2, 2, 1, 1}, indicators{1, 4, 2, 2, 1}, projects{1, 4, 3, 3, 3},
      activities{2, 4, 3, 3, 3};
  for (std::size_t s = 0; s < 5; ++s) {
    SCOPED_TRACE(s);
    EXPECT_EQ(per_strategy[s].at("number"), static_cast<int>(s + 1));
    EXPECT_EQ(per_strategy[s].at("goals"), goals[s]);
    EXPECT_EQ(per_strategy[s].at("indicators"), indicators[s]);
    EXPECT_EQ(per_strategy[s].at("projects"), projects[s]);
    EXPECT_EQ(per_strategy[s].at("activities"), activities[s]);
  }
}

TEST_F(seed_002, rows_as_read) {
  // line 173: the indicator's targets, five values under a header of four years
  EXPECT_EQ(at("/strategies/0/goals/0/indicators/0/unit"), "ร้อยละ");
  EXPECT_EQ(targets("/strategies/0/goals/0/indicators/0/targets"), (std::vector<double>{88, 91, 94, 97, 100}));
  // The seed states no ceiling: every year is a level to reach, at least.
  for (const auto& year : at("/strategies/0/goals/0/indicators/0/targets").as_object()) {
    EXPECT_EQ(year.value().at("comparator"), "at_least") << year.key();
  }
  const auto& p173 = at("/strategies/0/goals/0/indicators/0/strategies/0/projects/0").as_object();
  ASSERT_EQ(p173.at("activities").as_array().size(), 2u);
  EXPECT_EQ(p173.at("activities").at(0).at("title"), "การออกข้อกำหนดจริยธรรม");
  EXPECT_EQ(p173.at("activities").at(1).at("title"), "การจัดทำคู่มือ Dos & Don'ts");
  EXPECT_EQ(p173.at("main_agencies"), json::parse(R"([{"name": "กลุ่มงานบริหารทรัพยากรบุคคล"}])"));
  EXPECT_EQ(p173.at("supporting_agencies"), json::parse(R"([{"name": "ทุกส่วนราชการ", "collective": true}])"));
  EXPECT_EQ(p173.at("budget").at("kind"), "none");
  EXPECT_FALSE(p173.contains("targets"));  // the row's targets are its indicator's

  // line 179: the year headings copied into the data: empty, text kept
  const auto& t179 = at("/strategies/1/goals/0/indicators/0/targets").as_object();
  EXPECT_TRUE(t179.at("2566").at("value").is_null());
  EXPECT_EQ(t179.at("2566").at("text"), "๒๕๖๖");
  EXPECT_EQ(t179.at("2570").at("text"), "๒๕๗๐");

  // line 186: shifted left from the supporting agency on
  EXPECT_EQ(at("/strategies/1/goals/1/indicators/1/unit"), "ร้อยละ");
  const auto& p186 = at("/strategies/1/goals/1/indicators/1/strategies/0/projects/0").as_object();
  EXPECT_EQ(p186.at("main_agencies"), json::parse(R"([{"name": "สำนักงาน ราชการ"}])"));
  EXPECT_TRUE(p186.at("supporting_agencies").as_array().empty());
  EXPECT_EQ(p186.at("budget").at("kind"), "none");
  EXPECT_EQ(p186.at("budget").at("text"), "-");

  // line 193: six ๕ under five years, the one under the label dropped
  EXPECT_EQ(targets("/strategies/2/goals/0/indicators/0/targets"), (std::vector<double>{5, 5, 5, 5, 5}));
  // line 197: a project under the indicator of line 195 with its own targets
  const auto& p197 = at("/strategies/2/goals/1/indicators/0/strategies/0/projects/1").as_object();
  EXPECT_EQ(p197.at("title"), "การให้บริการจ่ายเหรียญพิทักษ์เสรีชนและเหรียญราชการชายแดน");
  EXPECT_EQ(p197.at("unit"), "ร้อยละ");
  EXPECT_EQ(targets("/strategies/2/goals/1/indicators/0/strategies/0/projects/1/targets"),
            (std::vector<double>{80, 86, 89, 89, 81}));
  // line 203: "๒๕๖๖" under the label dropped, five ๕ kept
  EXPECT_EQ(targets("/strategies/3/goals/0/indicators/0/targets"), (std::vector<double>{5, 5, 5, 5, 5}));
  // line 205: "๑๖" under the label dropped
  EXPECT_EQ(targets("/strategies/3/goals/0/indicators/1/targets"), (std::vector<double>{94, 96, 98, 98, 100}));
  // line 204: the stray ๑๐๐ kept verbatim, not as a budget
  const auto& p203 = at("/strategies/3/goals/0/indicators/0/strategies/0/projects/0").as_object();
  EXPECT_EQ(p203.at("budget").at("kind"), "none");
  ASSERT_EQ(p203.at("unplaced").as_array().size(), 2u);
  EXPECT_EQ(p203.at("unplaced").at(0), (json::object{{"column", "budget"}, {"text", "๑๐๐"}, {"line", 204}}));
  EXPECT_EQ(p203.at("unplaced").at(1).at("text"), "๑๐๐ ๑๐๐ ๑๐๐");
  // line 216: a second strategy (กลยุทธ์) under the indicator of line 214
  EXPECT_EQ(at("/strategies/4/goals/0/indicators/0/strategies").as_array().size(), 3u);
  EXPECT_EQ(at("/strategies/4/goals/0/indicators/0/strategies/1/projects/0/unit"), "จำนวน (คน)");
}

TEST_F(seed_002, every_error_is_a_defect_of_the_document) {
  const std::string s2 = "/strategies/1", s3 = "/strategies/2", s4 = "/strategies/3", s5 = "/strategies/4";
  std::vector<code_path> expected{
      // line 179: targets "๒๕๖๖ … ๒๕๗๐" are the header's years: the indicator has no targets
      {"missing_target", s2 + "/goals/0/indicators/0/targets"},
      // line 186: the same, after the row's shift is undone
      {"missing_target", s2 + "/goals/1/indicators/1/targets"},
      // lines 179 and 180: the budget cell is empty (the table's other pages say "-")
      {"unparseable_budget", s2 + "/goals/0/indicators/0/strategies/0/projects/0/budget"},
      {"unparseable_budget", s2 + "/goals/1/indicators/0/strategies/0/projects/0/budget"},
      // lines 204 and 206: "๑๐๐" in the budget column of a continuation row
      {"misplaced_value", s4 + "/goals/0/indicators/0/strategies/0/projects/0/unplaced/0"},
      {"misplaced_value", s4 + "/goals/0/indicators/1/strategies/0/projects/0/unplaced/0"},
      // a Narathiwat plan whose agencies are Nakhon Ratchasima's provincial
      // office (lines 179, 180, 193, 195, 197, 203, 205, 207) ...
      {"other_province", s2 + "/goals/0/indicators/0/strategies/0/projects/0/main_agencies/0/name"},
      {"other_province", s2 + "/goals/1/indicators/0/strategies/0/projects/0/main_agencies/0/name"},
      {"other_province", s3 + "/goals/0/indicators/0/strategies/0/projects/0/main_agencies/0/name"},
      {"other_province", s3 + "/goals/1/indicators/0/strategies/0/projects/0/main_agencies/0/name"},
      {"other_province", s3 + "/goals/1/indicators/0/strategies/0/projects/1/main_agencies/0/name"},
      {"other_province", s4 + "/goals/0/indicators/0/strategies/0/projects/0/main_agencies/0/name"},
      {"other_province", s4 + "/goals/0/indicators/1/strategies/0/projects/0/main_agencies/0/name"},
      {"other_province", s4 + "/goals/0/indicators/1/strategies/0/projects/1/main_agencies/0/name"},
      // ... and Chanthaburi's (lines 214, 216, 218), down to a strategy
      // "between agencies in Chanthaburi" (line 216)
      {"other_province", s5 + "/goals/0/indicators/0/strategies/0/projects/0/main_agencies/0/name"},
      {"other_province", s5 + "/goals/0/indicators/0/strategies/1/title"},
      {"other_province", s5 + "/goals/0/indicators/0/strategies/1/projects/0/main_agencies/0/name"},
      {"other_province", s5 + "/goals/0/indicators/0/strategies/2/projects/0/main_agencies/0/name"},
  };
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(errors(result_->findings), expected) << dump(result_->findings);
}

TEST_F(seed_002, every_warning_is_a_repair_or_a_defect_of_the_document) {
  const std::string s2 = "/strategies/1", s3 = "/strategies/2", s4 = "/strategies/3", s5 = "/strategies/4";
  std::vector<code_path> expected{
      // line 169 "ภายในของหน่วยงาน", line 175 "การพัฒนาผลิตภัณฑ์และบริการ…"
      {"strategy_title_mismatch", "/strategies/0/title"},
      {"strategy_title_mismatch", s2 + "/title"},
      // lines 172 and 185: "ประจำปีงบประมาณ พ.ศ." in a year column, years ๒๕๖๖–๒๕๖๙ only
      {"target_header_mismatch", "/strategies/0"},
      {"target_header_mismatch", s2},
      // lines 179 and 186: year headings as targets
      {"header_copied_into_data", s2 + "/goals/0/indicators/0/targets"},
      {"header_copied_into_data", s2 + "/goals/1/indicators/1/targets"},
      // line 186: shifted one column left
      {"misplaced_value", s2 + "/goals/1/indicators/1/strategies/0/projects/0"},
      // six values under five years: lines 193, 195, 203 (๒๕๖๖), 205 (๑๖), 214, 216, 218
      {"target_value_dropped", s3 + "/goals/0/indicators/0/targets"},
      {"target_value_dropped", s3 + "/goals/1/indicators/0/targets"},
      {"target_value_dropped", s4 + "/goals/0/indicators/0/targets"},
      {"target_value_dropped", s4 + "/goals/0/indicators/1/targets"},
      {"target_value_dropped", s5 + "/goals/0/indicators/0/targets"},
      {"target_value_dropped", s5 + "/goals/0/indicators/0/strategies/1/projects/0/targets"},
      {"target_value_dropped", s5 + "/goals/0/indicators/0/strategies/2/projects/0/targets"},
      // lines 197 and 207: five values starting under the label column
      {"misplaced_value", s3 + "/goals/1/indicators/0/strategies/0/projects/1/targets"},
      {"misplaced_value", s4 + "/goals/0/indicators/1/strategies/0/projects/1/targets"},
      // second lines of targets: 194, 196, 204, 206, 208, 215, 217
      {"misplaced_value", s3 + "/goals/0/indicators/0/strategies/0/projects/0/unplaced/0"},
      {"misplaced_value", s3 + "/goals/1/indicators/0/strategies/0/projects/0/unplaced/0"},
      {"misplaced_value", s4 + "/goals/0/indicators/0/strategies/0/projects/0/unplaced/1"},
      {"misplaced_value", s4 + "/goals/0/indicators/1/strategies/0/projects/0/unplaced/1"},
      {"misplaced_value", s4 + "/goals/0/indicators/1/strategies/0/projects/1/unplaced/0"},
      {"misplaced_value", s5 + "/goals/0/indicators/0/strategies/0/projects/0/unplaced/0"},
      {"misplaced_value", s5 + "/goals/0/indicators/0/strategies/1/projects/0/unplaced/0"},
      // line 197: ๘๐ ๘๖ ๘๙ ๘๙ ๘๑ falls at the end; line 207: ๑๖ before ๙๔ ๙๖ ๙๘ ๑๐๐
      {"suspicious_target", s3 + "/goals/1/indicators/0/strategies/0/projects/1/targets/2570/value"},
      {"suspicious_target", s4 + "/goals/0/indicators/1/strategies/0/projects/1/targets/2566/value"},

      // Consistency (issue 14 item 5), each a defect of the document:
      // line 186: the main agency "สำนักงาน ราชการ" names no agency (the
      // words between were lost); line 187: the same as its supporting agency
      {"garbled_agency_name", s2 + "/goals/1/indicators/1/strategies/0/projects/0/main_agencies/0/name"},
      {"garbled_agency_name", s2 + "/goals/1/indicators/2/strategies/0/projects/0/supporting_agencies/0/name"},
      // line 195: the indicator column repeats the strategy (กลยุทธ์) "ส่งเสริมให้
      // ใช้เครื่องมือ…": nothing measured, yet five targets "๕" in ระดับ
      {"indicator_not_measurable", s3 + "/goals/1/indicators/0/text"},
      // line 207 against line 205: the row's values stand one column left
      // (๑๖ under the label) and one is missing, so its percentages
      // ๑๖ ๙๔ ๙๖ fall below the indicator's ๙๔ ๙๖ ๙๘ for 2566–2568
      {"target_below_indicator", s4 + "/goals/0/indicators/1/strategies/0/projects/1/targets"},
      // line 214: the indicator counts projects/activities (จำนวนโครงการ/
      // กิจกรรม…) but the unit is times (จำนวนครั้ง), ๒๐๐ a year; the counts
      // of line 215 (๕ ๖ ๗ ๘) may be the projects. Counts of different things:
      // a warning (a kind mismatch, ร้อยละ against ระดับ, would be an error).
      {"unit_contradicts_indicator", s5 + "/goals/0/indicators/0/unit"},
      // Silent on this seed, as they should be: year_outside_span (the years
      // in rows name a law, line 214 "พระราชบัญญัติ… พ.ศ. ๒๕๖๒"; no row gives
      // a year of work outside ๒๕๖๖–๒๕๗๐), national_template_text (no row
      // counts every province), relative_target_without_baseline (no target
      // is worded as an increase or decrease).
  };
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(warnings(result_->findings), expected) << dump(result_->findings);
}

TEST_F(seed_002, findings_are_well_formed_and_point_into_the_content) {
  const json::value root = content();
  for (const auto& f : result_->findings) {
    SCOPED_TRACE(f.code + " " + f.path);
    EXPECT_TRUE(f.severity == "error" || f.severity == "warning");
    EXPECT_FALSE(f.message_th.empty());
    EXPECT_FALSE(f.message_en.empty());
    EXPECT_NE(std::find(codes::all.begin(), codes::all.end(), f.code), codes::all.end());
    if (f.path.empty()) continue;
    boost::system::error_code ec;
    EXPECT_NE(root.find_pointer(f.path, ec), nullptr) << ec.message();
  }
}

TEST_F(seed_002, revalidating_the_content_finds_the_same_errors) {
  EXPECT_EQ(errors(plan_type().validate(content(), context("TH-96", 2569))), errors(result_->findings));
}

TEST_F(seed_002, month_abbreviations_in_prose_are_not_read) {
  // "สำนักงาน ก.พ." (lines 56, 79) is the civil service office, not February.
  for (const auto& f : result_->findings) {
    EXPECT_EQ(f.message_en.find("February"), std::string::npos);
    EXPECT_EQ(f.message_th.find("ก.พ."), std::string::npos);
  }
}

TEST_F(seed_002, progress_items_for_fiscal_year_2569) {
  const auto items = plan_type().progress_items(content());
  ASSERT_EQ(items.size(), 15u);  // the two activities of line 173, then one per project
  EXPECT_EQ(items[0].id, "s1.g1.i1.t1.p1.a1");
  EXPECT_EQ(items[0].path, "/strategies/0/goals/0/indicators/0/strategies/0/projects/0/activities/0");
  EXPECT_EQ(items[0].title, "การออกข้อกำหนดจริยธรรม");
  EXPECT_TRUE(items[0].measurable);
  EXPECT_EQ(items[0].target_value, 97.0);  // the indicator's 2569 target
  EXPECT_EQ(items[0].unit, "ร้อยละ");
  EXPECT_EQ(items[0].agencies, (std::vector<std::string>{"กลุ่มงานบริหารทรัพยากรบุคคล", "ทุกส่วนราชการ"}));
  EXPECT_EQ(items[0].goal, "การสร้างการรับรู้และความเข้าใจมาตรฐานทางจริยธรรมให้กับเจ้าหน้าที่ของรัฐ");
  EXPECT_FALSE(items[0].budget_satang.has_value());
  EXPECT_EQ(items[1].id, "s1.g1.i1.t1.p1.a2");

  std::map<std::string, plugin::progress_item> by_id;
  for (const auto& item : items) by_id[item.id] = item;
  // line 179: no usable target
  EXPECT_FALSE(by_id.at("s2.g1.i1.t1.p1").measurable);
  EXPECT_FALSE(by_id.at("s2.g1.i1.t1.p1").target_value.has_value());
  // line 197: the project's own target for 2569
  EXPECT_EQ(by_id.at("s3.g2.i1.t1.p2").target_value, 89.0);
  EXPECT_EQ(by_id.at("s3.g2.i1.t1.p2").unit, "ร้อยละ");
  // line 218: own targets in persons
  EXPECT_EQ(by_id.at("s5.g1.i1.t3.p1").target_value, 500.0);
  EXPECT_EQ(by_id.at("s5.g1.i1.t3.p1").unit, "จำนวน (คน)");
}

TEST_F(seed_002, narrative_linkage_and_approval) {
  // line 167 "ภายใต้ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ (พ.ศ. ๒๕๖๕ - ๒๕๗๐)"
  // (before the heading of line 96 with the same name and years)
  EXPECT_EQ(at("/national_strategy"),
            (json::object{{"title", "ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ"},
                          {"first_year", 2565},
                          {"last_year", 2570},
                          {"text", "ภายใต้ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ (พ.ศ. ๒๕๖๕ - ๒๕๗๐)"}}));

  // lines 85-92: the standards table, seven standards, each with the 20-year
  // national strategies of its second column
  const auto& standards = at("/ethical_standards").as_array();
  ASSERT_EQ(standards.size(), 7u);
  for (std::size_t k = 0; k < 7; ++k) EXPECT_EQ(standards[k].at("number"), static_cast<int>(k + 1));
  // line 86
  EXPECT_EQ(standards[0].at("text"),
            "ยึดมั่นในสถาบันหลักของประเทศ อันได้แก่ ชาติ ศาสนา พระมหากษัตริย์ "
            "และการปกครองระบอบประชาธิปไตยอันมีพระมหากษัตริย์ทรงเป็นประมุข");
  EXPECT_EQ(standards[0].at("national_strategy_alignment"),
            (json::array{"ยุทธศาสตร์ด้านความมั่นคง", "ยุทธศาสตร์ด้านการปรับสมดุลและพัฒนาระบบการบริหารจัดการภาครัฐ"}));
  // line 87
  EXPECT_EQ(standards[1].at("text"), "ซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่");
  // line 90
  EXPECT_EQ(standards[4].at("text"), "มุ่งผลสัมฤทธิ์ของงาน");
  EXPECT_EQ(standards[4].at("national_strategy_alignment"),
            json::array{"ยุทธศาสตร์ด้านการปรับสมดุลและพัฒนาระบบการบริหารจัดการภาครัฐ"});
  // line 92
  EXPECT_EQ(standards[6].at("text"), "ดำรงตนเป็นแบบอย่างที่ดีและรักษาภาพลักษณ์ของทางราชการ");

  // line 126, under "๒.๑ วิสัยทัศน์" of line 124 (lines 24 and 112 are contents)
  EXPECT_EQ(at("/vision"), "เจ้าหน้าที่ของรัฐจังหวัดนราธิวาสเป็นที่เชื่อถือและไว้วางใจได้ (Trusted Public Officers)");
  // lines 130-131
  EXPECT_EQ(at("/missions"), (json::array{"สร้างสังคม - วัฒนธรรมทางจริยธรรมของข้าราชการและเจ้าหน้าที่ของรัฐจังหวัดนราธิวาส",
                                          "เน้นย้ำภาพลักษณ์เจ้าหน้าที่ของรัฐจังหวัดนราธิวาสที่เป็นคนดี มีความสามารถและมีคุณธรรม "
                                          "เพื่อให้ได้รับความเชื่อมั่นและความไว้วางใจจากประชาชน"}));
  // lines 143-147: the plan's own five goals (section ๒.๔), beside the five strategies
  const auto& goals = at("/plan_goals").as_array();
  ASSERT_EQ(goals.size(), 5u);
  EXPECT_EQ(goals[0], "การสร้างการรับรู้และความเข้าใจมาตรฐานทางจริยธรรมอย่างเป็นรูปธรรมให้กับเจ้าหน้าที่ของรัฐ");
  EXPECT_EQ(goals[3], "สร้างกลไกทางจริยธรรมให้ภาคประชาชนมีส่วนร่วมในการติดตามและตรวจสอบ การดำเนินงานของภาครัฐ (หน่วยงาน)");

  // lines 228-244 under "๔.๑" of line 226: nine paragraphs, as written
  const std::string implementation(at("/implementation/text").as_string());
  EXPECT_TRUE(implementation.starts_with("จังหวัดนราธิวาสมีแนวทางในการขับเคลื่อนแผนปฏิบัติการ"));
  EXPECT_TRUE(implementation.ends_with("การนำแผนปฏิบัติการไปใช้เป็นข้อมูลในการวางแผนการปฏิบัติงานของบุคลากร"));
  EXPECT_EQ(std::count(implementation.begin(), implementation.end(), '\n'), 8);

  // lines 248-252 under "๔.๒" of line 246; line 252 "…ของบุคลากรในทุก ๖ เดือน": six-monthly
  const auto& monitoring = at("/monitoring").as_object();
  EXPECT_TRUE(std::string(monitoring.at("text").as_string()).starts_with("จังหวัดนราธิวาสมีแนวทางในการติดตามและประเมินผล"));
  EXPECT_EQ(monitoring.at("frequency"), "ทุก ๖ เดือน");
  EXPECT_EQ(monitoring.at("every_months"), 6);

  // line 62: the foreword is signed by the province's ethics committee. The
  // document states no mandate of it and no reporting duty (no line has รายงาน).
  EXPECT_EQ(at("/committee"), (json::object{{"name", "คณะกรรมการจริยธรรมประจำจังหวัดนราธิวาส"}}));
  // every budget cell is "-" or empty, and no sentence names a source
  EXPECT_FALSE(content().contains("budget_sources"));
  // no approval of its own: lines 77 and 79 are the ก.ม.จ. and the Cabinet
  // approving the national strategy, not this plan
  EXPECT_FALSE(content().contains("approval"));
  // the five-year plan this annual edition belongs to: line 7, and the edition: line 9
  EXPECT_EQ(at("/span"), (json::object{{"first_year", 2566}, {"last_year", 2570}}));
  EXPECT_EQ(at("/fiscal_year"), 2569);
  // the order of the document: the narrative of parts ๑-๒, the tables, part ๔
  std::vector<std::string> keys;
  for (const auto& member : content()) keys.emplace_back(member.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"province", "span", "fiscal_year", "title", "national_strategy",
                                            "ethical_standards", "vision", "missions", "plan_goals", "strategies",
                                            "implementation", "monitoring", "committee"}));
  // and none of it raises a finding (the golden lists above are unchanged)
  for (const auto& f : result_->findings) {
    for (std::string_view key : {"/national_strategy", "/ethical_standards", "/vision", "/missions", "/plan_goals",
                                 "/implementation", "/monitoring", "/committee"}) {
      EXPECT_FALSE(f.path.starts_with(key)) << f.code << " " << f.path;
    }
  }
}

// --- The other seed, detection ---------------------------------------------------

TEST(detect, tells_the_ethics_plan_from_the_anti_corruption_plan) {
  EXPECT_GE(plan_type().detect(seed("002_11b89dd9d74e0ac8.txt")), 0.5);
  EXPECT_LT(plan_type().detect(seed("000_f86febe8b6e44396.txt")), 0.5);
  EXPECT_EQ(plan_type().detect(""), 0.0);
  EXPECT_LT(plan_type().detect("แผนปฏิบัติการป้องกันและปราบปรามการทุจริต"), 0.5);
}

TEST(import, the_anti_corruption_seed_gives_no_plan_table_and_does_not_crash) {
  auto result = plan_type().import_document(seed("000_f86febe8b6e44396.txt"), context());
  EXPECT_TRUE(has(result.findings, "warning", "no_plan_table", "")) << dump(result.findings);
}

// --- Hand-made content: one test per code -----------------------------------------

constexpr std::string_view k_valid_plan = R"json({
  "province": {"code": "TH-96", "name_th": "นราธิวาส"},
  "span": {"first_year": 2566, "last_year": 2570},
  "fiscal_year": 2569,
  "title": "แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดนราธิวาส",
  "strategies": [
    {"number": 1, "title": "การสร้างมาตรฐานทางจริยธรรมภายในหน่วยงานของรัฐ", "goals": [
      {"id": "s1.g1", "text": "การสร้างการรับรู้มาตรฐานทางจริยธรรม", "indicators": [
        {"id": "s1.g1.i1", "text": "ร้อยละของเจ้าหน้าที่ที่เข้าใจมาตรฐานทางจริยธรรม", "unit": "ร้อยละ",
         "targets": {"2566": {"value": 88, "text": "๘๘"}, "2567": {"value": 91, "text": "๙๑"},
                     "2568": {"value": 94, "text": "๙๔"}, "2569": {"value": 97, "text": "๙๗"},
                     "2570": {"value": 100, "text": "๑๐๐"}},
         "strategies": [
          {"id": "s1.g1.i1.t1", "title": "ส่งเสริมให้หน่วยงานสร้างการตระหนักเพื่อรักษาจริยธรรม", "projects": [
            {"id": "s1.g1.i1.t1.p1", "title": "การจัดทำคู่มือจริยธรรม",
             "activities": [{"id": "s1.g1.i1.t1.p1.a1", "title": "การออกข้อกำหนดจริยธรรม"},
                            {"id": "s1.g1.i1.t1.p1.a2", "title": "การจัดทำคู่มือ Dos & Don'ts"}],
             "main_agencies": [{"name": "สำนักงานจังหวัดนราธิวาส", "sub_unit": "กลุ่มงานบริหารทรัพยากรบุคคล"}],
             "supporting_agencies": [{"name": "ทุกส่วนราชการ", "collective": true}],
             "budget": {"kind": "amount", "baht": 1500.5, "text": "๑,๕๐๐.๕๐ บาท"}, "budget_source": "งบพัฒนาจังหวัด"},
            {"id": "s1.g1.i1.t1.p2", "title": "การอบรมเผยแพร่ประมวลจริยธรรม",
             "main_agencies": [{"name": "สำนักงานจังหวัดนราธิวาส"}], "supporting_agencies": [],
             "budget": {"kind": "none", "baht": null, "text": "-"}, "budget_source": "",
             "unit": "คน",
             "targets": {"2566": {"value": 100, "text": "๑๐๐"}, "2567": {"value": 110, "text": "๑๑๐"},
                         "2568": {"value": 120, "text": "๑๒๐"}, "2569": {"value": 130, "text": "๑๓๐"},
                         "2570": {"value": 140, "text": "๑๔๐"}}}
          ]}]}]}]},
    {"number": 2, "title": "การพัฒนาผลักดันนโยบายและระบบบริหารการส่งเสริมมาตรฐานทางจริยธรรมภาครัฐให้ครอบคลุมทุกหน่วยงานและทุกระดับ",
     "goals": [{"id": "s2.g1", "text": "ส่งเสริมบทบาทของผู้นำองค์กร", "indicators": []}]},
    {"number": 3, "title": "การส่งเสริมการนำมาตรฐานทางจริยธรรมไปใช้ในการบริหารงานบุคคล",
     "goals": [{"id": "s3.g1", "text": "หน่วยงานของรัฐนำ พจก. ไปใช้", "indicators": []}]},
    {"number": 4, "title": "การรวมพลังทุกภาคส่วนในการสร้างสังคม-วัฒนธรรมทางจริยธรรม",
     "goals": [{"id": "s4.g1", "text": "สร้างกลไกทางจริยธรรมให้ภาคประชาชนมีส่วนร่วม", "indicators": []}]},
    {"number": 5, "title": "การสื่อสารเพื่อสร้างความรู้ความเข้าใจและเสริมสร้างทัศนคติเรื่องมาตรฐานทางจริยธรรมและการกระทำผิด",
     "goals": [{"id": "s5.g1", "text": "รณรงค์ส่งเสริมจิตสำนึก", "indicators": []}]}
  ]
})json";

constexpr std::string_view k_indicator = "/strategies/0/goals/0/indicators/0";
constexpr std::string_view k_project = "/strategies/0/goals/0/indicators/0/strategies/0/projects/0";
constexpr std::string_view k_project2 = "/strategies/0/goals/0/indicators/0/strategies/0/projects/1";

json::value valid_plan() { return json::parse(k_valid_plan); }

std::string ptr(std::string_view base, std::string_view rest) { return std::string(base) + std::string(rest); }

std::vector<finding> check(const json::value& content, plugin::plan_context ctx = context()) {
  return plan_type().validate(content, ctx);
}

TEST(validate, the_hand_made_plan_is_clean) {
  auto findings = check(valid_plan(), context("TH-96", 2569));
  EXPECT_TRUE(findings.empty()) << dump(findings);
}

TEST(validate, missing_field) {
  auto plan = valid_plan();
  plan.as_object().erase("title");
  plan.at_pointer(k_indicator).as_object().erase("unit");
  plan.at_pointer(ptr(k_project, "/title")) = "  ";
  auto findings = check(plan);
  EXPECT_TRUE(has(findings, "error", "missing_field", "/title"));
  EXPECT_TRUE(has(findings, "error", "missing_field", ptr(k_indicator, "/unit")));
  EXPECT_TRUE(has(findings, "error", "missing_field", ptr(k_project, "/title")));  // blank counts as missing
}

TEST(validate, invalid_type) {
  EXPECT_TRUE(has(check(json::value(5)), "error", "invalid_type", ""));
  auto plan = valid_plan();
  plan.at_pointer("/strategies/1") = "ยุทธศาสตร์";
  plan.at_pointer("/fiscal_year") = "๒๕๖๙";
  plan.at_pointer(ptr(k_indicator, "/targets/2567/value")) = "๙๑";
  plan.at_pointer(ptr(k_project, "/main_agencies")) = json::array{7};
  auto findings = check(plan);
  EXPECT_TRUE(has(findings, "error", "invalid_type", "/strategies/1"));
  EXPECT_TRUE(has(findings, "error", "invalid_type", "/fiscal_year"));
  EXPECT_TRUE(has(findings, "error", "invalid_type", ptr(k_indicator, "/targets/2567/value")));
  EXPECT_TRUE(has(findings, "error", "invalid_type", ptr(k_project, "/main_agencies/0")));
}

TEST(validate, invalid_value) {
  auto plan = valid_plan();
  plan.at_pointer("/span/first_year") = 2571;  // after last_year
  plan.at_pointer(ptr(k_project, "/budget/baht")) = -5;
  plan.at_pointer(ptr(k_project2, "/budget/kind")) = "maybe";
  auto findings = check(plan);
  EXPECT_TRUE(has(findings, "error", "invalid_value", "/span"));
  EXPECT_TRUE(has(findings, "error", "invalid_value", ptr(k_project, "/budget/baht")));
  EXPECT_TRUE(has(findings, "error", "invalid_value", ptr(k_project2, "/budget/kind")));
}

TEST(validate, target_years_mismatch) {
  auto plan = valid_plan();
  auto& targets = plan.at_pointer(ptr(k_indicator, "/targets")).as_object();
  targets.erase("2570");
  targets["2571"] = json::object{{"value", 100}, {"text", "๑๐๐"}};
  auto findings = check(plan);
  EXPECT_EQ(errors(findings), sorted({{"target_years_mismatch", ptr(k_indicator, "/targets")}})) << dump(findings);
  auto plan2 = valid_plan();
  plan2.at_pointer(ptr(k_project2, "/targets")).as_object()["year"] = json::object{{"value", 1}};
  EXPECT_TRUE(has(check(plan2), "error", "target_years_mismatch", ptr(k_project2, "/targets")));
}

TEST(validate, missing_target) {
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_indicator, "/targets/2568")) = json::object{{"value", nullptr}, {"text", "๒๕๖๘"}};
  auto findings = check(plan);
  EXPECT_EQ(errors(findings), sorted({{"missing_target", ptr(k_indicator, "/targets")}}));
  EXPECT_NE(findings.front().message_en.find("2568"), std::string::npos);
}

TEST(validate, percentage_over_100) {
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_indicator, "/targets/2570/value")) = 120;
  EXPECT_TRUE(has(check(plan), "error", "percentage_over_100", ptr(k_indicator, "/targets/2570/value")));
  // 120 persons is no percentage
  auto plan2 = valid_plan();
  plan2.at_pointer(ptr(k_project2, "/targets/2570/value")) = 150;
  EXPECT_TRUE(errors(check(plan2)).empty());
}

TEST(validate, unparseable_budget) {
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_project, "/budget")) =
      json::object{{"kind", "unparsed"}, {"baht", nullptr}, {"text", "ห้าหมื่นบาท"}};
  plan.at_pointer(ptr(k_project2, "/budget")) = json::object{{"kind", "unparsed"}, {"baht", nullptr}, {"text", ""}};
  auto findings = check(plan);
  EXPECT_EQ(errors(findings), sorted({{"unparseable_budget", ptr(k_project, "/budget")},
                                      {"unparseable_budget", ptr(k_project2, "/budget")}}));
}

TEST(validate, missing_agency) {
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_project, "/main_agencies")) = json::array{};
  plan.at_pointer(ptr(k_project2, "/main_agencies")) = json::parse(R"([{"name": " "}])");
  auto findings = check(plan);
  EXPECT_EQ(errors(findings), sorted({{"missing_agency", ptr(k_project, "/main_agencies")},
                                      {"missing_agency", ptr(k_project2, "/main_agencies")}}));
}

TEST(validate, other_province) {
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_project, "/main_agencies/0/name")) = "สำนักงาน จังหวัด นครราชสีมา";
  plan.at_pointer(ptr(k_project2, "/title")) = "สร้างเครือข่ายระหว่างหน่วยงานของรัฐในจังหวัดจันทบุรี";
  // "แพร่" inside "เผยแพร่" and "เลย" (also a province) are words, not provinces
  plan.at_pointer(ptr(k_project, "/title")) = "เผยแพร่คู่มือ ไม่เลย";
  auto findings = check(plan);
  EXPECT_EQ(errors(findings), sorted({{"other_province", ptr(k_project, "/main_agencies/0/name")},
                                      {"other_province", ptr(k_project2, "/title")}}))
      << dump(findings);
  // The host's province wins over the content's.
  EXPECT_TRUE(has(check(valid_plan(), context("TH-22")), "error", "other_province", "/province/code"));
  // Without the list of provinces nothing can be recognised, and nothing is claimed.
  plugin::plan_context bare;
  EXPECT_TRUE(errors(check(plan, bare)).empty());
}

TEST(validate, fiscal_year_outside_span_and_mismatch) {
  auto plan = valid_plan();
  plan.at_pointer("/fiscal_year") = 2571;
  EXPECT_EQ(errors(check(plan)), sorted({{"fiscal_year_outside_span", "/fiscal_year"}}));
  EXPECT_EQ(errors(check(valid_plan(), context("TH-96", 2568))), sorted({{"fiscal_year_mismatch", "/fiscal_year"}}));
}

TEST(validate, strategy_missing_and_unknown_strategy) {
  auto plan = valid_plan();
  auto& strategies = plan.at_pointer("/strategies").as_array();
  strategies.erase(strategies.begin() + 3);  // no strategy 4
  json::value third = strategies[2];
  strategies.push_back(std::move(third));  // strategy 3 twice
  strategies.push_back(json::object{{"number", 6}, {"title", "ยุทธศาสตร์ที่หก"}, {"goals", json::array{}}});
  auto findings = check(plan);
  EXPECT_EQ(errors(findings), sorted({{"duplicate_id", "/strategies/4/goals/0/id"},
                                      {"strategy_missing", "/strategies"},
                                      {"unknown_strategy", "/strategies/4/number"},
                                      {"unknown_strategy", "/strategies/5/number"}}))
      << dump(findings);
}

TEST(validate, strategy_title_mismatch_and_empty_strategy_are_warnings) {
  auto plan = valid_plan();
  plan.at_pointer("/strategies/1/title") =
      "การพัฒนาผลิตภัณฑ์และบริการการส่งเสริมมาตรฐานทางจริยธรรมภาครัฐให้ครอบคลุมทุกหน่วยงานและทุกระดับ";
  plan.at_pointer("/strategies/2/goals") = json::array{};
  // spaces and "(ต่อ)" do not count
  plan.at_pointer("/strategies/3/title") = "การรวมพลังทุกภาคส่วน ในการสร้างสังคม – วัฒนธรรมทางจริยธรรม (ต่อ)";
  auto findings = check(plan);
  EXPECT_TRUE(errors(findings).empty());
  EXPECT_EQ(warnings(findings),
            sorted({{"empty_strategy", "/strategies/2/goals"}, {"strategy_title_mismatch", "/strategies/1/title"}}));
}

TEST(validate, duplicate_id) {
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_project2, "/id")) = "s1.g1.i1.t1.p1";
  plan.at_pointer(ptr(k_project, "/activities/1/id")) = "s1.g1";
  auto findings = check(plan);
  EXPECT_EQ(errors(findings),
            sorted({{"duplicate_id", ptr(k_project, "/activities/1/id")}, {"duplicate_id", ptr(k_project2, "/id")}}));
}

TEST(validate, suspicious_target) {
  auto set_series = [](json::value& plan, std::string_view owner, std::vector<double> values) {
    auto& targets = plan.at_pointer(ptr(owner, "/targets")).as_object();
    for (std::size_t k = 0; k < values.size(); ++k) targets[std::to_string(2566 + k)].as_object()["value"] = values[k];
  };
  auto plan = valid_plan();
  set_series(plan, k_indicator, {80, 86, 89, 89, 81});  // seed line 197
  set_series(plan, k_project2, {16, 94, 96, 98, 100});  // seed line 207
  auto findings = check(plan);
  EXPECT_TRUE(errors(findings).empty());
  EXPECT_EQ(warnings(findings), sorted({{"suspicious_target", ptr(k_indicator, "/targets/2570/value")},
                                        {"suspicious_target", ptr(k_project2, "/targets/2566/value")}}));
  // a year where a count belongs
  auto plan2 = valid_plan();
  set_series(plan2, k_project2, {100, 2567, 120, 130, 140});
  EXPECT_TRUE(has(check(plan2), "warning", "suspicious_target", ptr(k_project2, "/targets/2567/value")));
  // series meant to fall, and steady ones, are fine
  auto plan3 = valid_plan();
  set_series(plan3, k_project2, {10, 8, 6, 4, 2});
  set_series(plan3, k_indicator, {5, 5, 5, 5, 5});
  EXPECT_TRUE(check(plan3).empty()) << dump(check(plan3));
}

TEST(validate, misplaced_value) {
  auto plan = valid_plan();
  plan.at_pointer(k_project).as_object()["unplaced"] =
      json::array{json::object{{"column", "budget"}, {"text", "๑๐๐"}, {"line", 204}},
                  json::object{{"column", "targets"}, {"text", "๑๐๐ ๑๐๐ ๑๐๐"}, {"line", 204}}};
  auto findings = check(plan);
  EXPECT_EQ(errors(findings), sorted({{"misplaced_value", ptr(k_project, "/unplaced/0")}}));
  EXPECT_EQ(warnings(findings), sorted({{"misplaced_value", ptr(k_project, "/unplaced/1")}}));
}

// --- Consistency checks (issue 14 item 5): each fires on the defect, and is
// silent on the correct plan (the_hand_made_plan_is_clean) and on near misses.

TEST(validate, unit_contradicts_indicator) {
  // A percentage indicator with a unit of levels: the targets cannot be both.
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_indicator, "/unit")) = "ระดับ";
  auto findings = check(plan);
  EXPECT_EQ(errors(findings), sorted({{"unit_contradicts_indicator", ptr(k_indicator, "/unit")}})) << dump(findings);
  // seed line 214: projects/activities counted in times, a warning
  auto plan2 = valid_plan();
  plan2.at_pointer(ptr(k_indicator, "/text")) = "จำนวนโครงการ/กิจกรรมรณรงค์เสริมสร้างความรู้ความเข้าใจเกี่ยวกับคุณธรรมจริยธรรม";
  plan2.at_pointer(ptr(k_indicator, "/unit")) = "จำนวนครั้ง";
  findings = check(plan2);
  EXPECT_TRUE(errors(findings).empty()) << dump(findings);
  EXPECT_EQ(warnings(findings), sorted({{"unit_contradicts_indicator", ptr(k_indicator, "/unit")}})) << dump(findings);
  // the unit the indicator names, and counts of things the plugin does not know, are fine
  for (std::string_view unit : {"โครงการ", "จำนวน (กิจกรรม)", "จำนวน"}) {
    plan2.at_pointer(ptr(k_indicator, "/unit")) = unit;
    EXPECT_TRUE(check(plan2).empty()) << unit << "\n" << dump(check(plan2));
  }
  plan2.at_pointer(ptr(k_indicator, "/text")) = "จำนวนเจ้าหน้าที่ของรัฐที่เข้ารับการอบรม";
  plan2.at_pointer(ptr(k_indicator, "/unit")) = "จำนวน (คน)";
  EXPECT_TRUE(check(plan2).empty()) << dump(check(plan2));
}

TEST(validate, indicator_not_measurable) {
  // seed line 195: the indicator repeats its strategy's text
  auto plan = valid_plan();
  const json::value tactic_title = plan.at_pointer(ptr(k_indicator, "/strategies/0/title"));
  plan.at_pointer(ptr(k_indicator, "/text")) = tactic_title;
  auto findings = check(plan);
  EXPECT_EQ(warnings(findings), sorted({{"indicator_not_measurable", ptr(k_indicator, "/text")}})) << dump(findings);
  EXPECT_NE(findings.front().message_en.find("repeats its strategy"), std::string::npos);
  // a yes/no indicator, a number and a level name what is measured
  for (std::string_view text : {"มีข้อกำหนดจริยธรรมของหน่วยงาน", "หน่วยงานผ่านเกณฑ์ ๓ ด้าน", "ระดับความสำเร็จของการจัดทำคู่มือ"}) {
    plan.at_pointer(ptr(k_indicator, "/text")) = text;
    plan.at_pointer(ptr(k_indicator, "/unit")) = "ระดับ";
    findings = check(plan);
    EXPECT_FALSE(has(findings, "warning", "indicator_not_measurable", ptr(k_indicator, "/text"))) << text;
  }
}

TEST(validate, relative_target_without_baseline) {
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_indicator, "/text")) = "ร้อยละของเรื่องร้องเรียนด้านจริยธรรมที่ลดลง";
  auto findings = check(plan);
  EXPECT_EQ(warnings(findings), sorted({{"relative_target_without_baseline", ptr(k_indicator, "/text")}}))
      << dump(findings);
  // a baseline named in the text: measurable (and its year is no year of work)
  plan.at_pointer(ptr(k_indicator, "/text")) = "ร้อยละของเรื่องร้องเรียนด้านจริยธรรมที่ลดลงเมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๕";
  EXPECT_TRUE(check(plan).empty()) << dump(check(plan));
  // a change written in a project's own target cell
  auto plan2 = valid_plan();
  plan2.at_pointer(ptr(k_project2, "/targets/2567/text")) = "เพิ่มขึ้นร้อยละ ๑๐";
  findings = check(plan2);
  EXPECT_EQ(warnings(findings), sorted({{"relative_target_without_baseline", ptr(k_project2, "/targets/2567/text")}}))
      << dump(findings);
  plan2.at_pointer(ptr(k_project2, "/targets/2566/text")) = "๑๐๐ (ค่าฐาน ปี ๒๕๖๖)";
  EXPECT_TRUE(check(plan2).empty()) << dump(check(plan2));
}

TEST(validate, target_below_indicator) {
  auto set_series = [](json::value& plan, std::string_view owner, std::vector<double> values) {
    auto& targets = plan.at_pointer(ptr(owner, "/targets")).as_object();
    for (std::size_t k = 0; k < values.size(); ++k) targets[std::to_string(2566 + k)].as_object()["value"] = values[k];
  };
  // as seed line 207 against line 205: a project's percentages below its
  // indicator's (here in 2567 only)
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_project2, "/unit")) = "ร้อยละ";
  set_series(plan, k_project2, {88, 90, 94, 97, 100});
  auto findings = check(plan);
  EXPECT_EQ(warnings(findings), sorted({{"target_below_indicator", ptr(k_project2, "/targets")}})) << dump(findings);
  EXPECT_NE(findings.front().message_en.find("2567 (90 below 91)"), std::string::npos) << dump(findings);
  // at or above the indicator's: fine
  set_series(plan, k_project2, {88, 91, 95, 97, 100});
  EXPECT_TRUE(check(plan).empty()) << dump(check(plan));
  // counts are not compared (several projects add up to an indicator's count),
  // nor different units: the hand-made plan's project counts persons
  auto plan2 = valid_plan();
  set_series(plan2, k_project2, {1, 2, 3, 4, 5});
  EXPECT_TRUE(check(plan2).empty()) << dump(check(plan2));
}

TEST(validate, year_outside_span) {
  // seed 000 line 229's activity, as an ethics plan row of a 2566–2570 plan
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_project2, "/title")) = "โครงการคัดเลือกข้าราชการผู้มีคุณธรรมและจริยธรรมดีเด่นประจำปี พ.ศ.๒๕๖๕";
  plan.at_pointer(ptr(k_project, "/activities/0/title")) = "จัดทำแผนปีงบประมาณ 2571";  // ASCII digits: the same year
  auto findings = check(plan);
  EXPECT_EQ(warnings(findings), sorted({{"year_outside_span", ptr(k_project2, "/title")},
                                        {"year_outside_span", ptr(k_project, "/activities/0/title")}}))
      << dump(findings);
  EXPECT_TRUE(errors(findings).empty());
  // years of the span, laws named with their year (seed line 214), dates of
  // past events, ranges of other plans and baselines are not years of work
  for (std::string_view title :
       {"การอบรมประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "การเผยแพร่พระราชบัญญัติมาตรฐานทางจริยธรรม พ.ศ. ๒๕๖๒",
        "ตามมติคณะรัฐมนตรีเมื่อวันที่ ๕ เมษายน ๒๕๖๕", "ตามยุทธศาสตร์ชาติ ๒๐ ปี (พ.ศ. ๒๕๖๑ - ๒๕๘๐) และแผนปี พ.ศ. ๒๕๖๕ – ๒๕๗๐",
        "ผู้เข้าร่วมเพิ่มขึ้นจากปี ๒๕๖๕", "ผู้มีจริยธรรมดีเด่นประจำปี"}) {
    auto clean = valid_plan();
    clean.at_pointer(ptr(k_project2, "/title")) = title;
    EXPECT_TRUE(check(clean).empty()) << title << "\n" << dump(check(clean));
  }
}

TEST(validate, national_template_text) {
  // seed 000 line 130, the national template's words, in an activity and a goal
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_project, "/activities/0/title")) = "ประกาศการจัดตั้งชมรมฯ ให้ครอบคลุมทุกอำเภอ ใน ๗๖ จังหวัด";
  plan.at_pointer("/strategies/0/goals/0/text") = "สมาชิกชมรมระดับอำเภอ จังหวัดละ ๑๐๐ คน";
  auto findings = check(plan);
  EXPECT_EQ(warnings(findings), sorted({{"national_template_text", ptr(k_project, "/activities/0/title")},
                                        {"national_template_text", "/strategies/0/goals/0/text"}}))
      << dump(findings);
  // the message quotes the phrase as written
  EXPECT_TRUE(std::any_of(findings.begin(), findings.end(), [](const finding& f) {
    return f.message_th.find("“๗๖ จังหวัด”") != std::string::npos;
  })) << dump(findings);
  // the province's own words: its name, 76 persons, every district of the province
  for (std::string_view title : {"อบรมเจ้าหน้าที่ ๗๖ คน ทุกอำเภอในจังหวัดนราธิวาส", "๑๗๖ จังหวัดชายแดน"}) {
    auto clean = valid_plan();
    clean.at_pointer(ptr(k_project2, "/title")) = title;
    EXPECT_TRUE(check(clean).empty()) << title << "\n" << dump(check(clean));
  }
}

TEST(validate, garbled_agency_name) {
  // seed lines 186 (main agency) and 187 (supporting agency)
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_project, "/main_agencies/0/name")) = "สำนักงาน ราชการ";
  plan.at_pointer(ptr(k_project2, "/supporting_agencies")) =
      json::parse(R"([{"name": "ทุกส่วนราชการ", "collective": true}, {"name": "สำนักงาน"}])");
  auto findings = check(plan);
  EXPECT_EQ(warnings(findings), sorted({{"garbled_agency_name", ptr(k_project, "/main_agencies/0/name")},
                                        {"garbled_agency_name", ptr(k_project2, "/supporting_agencies/1/name")}}))
      << dump(findings);
  EXPECT_TRUE(errors(findings).empty()) << dump(findings);  // still an agency: not missing_agency
  for (std::string_view name :
       {"สำนักงานจังหวัด", "สำนักงาน จังหวัด นราธิวาส", "หน่วยงานที่เกี่ยวข้อง", "ส่วนราชการ", "กลุ่มงานบริหารทรัพยากรบุคคล"}) {
    EXPECT_FALSE(is_garbled_agency_name(name)) << name;
  }
}

TEST(text, measures_and_years_of_work) {
  EXPECT_EQ(indicator_measure("ร้อยละของเจ้าหน้าที่ของรัฐ").kind, measure_kind::percentage);
  EXPECT_EQ(indicator_measure("๒. ระดับความสำเร็จ").kind, measure_kind::level);
  EXPECT_EQ(indicator_measure("จำนวนโครงการ/กิจกรรมรณรงค์").nouns, (std::vector<std::string>{"โครงการ", "กิจกรรม"}));
  EXPECT_EQ(indicator_measure("ส่งเสริมให้ใช้เครื่องมือ").kind, measure_kind::unknown);
  EXPECT_EQ(unit_measure("จำนวน (คน)").nouns, std::vector<std::string>{"คน"});
  EXPECT_EQ(unit_measure("%").kind, measure_kind::percentage);
  EXPECT_EQ(unit_measure("คะแนน").kind, measure_kind::unknown);
  EXPECT_TRUE(measures_contradict(indicator_measure("ร้อยละของหน่วยงาน"), unit_measure("ระดับ")));
  EXPECT_FALSE(measures_contradict(indicator_measure("ร้อยละของหน่วยงาน"), unit_measure("คะแนน")));

  auto years = [](std::string_view text) {
    std::vector<int> out;
    for (const auto& y : years_of_work(text)) out.push_back(y.year);
    return out;
  };
  EXPECT_EQ(years("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"), std::vector<int>{2569});  // found once, through ปี and งบประมาณ
  EXPECT_EQ(years("ในงบประมาณ พ.ศ. ๒๕๖๖ และปี 2567"), (std::vector<int>{2566, 2567}));
  EXPECT_TRUE(years("งบประมาณ ๒๕๐๐ บาท").empty());  // an amount, no era written
  EXPECT_TRUE(years("เทียบกับปีงบประมาณ พ.ศ. ๒๕๖๕").empty());
  // many markers with no year: read in linear time (quadratic would take minutes)
  std::string many;
  for (int k = 0; k < 100000; ++k) many += "ปี งบประมาณ ๗๖ ";
  EXPECT_TRUE(years_of_work(many).empty());
  EXPECT_FALSE(national_template_phrase(many));
  EXPECT_EQ(national_template_phrase("ทุก จังหวัด"), "ทุกจังหวัด");
  EXPECT_FALSE(national_template_phrase("จังหวัดนราธิวาส ๗๖ คน"));
}

// --- Narrative, linkage and approval (issue 14 item 4) ------------------------------

TEST(narrative, national_strategy_from_the_under_line_else_the_heading) {
  // the heading form (seed line 96), after a contents line without years (line 19)
  auto heading = scan_narrative(
      "๑.๓ ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ\n"
      "๑.๓ ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ (พ.ศ. ๒๕๖๕ – ๒๕๗๐)\n"
      "ประเด็นยุทธศาสตร์ ๕ ยุทธศาสตร์\n");
  ASSERT_TRUE(heading.national_strategy);
  EXPECT_EQ(heading.national_strategy->title, "ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ");
  EXPECT_EQ(heading.national_strategy->first_year, 2565);
  EXPECT_EQ(heading.national_strategy->last_year, 2570);
  EXPECT_EQ(heading.national_strategy->text, "ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ (พ.ศ. ๒๕๖๕ – ๒๕๗๐)");

  // "ภายใต้…" (seed line 167) wins over a heading, wherever it stands
  auto under = scan_narrative(
      "๑.๓ ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรม (พ.ศ. ๒๕๖๕ - ๒๕๗๐)\n"
      "ภายใต้ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ (พ.ศ.๒๕๖๖-พ.ศ.๒๕๗๐)\n");
  ASSERT_TRUE(under.national_strategy);
  EXPECT_EQ(under.national_strategy->title, "ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ");
  EXPECT_EQ(under.national_strategy->first_year, 2566);

  // no years given: the name alone, no years invented
  auto plain = read_under_line("ภายใต้ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->first_year);
  EXPECT_FALSE(plain->last_year);
  EXPECT_FALSE(read_under_line("ภายใต้การกำกับของจังหวัด"));
  EXPECT_FALSE(scan_narrative("แผนปฏิบัติการส่งเสริมคุณธรรม\nยุทธศาสตร์ชาติ ๒๐ ปี\n").national_strategy);
}

TEST(narrative, ethical_standards_table_across_a_page_break) {
  auto n = scan_narrative(
      "มาตรฐานทางจริยธรรม\tความสอดคล้องกับยุทธศาสตร์ชาติ ๒๐ ปี\n"
      "๑. ยึดมั่นในสถาบันหลักของประเทศ\t<p>- ยุทธศาสตร์ด้านความมั่นคง</p><p>- ยุทธศาสตร์ด้านการปรับสมดุล</p>\n"
      "๒. ซื่อสัตย์สุจริต มีจิตสำนึกที่ดี\t- ยุทธศาสตร์ด้านการพัฒนาทรัพยากรมนุษย์\n"
      "และรับผิดชอบต่อหน้าที่\t- ยุทธศาสตร์ด้านการปรับสมดุล\n"  // the cell goes on after a page break
      "\n"
      "มาตรฐานทางจริยธรรม\tความสอดคล้องกับยุทธศาสตร์ชาติ ๒๐ ปี\n"  // the header repeated on the next page
      "๓. กล้าตัดสินใจและกระทำในสิ่งที่ถูกต้องชอบธรรม\t- ยุทธศาสตร์ด้านการปรับสมดุล - ยุทธศาสตร์ด้านสังคม-วัฒนธรรม\n"
      "ที่มา : ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรม\n"
      "๔. ไม่ใช่มาตรฐาน\tตารางอื่น\n");  // after the table: another table's row
  ASSERT_EQ(n.ethical_standards.size(), 3u);
  EXPECT_EQ(n.ethical_standards[0].number, 1);
  EXPECT_EQ(n.ethical_standards[0].text, "ยึดมั่นในสถาบันหลักของประเทศ");
  EXPECT_EQ(n.ethical_standards[0].national_strategy_alignment,
            (std::vector<std::string>{"ยุทธศาสตร์ด้านความมั่นคง", "ยุทธศาสตร์ด้านการปรับสมดุล"}));
  EXPECT_EQ(n.ethical_standards[1].text, "ซื่อสัตย์สุจริต มีจิตสำนึกที่ดี และรับผิดชอบต่อหน้าที่");
  EXPECT_EQ(n.ethical_standards[1].national_strategy_alignment,
            (std::vector<std::string>{"ยุทธศาสตร์ด้านการพัฒนาทรัพยากรมนุษย์", "ยุทธศาสตร์ด้านการปรับสมดุล"}));
  EXPECT_EQ(n.ethical_standards[2].number, 3);
  // a dash inside a name ("สังคม-วัฒนธรรม") is no bullet
  EXPECT_EQ(n.ethical_standards[2].national_strategy_alignment,
            (std::vector<std::string>{"ยุทธศาสตร์ด้านการปรับสมดุล", "ยุทธศาสตร์ด้านสังคม-วัฒนธรรม"}));
  // the plan's own tables are not standards, even right under the standards table
  EXPECT_TRUE(scan_narrative("เป้าหมาย\tตัวชี้วัด\tค่าเป้าหมาย\n๑. ก\t๑. ข\t๕\n").ethical_standards.empty());
  auto next_table = scan_narrative(
      "มาตรฐานทางจริยธรรม\tความสอดคล้องกับยุทธศาสตร์ชาติ ๒๐ ปี\n"
      "๑. มุ่งผลสัมฤทธิ์ของงาน\t- ยุทธศาสตร์ด้านการปรับสมดุล\n"
      "เป้าหมาย\tตัวชี้วัด\tกลยุทธ์\tค่าเป้าหมาย\n"
      "\t๒. ระดับความสำเร็จ\t\t๕\n");
  ASSERT_EQ(next_table.ethical_standards.size(), 1u);
  EXPECT_EQ(next_table.ethical_standards[0].text, "มุ่งผลสัมฤทธิ์ของงาน");
}

TEST(narrative, vision_missions_and_goals_as_sections) {
  auto n = scan_narrative(
      "สารบัญ\n๒.๑ วิสัยทัศน์\n๒.๒ พันธกิจ\n๒.๔ เป้าหมาย\n"  // contents: headings with nothing under them
      "ส่วนที่ ๒ สาระสำคัญ\n"
      "วิสัยทัศน์ : “จังหวัดยะลาเป็นเมือง<b>คุณธรรม</b>”\n"  // inline, quoted, a tag inside
      "พันธกิจ\n"
      "- ส่งเสริมคุณธรรมจริยธรรม\n"
      "ในหน่วยงานของรัฐ\n"  // a wrapped item
      "- พัฒนาเครือข่าย\n"
      "๒.๔ เป้าหมาย\n"
      "เจ้าหน้าที่ของรัฐมีจริยธรรม\n"  // no numbers: one item per paragraph
      "<p>ประชาชนเชื่อมั่นภาครัฐ</p>\n"
      "ยุทธศาสตร์ที่ ๑ การสร้างมาตรฐานทางจริยธรรมภายในหน่วยงานของรัฐ\n"
      "ข้อความใต้ยุทธศาสตร์\n");
  EXPECT_EQ(n.vision, "จังหวัดยะลาเป็นเมืองคุณธรรม");
  EXPECT_EQ(n.missions, (std::vector<std::string>{"ส่งเสริมคุณธรรมจริยธรรม ในหน่วยงานของรัฐ", "พัฒนาเครือข่าย"}));
  EXPECT_EQ(n.plan_goals, (std::vector<std::string>{"เจ้าหน้าที่ของรัฐมีจริยธรรม", "ประชาชนเชื่อมั่นภาครัฐ"}));
  // several numbered items on one line
  auto one_line = scan_narrative("๒.๒ พันธกิจ\n๑. สร้างสังคมจริยธรรม ๒. เน้นย้ำภาพลักษณ์\n");
  EXPECT_EQ(one_line.missions, (std::vector<std::string>{"สร้างสังคมจริยธรรม", "เน้นย้ำภาพลักษณ์"}));
  // nothing of the kind: all absent
  auto none = scan_narrative("แผนปฏิบัติการ\nเป้าหมายของโครงการนี้คือ\n");
  EXPECT_TRUE(none.vision.empty());
  EXPECT_TRUE(none.missions.empty());
  EXPECT_TRUE(none.plan_goals.empty());
}

TEST(narrative, implementation_and_monitoring_sections) {
  auto n = scan_narrative(
      "๔.๑ การขับเคลื่อนแผนปฏิบัติการไปสู่การปฏิบัติ\n๔.๒ การติดตามและประเมินผลแผนปฏิบัติการ\nภาคผนวก\n"
      "๔.๑ การขับเคลื่อนแผนปฏิบัติการไปสู่การปฏิบัติ\n"
      "๑. บูรณาการกับหน่วยงาน\n"
      "(๑) ถ่ายทอดในที่ประชุม\n"
      "๔.๒ การติดตามและประเมินผลแผนปฏิบัติการ\n"
      "ติดตามผลการดำเนินงานราย ๓ เดือน และประเมินผลทุกปี\n"
      "ภาคผนวก\n"
      "รายชื่อผู้จัดทำ\n");
  EXPECT_EQ(n.implementation, "๑. บูรณาการกับหน่วยงาน\n(๑) ถ่ายทอดในที่ประชุม");
  ASSERT_TRUE(n.monitoring);
  EXPECT_EQ(n.monitoring->text, "ติดตามผลการดำเนินงานราย ๓ เดือน และประเมินผลทุกปี");
  ASSERT_TRUE(n.monitoring->frequency);  // the first the text states
  EXPECT_EQ(n.monitoring->frequency->every_months, 3);
  EXPECT_EQ(n.monitoring->frequency->text, "ราย ๓ เดือน");
  // a monitoring section that states no frequency has none
  auto plain = scan_narrative("การติดตามและประเมินผล\nจังหวัดติดตามผลการดำเนินงานตามแผน\n");
  ASSERT_TRUE(plain.monitoring);
  EXPECT_EQ(plain.monitoring->text, "จังหวัดติดตามผลการดำเนินงานตามแผน");
  EXPECT_FALSE(plain.monitoring->frequency);
}

TEST(narrative, frequencies) {
  auto months = [](std::string_view text) { return find_frequency(text).value_or(frequency_info{}).every_months; };
  auto words = [](std::string_view text) { return find_frequency(text).value_or(frequency_info{}).text; };
  EXPECT_EQ(months("การประเมินผลของบุคลากรในทุก ๖ เดือน เพื่อ"), 6);  // seed line 252
  EXPECT_EQ(words("การประเมินผลของบุคลากรในทุก ๖ เดือน เพื่อ"), "ทุก ๖ เดือน");
  EXPECT_EQ(months("รายงานผลทุกไตรมาส"), 3);
  EXPECT_EQ(words("รายงานผลทุกไตรมาส"), "ทุกไตรมาส");
  EXPECT_EQ(months("ราย 3 เดือน"), 3);
  EXPECT_EQ(months("รอบ ๖ เดือน"), 6);
  EXPECT_EQ(months("ทุกหกเดือน"), 6);
  EXPECT_EQ(months("ทุกๆ ๓ เดือน"), 3);
  EXPECT_EQ(months("ทุกครึ่งปี"), 6);
  EXPECT_EQ(months("ปีละ ๒ ครั้ง"), 6);
  EXPECT_EQ(words("รายงานปีละ ๒ ครั้ง"), "ปีละ ๒ ครั้ง");
  EXPECT_EQ(months("ปีละครั้ง"), 12);
  EXPECT_EQ(months("รายปี"), 12);
  EXPECT_EQ(months("ทุก ๒ ปี"), 24);
  EXPECT_EQ(months("ทุกเดือน"), 1);
  EXPECT_EQ(months("เดือนละครั้ง"), 1);
  EXPECT_EQ(months("ไตรมาสละ ๑ ครั้ง"), 3);
  for (std::string_view none : {"รายงานผล", "ทุกภาคส่วน", "ทุกส่วนราชการ", "ทุกหน่วยงาน", "ในรอบปีที่ผ่านมา", "เดือนละ ๒ ครั้ง",
                                "ทุก ๙๙ เดือน", "ครึ่งปีแรก", ""}) {
    EXPECT_FALSE(find_frequency(none)) << none;
  }
}

TEST(narrative, committee_mandate_and_reporting_duties) {
  auto n = scan_narrative(
      "คำนำ\n"
      "แผนนี้จัดทำขึ้นเพื่อเป็นกรอบการดำเนินงาน\n"
      "คณะกรรมการจริยธรรมประจำจังหวัดยะลา\n"  // the foreword's signature
      "ส่วนที่ ๑ ความเป็นมา\n"
      // the national committee's powers under the law (seed line 77): not this plan's committee
      "มาตรา ๘ กำหนดให้มีคณะกรรมการมาตรฐานทางจริยธรรม มีอำนาจหน้าที่เสนอแนะนโยบาย\n"
      "ส่วนที่ ๔ การขับเคลื่อน\n"
      "คณะกรรมการจริยธรรมประจำจังหวัดยะลา มีหน้าที่ ดังนี้\n"
      "๑. กำกับติดตามการดำเนินงานตามแผน\n"
      "๒. รายงานผลการดำเนินงานให้ ศปท.มท. ทราบทุกไตรมาส\n"
      "หน่วยงานที่รับผิดชอบรายงานผลต่อคณะกรรมการ ปีละ ๒ ครั้ง\n"
      "จัดทำรายงานสรุป\n");  // a report, but no one it goes to and no frequency
  EXPECT_EQ(n.committee.name, "คณะกรรมการจริยธรรมประจำจังหวัดยะลา");
  EXPECT_EQ(n.committee.mandate,
            "คณะกรรมการจริยธรรมประจำจังหวัดยะลา มีหน้าที่ ดังนี้\n๑. กำกับติดตามการดำเนินงานตามแผน\n"
            "๒. รายงานผลการดำเนินงานให้ ศปท.มท. ทราบทุกไตรมาส");
  ASSERT_EQ(n.committee.reporting.size(), 2u);
  EXPECT_EQ(n.committee.reporting[0].text, "รายงานผลการดำเนินงานให้ ศปท.มท. ทราบทุกไตรมาส");
  ASSERT_TRUE(n.committee.reporting[0].frequency);
  EXPECT_EQ(n.committee.reporting[0].frequency->every_months, 3);
  EXPECT_EQ(n.committee.reporting[1].text, "หน่วยงานที่รับผิดชอบรายงานผลต่อคณะกรรมการ ปีละ ๒ ครั้ง");
  EXPECT_EQ(n.committee.reporting[1].frequency->every_months, 6);

  // a mandate section: its heading names the committee
  auto section = scan_narrative(
      "๔.๓ อำนาจหน้าที่ของคณะทำงานขับเคลื่อนแผนจังหวัดยะลา\n"
      "๑. จัดทำแผนปฏิบัติการ\n"
      "๒. ติดตามผล\n"
      "๔.๔ อื่น ๆ\n"
      "ข้อความอื่น\n");
  EXPECT_EQ(section.committee.name, "คณะทำงานขับเคลื่อนแผนจังหวัดยะลา");
  EXPECT_EQ(section.committee.mandate, "๑. จัดทำแผนปฏิบัติการ\n๒. ติดตามผล");
  EXPECT_TRUE(section.committee.reporting.empty());

  // the national committee alone: no mandate, no name
  auto national = scan_narrative("มาตรา ๘ กำหนดให้มีคณะกรรมการมาตรฐานทางจริยธรรม มีอำนาจหน้าที่เสนอแนะนโยบาย\n");
  EXPECT_TRUE(national.committee.empty());
}

TEST(narrative, budget_sources) {
  auto sentence = scan_narrative("แหล่งงบประมาณ ได้แก่ งบพัฒนาจังหวัด, งบประมาณของหน่วยงาน และงบองค์กรปกครองส่วนท้องถิ่น\n");
  EXPECT_EQ(sentence.budget_sources,
            (std::vector<std::string>{"งบพัฒนาจังหวัด", "งบประมาณของหน่วยงาน", "งบองค์กรปกครองส่วนท้องถิ่น"}));
  auto section = scan_narrative("๔.๓ แหล่งงบประมาณ\n๑. งบพัฒนาจังหวัด\n๒. งบประมาณปกติของส่วนราชการ\nภาคผนวก\n");
  EXPECT_EQ(section.budget_sources, (std::vector<std::string>{"งบพัฒนาจังหวัด", "งบประมาณปกติของส่วนราชการ"}));
  // a table header and a heading naming the fiscal year say no source
  EXPECT_TRUE(scan_narrative("เป้าหมาย\tงบประมาณ/แหล่งงบประมาณ\n๓.๑ แผนงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nข้อความ\n")
                  .budget_sources.empty());
}

TEST(narrative, approval_of_this_plan_not_of_the_national_strategy) {
  auto active = read_approval(
      "คณะกรรมการจริยธรรมประจำจังหวัดยะลา ในการประชุมครั้งที่ ๒/๒๕๖๘ เมื่อวันที่ ๑๕ ตุลาคม ๒๕๖๘ "
      "มีมติเห็นชอบแผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดยะลา ประจำปีงบประมาณ พ.ศ. ๒๕๖๙");
  ASSERT_TRUE(active);
  EXPECT_EQ(active->body, "คณะกรรมการจริยธรรมประจำจังหวัดยะลา");
  EXPECT_EQ(active->meeting, "2/2568");
  EXPECT_EQ(active->date, "2025-10-15");  // BE 2568 is CE 2025
  EXPECT_EQ(active->resolution, "มติเห็นชอบแผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดยะลา ประจำปีงบประมาณ พ.ศ. ๒๕๖๙");

  // a cover line: the plan received approval; ASCII digits, an abbreviated month, a two-digit year
  auto cover = read_approval("ผ่านความเห็นชอบจากที่ประชุมคณะกรรมการจริยธรรมประจำจังหวัดยะลา ครั้งที่ 1 / 2568 วันที่ 3 ก.พ. 68");
  ASSERT_TRUE(cover);
  EXPECT_EQ(cover->body, "คณะกรรมการจริยธรรมประจำจังหวัดยะลา");
  EXPECT_EQ(cover->meeting, "1/2568");
  EXPECT_EQ(cover->date, "2025-02-03");
  EXPECT_EQ(cover->resolution, cover->text);  // no มติ: from the approving words

  // the plan as the subject, a draft approved, a date that does not exist
  auto passive = read_approval("แผนปฏิบัติการฯ ฉบับนี้ได้รับความเห็นชอบในการประชุมเมื่อวันที่ ๓๑ กุมภาพันธ์ ๒๕๖๘");
  ASSERT_TRUE(passive);
  EXPECT_TRUE(passive->date.empty());
  EXPECT_TRUE(passive->meeting.empty());
  EXPECT_TRUE(read_approval("ที่ประชุมมีมติเห็นชอบ (ร่าง) แผนปฏิบัติการฯ"));

  // the national strategy's approvals (seed lines 77, 79) and other approvals are not this plan's
  for (std::string_view other :
       {"โดยในการประชุม ก.ม.จ. ครั้งที่ ๑/๒๕๖๔ เมื่อวันที่ ๒๑ มกราคม ๒๕๖๔ ได้พิจารณาและมีมติเห็นชอบร่างยุทธศาสตร์ด้าน"
        "มาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ",
        "ในการประชุมคณะรัฐมนตรีเมื่อวันที่ ๕ เมษายน ๒๕๖๕ มีมติเห็นชอบร่างยุทธศาสตร์ด้านมาตรฐานทางจริยธรรม",
        "ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมฯ ได้รับความเห็นชอบจากคณะรัฐมนตรีเมื่อวันที่ ๕ เมษายน ๒๕๖๕",
        "คณะรัฐมนตรีมีมติเห็นชอบแผนแม่บทภายใต้ยุทธศาสตร์ชาติ",
        "ในการประชุมเมื่อวันที่ ๕ เมษายน ๒๕๖๕ คณะรัฐมนตรีมีมติเห็นชอบแผนปฏิบัติการด้านการต่อต้านการทุจริต ระยะที่ ๓",
        "ตามที่สำนักงาน ก.พ. เสนอคณะรัฐมนตรีให้ความเห็นชอบ เพื่อใช้เป็นกรอบแนวทาง",  // seed line 56: no meeting
        "แผนปฏิบัติการนี้จัดทำขึ้นในการประชุม"}) {
    EXPECT_FALSE(read_approval(other)) << other;
  }

  EXPECT_EQ(find_iso_date("วันที่ ๒๑ มกราคม พ.ศ. ๒๕๖๔"), "2021-01-21");
  EXPECT_EQ(find_iso_date("ครั้งที่ ๑/๒๕๖๘ เมื่อวันที่ ๑๕ ต.ค. ๒๕๖๘ เวลา"), "2025-10-15");
  EXPECT_FALSE(find_iso_date("ปีงบประมาณ พ.ศ. ๒๕๖๙"));
  // the first approval in the document is kept
  auto n = scan_narrative(
      "ในการประชุมคณะรัฐมนตรีเมื่อวันที่ ๕ เมษายน ๒๕๖๕ มีมติเห็นชอบร่างยุทธศาสตร์ด้านมาตรฐานทางจริยธรรม\n"
      "คณะกรรมการจริยธรรมประจำจังหวัดยะลา ครั้งที่ ๒/๒๕๖๘ มีมติเห็นชอบแผนปฏิบัติการนี้\n"
      "คณะกรรมการจริยธรรมประจำจังหวัดยะลา ครั้งที่ ๓/๒๕๖๘ มีมติเห็นชอบแผนปฏิบัติการนี้\n");
  ASSERT_TRUE(n.approval);
  EXPECT_EQ(n.approval->meeting, "2/2568");
}

TEST(narrative, long_lines_of_markers_cost_linear_time) {
  // Quadratic work on these would take minutes; each must stay absent or bounded.
  std::string approvals, reports, headings;
  for (int k = 0; k < 50000; ++k) {
    approvals += "ยุทธศาสตร์ผ่านความเห็นชอบ ประชุม ";
    reports += "รายงาน ทุก ทุกๆ ราย ปีละ คณะกรรมการ ";
    headings += "๒.๑ วิสัยทัศน์\nx\n";
  }
  EXPECT_FALSE(read_approval(approvals));
  auto n = scan_narrative(approvals + "\n" + reports + "\n" + headings);
  EXPECT_FALSE(n.approval);
  EXPECT_EQ(n.vision, "x");
  EXPECT_LE(n.committee.reporting.size(), 1u);
}

// A whole document through the importer: each member lands in the content,
// in the document's order, and validates.
TEST(import, narrative_of_a_hand_made_document) {
  const std::string text =
      "แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดยะลา (พ.ศ. ๒๕๖๖ - ๒๕๗๐)\n"
      "ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\n"
      "ผ่านความเห็นชอบจากคณะกรรมการจริยธรรมประจำจังหวัดยะลา ในการประชุมครั้งที่ ๒/๒๕๖๘ เมื่อวันที่ ๑๕ ตุลาคม ๒๕๖๘\n"
      "ภายใต้ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ (พ.ศ. ๒๕๖๕ - ๒๕๗๐)\n"
      "วิสัยทัศน์ : เจ้าหน้าที่ของรัฐจังหวัดยะลาเป็นที่ไว้วางใจ\n"
      "ยุทธศาสตร์ที่ ๑ การสร้างมาตรฐานทางจริยธรรมภายในหน่วยงานของรัฐ\n"
      "เป้าหมาย\tตัวชี้วัด\tกลยุทธ์\tแผนการดำเนินงาน\tหน่วยงานรับผิดชอบ\t\tงบประมาณ/แหล่งงบประมาณ\tหน่วยนับ\tค่าเป้าหมาย\n"
      "\t\t\t\tหลัก\tสนับสนุน\t\t\t๒๕๖๖\t๒๕๖๗\t๒๕๖๘\t๒๕๖๙\t๒๕๗๐\n"
      "๑. ก\t๑. ร้อยละของเจ้าหน้าที่\t๑. ค\t๑. ง\tสำนักงานจังหวัดยะลา\t-\t-\tร้อยละ\t๘๐\t๘๕\t๙๐\t๙๕\t๑๐๐\n"
      "๔.๒ การติดตามและประเมินผล\n"
      "คณะกรรมการจริยธรรมประจำจังหวัดยะลารายงานผลต่อ ศปท.มท. ทุกไตรมาส\n"
      "แหล่งงบประมาณ : งบพัฒนาจังหวัด\n";
  auto result = plan_type().import_document(text, context());
  json::value content = result.content;
  EXPECT_EQ(content.at_pointer("/province/code"), "TH-95");
  EXPECT_EQ(content.at_pointer("/national_strategy/first_year"), 2565);
  EXPECT_EQ(content.at_pointer("/vision"), "เจ้าหน้าที่ของรัฐจังหวัดยะลาเป็นที่ไว้วางใจ");
  EXPECT_EQ(content.at_pointer("/monitoring"),
            // the "แหล่งงบประมาณ :" line opens a section of its own
            (json::object{{"text", "คณะกรรมการจริยธรรมประจำจังหวัดยะลารายงานผลต่อ ศปท.มท. ทุกไตรมาส"},
                          {"frequency", "ทุกไตรมาส"},
                          {"every_months", 3}}));
  EXPECT_EQ(content.at_pointer("/committee/reporting/0"),
            (json::object{{"text", "คณะกรรมการจริยธรรมประจำจังหวัดยะลารายงานผลต่อ ศปท.มท. ทุกไตรมาส"},
                          {"frequency", "ทุกไตรมาส"},
                          {"every_months", 3}}));
  EXPECT_EQ(content.at_pointer("/budget_sources"), json::array{"งบพัฒนาจังหวัด"});
  EXPECT_EQ(content.at_pointer("/approval/meeting"), "2/2568");
  EXPECT_EQ(content.at_pointer("/approval/date"), "2025-10-15");
  EXPECT_EQ(content.at_pointer("/approval/body"), "คณะกรรมการจริยธรรมประจำจังหวัดยะลา");
  // nothing the document does not state
  EXPECT_FALSE(content.as_object().contains("missions"));
  EXPECT_FALSE(content.as_object().contains("ethical_standards"));
  EXPECT_FALSE(content.as_object().contains("implementation"));
  EXPECT_FALSE(content.at_pointer("/committee").as_object().contains("mandate"));
  EXPECT_TRUE(errors(result.findings).empty()) << dump(result.findings);
  for (const auto& f : result.findings) {
    for (std::string_view key :
         {"/national_strategy", "/vision", "/monitoring", "/committee", "/budget_sources", "/approval", "/span"}) {
      EXPECT_FALSE(f.path.starts_with(key)) << dump(result.findings);
    }
  }
}

// Content with every narrative member, as the importer writes them.
constexpr std::string_view k_narrative = R"json({
  "national_strategy": {"title": "ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ",
                        "first_year": 2565, "last_year": 2570,
                        "text": "ภายใต้ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรมและการส่งเสริมจริยธรรมภาครัฐ (พ.ศ. ๒๕๖๕ - ๒๕๗๐)"},
  "ethical_standards": [{"number": 1, "text": "ยึดมั่นในสถาบันหลักของประเทศ",
                         "national_strategy_alignment": ["ยุทธศาสตร์ด้านความมั่นคง"]},
                        {"number": 2, "text": "ซื่อสัตย์สุจริต"}],
  "vision": "เจ้าหน้าที่ของรัฐจังหวัดนราธิวาสเป็นที่เชื่อถือและไว้วางใจได้",
  "missions": ["สร้างสังคม - วัฒนธรรมทางจริยธรรม"],
  "plan_goals": ["การสร้างการรับรู้มาตรฐานทางจริยธรรม"],
  "implementation": {"text": "จังหวัดนราธิวาสมีแนวทางในการขับเคลื่อน (พ.ศ. ๒๕๖๖ -๒๕๗๐)"},
  "monitoring": {"text": "ประเมินผลทุก ๖ เดือน", "frequency": "ทุก ๖ เดือน", "every_months": 6},
  "committee": {"name": "คณะกรรมการจริยธรรมประจำจังหวัดนราธิวาส", "mandate": {"text": "กำกับติดตาม"},
                "reporting": [{"text": "รายงานผลต่อ ศปท.มท. ทุกไตรมาส", "frequency": "ทุกไตรมาส", "every_months": 3},
                              {"text": "รายงานผลต่อผู้ว่าราชการจังหวัด"}]},
  "budget_sources": ["งบพัฒนาจังหวัด"],
  "approval": {"body": "คณะกรรมการจริยธรรมประจำจังหวัดนราธิวาส", "meeting": "2/2568", "date": "2025-10-15",
               "resolution": "มติเห็นชอบแผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "text": "…"}
})json";

json::value narrative_plan() {
  json::value plan = valid_plan();
  const json::value narrative = json::parse(k_narrative);
  for (const auto& member : narrative.as_object()) plan.as_object()[member.key()] = member.value();
  return plan;
}

TEST(validate, narrative_members_are_optional_and_checked) {
  // content stored before the narrative existed: still clean (also the test above)
  EXPECT_TRUE(check(valid_plan(), context("TH-96", 2569)).empty());
  auto clean = check(narrative_plan(), context("TH-96", 2569));
  EXPECT_TRUE(clean.empty()) << dump(clean);
  // empty texts say nothing
  json::value blank = valid_plan();
  blank.as_object()["vision"] = "";
  blank.as_object()["approval"] = json::object{{"date", ""}};
  blank.as_object()["committee"] = json::object{};
  EXPECT_TRUE(check(blank, context("TH-96", 2569)).empty());

  auto with = [](std::string_view json_text) {
    json::value plan = narrative_plan();
    const json::value changes = json::parse(json_text);
    for (const auto& member : changes.as_object()) plan.as_object()[member.key()] = member.value();
    return plan;
  };
  EXPECT_EQ(errors(check(with(R"({"vision": 5, "missions": "x", "committee": [], "approval": "2568"})"))),
            sorted({{"invalid_type", "/vision"},
                    {"invalid_type", "/missions"},
                    {"invalid_type", "/committee"},
                    {"invalid_type", "/approval"}}));
  EXPECT_EQ(
      errors(check(with(R"({"missions": ["", 3], "budget_sources": [" "]})"))),
      sorted(
          {{"missing_field", "/missions/0"}, {"invalid_type", "/missions/1"}, {"missing_field", "/budget_sources/0"}}));
  EXPECT_EQ(errors(check(with(R"({"ethical_standards": [{"number": 0, "text": ""}, {"text": "x"}, 1]})"))),
            sorted({{"invalid_value", "/ethical_standards/0/number"},
                    {"missing_field", "/ethical_standards/0/text"},
                    {"missing_field", "/ethical_standards/1/number"},
                    {"invalid_type", "/ethical_standards/2"}}));
  EXPECT_EQ(errors(check(with(R"({"monitoring": {"text": "x", "every_months": 0},
                                  "committee": {"reporting": [{"every_months": "3"}], "mandate": "x"}})"))),
            sorted({{"invalid_value", "/monitoring/every_months"},
                    {"missing_field", "/committee/reporting/0/text"},
                    {"invalid_type", "/committee/reporting/0/every_months"},
                    {"invalid_type", "/committee/mandate"}}));
  EXPECT_EQ(errors(check(with(R"({"national_strategy": {"first_year": 2570, "last_year": 2565}})"))),
            sorted({{"missing_field", "/national_strategy/title"}, {"invalid_value", "/national_strategy"}}));
  EXPECT_EQ(
      errors(check(with(R"({"national_strategy": {"title": "x", "first_year": 1999, "last_year": "2570"}})"))),
      sorted({{"invalid_value", "/national_strategy/first_year"}, {"invalid_type", "/national_strategy/last_year"}}));
  // the narrative is free text: another province's name, a year of work outside the span
  auto copied = check(with(R"({"vision": "สำนักงานจังหวัดนครราชสีมาเป็นที่ไว้วางใจ", "missions": ["อบรมประจำปี พ.ศ. ๒๕๖๕"]})"),
                      context("TH-96", 2569));
  EXPECT_TRUE(has(copied, "error", "other_province", "/vision")) << dump(copied);
  EXPECT_TRUE(has(copied, "warning", "year_outside_span", "/missions/0")) << dump(copied);
}

TEST(validate, span_not_five_years) {
  EXPECT_FALSE(has(check(valid_plan()), "warning", "span_not_five_years", "/span"));
  json::value plan = valid_plan();
  plan.as_object()["span"] = json::object{{"first_year", 2566}, {"last_year", 2569}};
  auto findings = check(plan);
  EXPECT_TRUE(has(findings, "warning", "span_not_five_years", "/span")) << dump(findings);
  plan.as_object()["span"] = json::object{{"first_year", 2565}, {"last_year", 2570}};  // six years
  EXPECT_TRUE(has(check(plan), "warning", "span_not_five_years", "/span"));
  // an invalid span is an error only, not also this warning
  plan.as_object()["span"] = json::object{{"first_year", 2570}, {"last_year", 2566}};
  EXPECT_FALSE(has(check(plan), "warning", "span_not_five_years", "/span"));
}

TEST(validate, span_outside_national_strategy) {
  EXPECT_FALSE(
      has(check(narrative_plan()), "warning", "span_outside_national_strategy", "/span"));  // 2566–2570 in 2565–2570
  json::value plan = narrative_plan();
  plan.as_object()["national_strategy"].as_object()["first_year"] = 2567;
  auto findings = check(plan);
  EXPECT_TRUE(has(findings, "warning", "span_outside_national_strategy", "/span")) << dump(findings);
  // no years: nothing to compare
  plan.as_object()["national_strategy"] = json::object{{"title", "ยุทธศาสตร์ด้านมาตรฐานทางจริยธรรม"}};
  EXPECT_FALSE(has(check(plan), "warning", "span_outside_national_strategy", "/span"));
}

TEST(validate, invalid_date) {
  for (std::string_view bad : {"2025-13-01", "2025-02-29", "15 ตุลาคม 2568", "2025/10/15", "2568-10-15"}) {
    json::value plan = narrative_plan();
    plan.as_object()["approval"].as_object()["date"] = bad;
    auto findings = check(plan, context("TH-96", 2569));
    EXPECT_EQ(warnings(findings), (std::vector<code_path>{{"invalid_date", "/approval/date"}}))
        << bad << dump(findings);
    EXPECT_TRUE(errors(findings).empty()) << bad;
  }
  json::value plan = narrative_plan();
  plan.as_object()["approval"].as_object()["date"] = 20251015;
  EXPECT_TRUE(has(check(plan), "error", "invalid_type", "/approval/date"));
}

TEST(validate, approved_after_fiscal_year) {
  // fiscal year 2569 runs from 1 October 2025 to 30 September 2026 (CE)
  for (auto [date, late] : {std::pair<std::string_view, bool>{"2025-10-15", false},
                            {"2024-12-01", false},
                            {"2026-09-30", false},
                            {"2026-10-01", true}}) {
    json::value plan = narrative_plan();
    plan.as_object()["approval"].as_object()["date"] = date;
    EXPECT_EQ(has(check(plan), "warning", "approved_after_fiscal_year", "/approval/date"), late) << date;
  }
}

TEST(plan_type, schema_labels_every_member_in_thai) {
  const auto schema = plan_type().content_schema();
  const auto& labels = schema.at("x-labels").as_object();
  std::set<std::string> names;
  std::function<void(const json::value&)> walk = [&](const json::value& node) {
    if (const auto* o = node.if_object()) {
      if (const auto* properties = o->if_contains("properties"); properties && properties->is_object()) {
        for (const auto& member : properties->as_object()) names.emplace(member.key());
      }
      for (const auto& member : *o) walk(member.value());
    } else if (const auto* a = node.if_array()) {
      for (const auto& element : *a) walk(element);
    }
  };
  walk(schema);
  for (std::string_view member : {"national_strategy",
                                  "ethical_standards",
                                  "national_strategy_alignment",
                                  "vision",
                                  "missions",
                                  "plan_goals",
                                  "implementation",
                                  "monitoring",
                                  "frequency",
                                  "every_months",
                                  "committee",
                                  "name",
                                  "mandate",
                                  "reporting",
                                  "budget_sources",
                                  "approval",
                                  "body",
                                  "meeting",
                                  "date",
                                  "resolution"}) {
    EXPECT_TRUE(names.count(std::string(member))) << member;
  }
  for (const auto& name : names) {
    if (name == "id") continue;  // kept by the editor, never shown
    SCOPED_TRACE(name);
    const auto* label = labels.if_contains(name);
    ASSERT_NE(label, nullptr);
    const auto& th_label = label->as_object().at("th").as_string();
    EXPECT_FALSE(th_label.empty());
    EXPECT_GE(static_cast<unsigned char>(th_label[0]), 0xE0);  // Thai script (U+0E00..), not an English copy
    EXPECT_FALSE(label->as_object().at("en").as_string().empty());
  }
  // the new members are optional: content stored before them stays valid
  const auto& required = schema.at("required").as_array();
  for (std::string_view member : {"national_strategy", "vision", "monitoring", "committee", "approval"}) {
    EXPECT_EQ(std::find(required.begin(), required.end(), json::value(member)), required.end()) << member;
    EXPECT_TRUE(schema.at("properties").as_object().contains(member)) << member;
  }
}

// --- Never throws -------------------------------------------------------------------

std::vector<json::value> garbage() {
  json::value deep = json::array{};
  for (int k = 0; k < 200; ++k) deep = json::array{std::move(deep)};
  return {nullptr,
          true,
          0,
          -1,
          1e300,
          std::numeric_limits<double>::quiet_NaN(),
          18446744073709551615ull,
          "",
          "x",
          json::array{},
          json::object{},
          json::array{nullptr, 1, "y"},
          json::object{{"value", json::object{}}},
          std::move(deep)};
}

TEST(validate, never_throws_for_garbage_anywhere) {
  const auto junk = garbage();
  for (const auto& value : junk) {
    EXPECT_NO_THROW(plan_type().validate(value, context()));
    EXPECT_NO_THROW(plan_type().compute_totals(value));
    EXPECT_NO_THROW(plan_type().progress_items(value));
  }
  // Every node of a valid plan, with and without the narrative, replaced by
  // every kind of garbage in turn.
  for (json::value plan : {valid_plan(), narrative_plan()}) {
    std::size_t runs = 0;
    std::function<void(json::value&)> visit = [&](json::value& node) {
      for (const auto& value : junk) {
        json::value saved = node;
        node = value;
        EXPECT_NO_THROW({
          auto findings = plan_type().validate(plan, context("TH-96", 2569));
          for (const auto& f : findings) EXPECT_FALSE(f.code.empty());
          plan_type().compute_totals(plan);
          plan_type().progress_items(plan);
        });
        ++runs;
        node = std::move(saved);
      }
      if (auto* o = node.if_object()) {
        for (auto& member : *o) visit(member.value());
      } else if (auto* a = node.if_array()) {
        for (auto& element : *a) visit(element);
      }
    };
    visit(plan);
    EXPECT_GT(runs, 1000u);
  }
}

// --- Import robustness ----------------------------------------------------------------

void expect_sane(const plugin::import_result& result) {
  // Content must survive a round trip as JSON text (valid UTF-8 included).
  boost::system::error_code ec;
  auto parsed = json::parse(json::serialize(result.content), ec);
  EXPECT_FALSE(ec) << ec.message();
  for (const auto& f : result.findings) {
    EXPECT_TRUE(f.severity == "error" || f.severity == "warning");
    EXPECT_FALSE(f.code.empty());
  }
}

TEST(import, odd_inputs) {
  const std::vector<std::string> inputs{
      "",
      "\n\n\n",
      "\t\t\t\t",
      std::string(100000, '\t'),
      "\xff\xfe\xe0\xb9",
      "ยุทธศาสตร์ที่ ๙๙๙๙๙๙๙๙๙๙๙ ก\nเป้าหมาย\tตัวชี้วัด\tค่าเป้าหมาย\n\t\t\t",
      "เป้าหมาย\tตัวชี้วัด\tกลยุทธ์\tค่าเป้าหมาย\n๑. ก\t๑. ข\t๑. ค\t๕\t๕\n\t\t\t" + std::string(5000, '\t') + "๕",
      "แผน (พ.ศ. ๒๕๖๖ - ๒๕๗๕)\nยุทธศาสตร์ที่ ๒\nเป้าหมาย\tตัวชี้วัด\tค่าเป้าหมาย\n\t\t๒๕๖๖\t๒๕๖๗\n๑.\t๑.\t" +
          std::string(3000, '\t'),
  };
  for (const auto& input : inputs) {
    plugin::import_result result;
    EXPECT_NO_THROW(result = plan_type().import_document(input, context()));
    expect_sane(result);
  }
}

TEST(import, mangled_seed_never_throws) {
  const std::string document = seed("002_11b89dd9d74e0ac8.txt");
  std::mt19937 random(20250101);  // fixed: a failure must reproduce
  for (int round = 0; round < 150; ++round) {
    std::string text = document;
    std::uniform_int_distribution<std::size_t> position(0, text.size() - 1);
    const int edits = 1 + round % 40;
    for (int e = 0; e < edits && !text.empty(); ++e) {
      std::size_t p = position(random) % text.size();
      switch (random() % 5) {
        case 0:
          text[p] = '\t';
          break;
        case 1:
          text[p] = '\n';
          break;
        case 2:
          text.erase(p, std::min<std::size_t>(text.size() - p, random() % 200));
          break;
        case 3:
          text.insert(p, std::string(random() % 8, '\t'));
          break;
        default:
          text[p] = static_cast<char>(random() % 256);
          break;
      }
    }
    plugin::import_result result;
    EXPECT_NO_THROW(result = plan_type().import_document(text, context("TH-96", 2569))) << round;
    expect_sane(result);
  }
}

// --- Pieces -----------------------------------------------------------------------------

TEST(import, budgets_with_amounts_and_sources) {
  const std::string header =
      "ยุทธศาสตร์ที่ ๑ การสร้างมาตรฐานทางจริยธรรมภายในหน่วยงานของรัฐ\n"
      "เป้าหมาย\tตัวชี้วัด\tกลยุทธ์\tแผนการดำเนินงาน\tหน่วยงานรับผิดชอบ\t\tงบประมาณ/แหล่งงบประมาณ\tหน่วยนับ\tค่าเป้าหมาย\n"
      "\t\t\t\tหลัก\tสนับสนุน\t\t\t๒๕๖๖\t๒๕๖๗\n";
  const std::string text =
      "แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดยะลา (พ.ศ. ๒๕๖๖ - ๒๕๖๗)\nประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n" + header +
      "๑. ก\t๑. ข\t๑. ค\t๑. ง\t<p>สำนักงานจังหวัดยะลา</p><p>อำเภอเมือง</p>\t-\t๕๐,๐๐๐ บาท (งบพัฒนาจังหวัด)\tคน\t๑๐\t๒๐\n"
      "\t\t\t๒. จ\tสำนักงานจังหวัดยะลา\t\t๑๒,๕๐๐.๕๐\tคน\t๓\t๔\n";
  auto result = plan_type().import_document(text, context());
  json::value content = result.content;
  EXPECT_EQ(content.at_pointer("/province/code"), "TH-95");
  EXPECT_EQ(result.fiscal_year, 2567);
  const auto& p1 = content.at_pointer("/strategies/0/goals/0/indicators/0/strategies/0/projects/0").as_object();
  EXPECT_EQ(p1.at("budget"), (json::object{{"kind", "amount"}, {"baht", 50000}, {"text", "๕๐,๐๐๐ บาท (งบพัฒนาจังหวัด)"}}));
  EXPECT_EQ(p1.at("budget_source"), "งบพัฒนาจังหวัด");
  EXPECT_EQ(p1.at("main_agencies"), json::parse(R"([{"name": "สำนักงานจังหวัดยะลา"}, {"name": "อำเภอเมือง"}])"));
  EXPECT_TRUE(p1.at("supporting_agencies").as_array().empty());
  const auto totals = plan_type().compute_totals(content).json;
  EXPECT_EQ(totals.at("overall").at("budget_baht"), 62500.5);
  EXPECT_EQ(totals.at("overall").at("budgeted_projects"), 2);
  // the second project's own targets, read for the span 2566–2567
  EXPECT_EQ(content.at_pointer("/strategies/0/goals/0/indicators/0/strategies/0/projects/1/targets/2567/value"), 4);
  EXPECT_TRUE(errors(result.findings).empty()) << dump(result.findings);
}

// Narathiwat's directory, as the host gives it (a few of its agencies).
plugin::plan_context narathiwat_with_directory(int fiscal_year = 2569) {
  auto ctx = context("TH-96", fiscal_year);
  ctx.agencies = std::vector<text::directory_agency>{
      {1, "สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส"}, {9, "สำนักงานสาธารณสุขจังหวัดนราธิวาส"}, {10, "สำนักงานจังหวัดนราธิวาส"}};
  return ctx;
}

// The seed is Narathiwat's plan, but most rows name Nakhon Ratchasima's or
// Chanthaburi's provincial office (copied from their plans): only the one
// Narathiwat agency it names links; the rest are for the officer to fix,
// with the directory's nearest name offered.
TEST(seed_agencies, link_to_the_provinces_directory_only_where_they_name_its_agency) {
  const auto result = plan_type().import_document(seed("002_11b89dd9d74e0ac8.txt"), narathiwat_with_directory());
  const json::value content = result.content;
  std::map<std::string, std::int64_t> linked;
  std::set<std::string> collective;
  for_each_project(content, [&](const project_view& v) {
    for (auto key : {"main_agencies", "supporting_agencies"}) {
      for (const auto& ref : plugin::read_agency_refs(v.project->if_contains(key))) {
        if (ref.collective) {
          collective.insert(ref.name);
        } else {
          linked.emplace(ref.name, ref.agency_id.value_or(0));
        }
      }
    }
  });
  EXPECT_EQ(linked,
            (std::map<std::string, std::int64_t>{{"กลุ่มงานบริหารทรัพยากรบุคคล", 0},  // line 173: a division, no agency
                                                 {"สำนักงาน จังหวัด นครราชสีมา", 0},
                                                 {"สำนักงานจังหวัด นครราชสีมา", 0},
                                                 {"สำนักงาน ราชการ", 0},          // lines 186, 187: garbled
                                                 {"สำนักงาน จังหวัด นราธิวาส", 10},  // line 187
                                                 {"สำนักงานจังหวัดจันทบุรี", 0}}));
  EXPECT_EQ(collective, std::set<std::string>{"ทุกส่วนราชการ"});
  // Each unlinked name is a warning on its reference; Nakhon Ratchasima's
  // office is offered Narathiwat's.
  int not_linked = 0;
  for (const auto& f : result.findings) {
    if (f.code != "agency_not_linked") continue;
    ++not_linked;
    const auto name = std::string(content.at_pointer(f.path).at("name").as_string());
    EXPECT_NE(linked.at(name), 10) << name;
    if (name.find("นครราชสีมา") != std::string::npos) {
      EXPECT_NE(f.message_en.find("\"สำนักงานจังหวัดนราธิวาส\""), std::string::npos) << f.message_en;
    }
  }
  EXPECT_GT(not_linked, 0);
  // The report items: line 187's project reports as Narathiwat's provincial office.
  auto items = plan_type().progress_items(content);
  int to_office = 0;
  for (const auto& item : items) {
    if (!item.agency_ids.empty()) {
      EXPECT_EQ(item.agency_ids, std::vector<std::int64_t>{10}) << item.id;
      ++to_office;
    }
  }
  EXPECT_EQ(to_office, 1);
}

// Agencies stored as name strings, before references: upgraded to unlinked
// references, split where a string names several; nothing else changes.
TEST(upgrade_content, turns_agency_names_into_references) {
  auto stored = valid_plan();
  stored.at_pointer(ptr(k_project, "/main_agencies")) =
      json::parse(R"json(["สำนักงานจังหวัดนราธิวาส (กลุ่มงานบริหารทรัพยากรบุคคล)"])json");
  stored.at_pointer(ptr(k_project, "/supporting_agencies")) = json::parse(R"(["ทุกส่วนราชการ", 7])");
  stored.at_pointer(ptr(k_project2, "/main_agencies")) =
      json::parse(R"(["สำนักงานจังหวัดนราธิวาส หน่วยงานภาครัฐในจังหวัดนราธิวาส"])");
  const auto upgraded = plan_type().upgrade_content(stored);
  EXPECT_EQ(upgraded.at_pointer(ptr(k_project, "/main_agencies")),
            valid_plan().at_pointer(ptr(k_project, "/main_agencies")));
  EXPECT_EQ(upgraded.at_pointer(ptr(k_project, "/supporting_agencies")),
            json::parse(R"([{"name": "ทุกส่วนราชการ", "collective": true}, 7])"));  // a stray value kept for validation
  EXPECT_EQ(
      upgraded.at_pointer(ptr(k_project2, "/main_agencies")),
      json::parse(R"([{"name": "สำนักงานจังหวัดนราธิวาส"}, {"name": "หน่วยงานภาครัฐในจังหวัดนราธิวาส", "collective": true}])"));
  EXPECT_EQ(plan_type().upgrade_content(valid_plan()), valid_plan());
  for (const char* odd : {"null", "[]", R"({"strategies":7})", R"({"strategies":[{"goals":[{"indicators":3}]}]})"}) {
    EXPECT_EQ(plan_type().upgrade_content(json::parse(odd)), json::parse(odd)) << odd;
  }
}

TEST(validate, holds_agencies_to_the_provinces_directory) {
  auto plan = valid_plan();
  plan.at_pointer(ptr(k_project, "/main_agencies/0")).as_object()["agency_id"] = 10;
  plan.at_pointer(ptr(k_project2, "/main_agencies/0")).as_object()["agency_id"] = 10;
  EXPECT_TRUE(check(plan, narathiwat_with_directory()).empty()) << dump(check(plan, narathiwat_with_directory()));
  plan.at_pointer(ptr(k_project2, "/main_agencies/0/agency_id")) = 77;
  EXPECT_EQ(errors(check(plan, narathiwat_with_directory())),
            sorted({{"unknown_agency", ptr(k_project2, "/main_agencies/0/agency_id")}}));
  plan.at_pointer(ptr(k_project2, "/main_agencies/0")).as_object().erase("agency_id");
  EXPECT_TRUE(has(check(plan, narathiwat_with_directory()), "warning", "agency_not_linked",
                  ptr(k_project2, "/main_agencies/0")));
}

TEST(progress_items, own_targets_first_then_the_indicators_and_budget_on_the_first_item) {
  auto items = plan_type().progress_items(valid_plan());
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].id, "s1.g1.i1.t1.p1.a1");
  EXPECT_EQ(items[0].budget_satang, 150050);
  EXPECT_EQ(items[0].target_value, 97.0);
  EXPECT_EQ(items[0].unit, "ร้อยละ");
  EXPECT_EQ(items[1].id, "s1.g1.i1.t1.p1.a2");
  EXPECT_FALSE(items[1].budget_satang.has_value());  // counted once, on the first activity
  EXPECT_EQ(items[2].id, "s1.g1.i1.t1.p2");
  EXPECT_EQ(items[2].path, std::string(k_project2));
  EXPECT_EQ(items[2].target_value, 130.0);
  EXPECT_EQ(items[2].unit, "คน");
  EXPECT_TRUE(items[2].measurable);
  EXPECT_EQ(items[2].agencies, std::vector<std::string>{"สำนักงานจังหวัดนราธิวาส"});
  EXPECT_EQ(items[2].indicator, "ร้อยละของเจ้าหน้าที่ที่เข้าใจมาตรฐานทางจริยธรรม");
}

TEST(progress_items, follow_the_comparator_of_the_years_target) {
  auto plan = valid_plan();
  EXPECT_EQ(plan_type().progress_items(plan)[2].comparator, "at_least");  // none stated: what a bare number means
  plan.at_pointer(ptr(k_project2, "/targets/2569")).as_object()["comparator"] = "at_most";
  EXPECT_EQ(plan_type().progress_items(plan)[2].comparator, "at_most");
  EXPECT_EQ(plan_type().progress_items(plan)[0].comparator, "at_least");  // the indicator's own year
  auto checked = plan_type().validate(plan, context("TH-96", 2569));
  EXPECT_TRUE(errors(checked).empty()) << dump(checked);
  plan.at_pointer(ptr(k_project2, "/targets/2570")).as_object()["comparator"] = "about";
  checked = plan_type().validate(plan, context("TH-96", 2569));
  EXPECT_TRUE(has(checked, "error", "invalid_value", ptr(k_project2, "/targets/2570/comparator"))) << dump(checked);
}

TEST(targets, a_ceiling_is_read_from_the_cell) {
  EXPECT_EQ(comparator_in("ไม่เกิน ๕ เรื่อง"), "at_most");
  EXPECT_EQ(comparator_in("ไม่ มากกว่า ร้อยละ ๕"), "at_most");
  EXPECT_EQ(comparator_in("ไม่น้อยกว่า ๕ เรื่อง"), "at_least");
  EXPECT_EQ(comparator_in("๘๘"), "at_least");
}

TEST(upgrade_content, marks_stored_ceilings_and_leaves_other_targets_as_they_read) {
  auto stored = valid_plan();
  stored.at_pointer(ptr(k_project2, "/targets/2566")) = json::parse(R"({"value": 5, "text": "ไม่เกิน ๕"})");
  const auto upgraded = plan_type().upgrade_content(stored);
  EXPECT_EQ(upgraded.at_pointer(ptr(k_project2, "/targets/2566/comparator")), "at_most");
  EXPECT_FALSE(upgraded.at_pointer(ptr(k_project2, "/targets/2567")).as_object().contains("comparator"));
  EXPECT_FALSE(upgraded.at_pointer(ptr(k_indicator, "/targets/2566")).as_object().contains("comparator"));
  // A comparator already chosen is kept.
  stored.at_pointer(ptr(k_project2, "/targets/2566")).as_object()["comparator"] = "exactly";
  EXPECT_EQ(plan_type().upgrade_content(stored).at_pointer(ptr(k_project2, "/targets/2566/comparator")), "exactly");
}

TEST(years, the_plan_spans_its_five_years_and_sets_each_indicator_a_target_a_year) {
  auto span = plan_type().span_of(valid_plan());
  ASSERT_TRUE(span);
  EXPECT_EQ(span->title, "แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม จังหวัดนราธิวาส");
  EXPECT_EQ(span->first_year, 2566);
  EXPECT_EQ(span->last_year, 2570);
  const auto targets = plan_type().indicator_targets(valid_plan(), 2567);
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0].key, "s1.g1.i1");
  EXPECT_EQ(targets[0].value, 91.0);
  EXPECT_EQ(targets[0].unit, "ร้อยละ");
  EXPECT_EQ(targets[0].label, plan_type().progress_items(valid_plan())[0].indicator);
  EXPECT_TRUE(plan_type().indicator_targets(valid_plan(), 2571).empty());  // outside the span
  for (const char* odd : {"null", "[]", R"({"span": {"first_year": 2570, "last_year": 2566}})", R"({"span": 5})"}) {
    EXPECT_FALSE(plan_type().span_of(json::parse(odd))) << odd;
    EXPECT_TRUE(plan_type().indicator_targets(json::parse(odd), 2567).empty()) << odd;
  }
}

TEST(compute_totals, sums_satang_exactly) {
  const auto totals = plan_type().compute_totals(valid_plan()).json;
  EXPECT_EQ(totals.at("overall").at("budget_baht"), 1500.5);
  EXPECT_EQ(totals.at("overall").at("projects"), 2);
  EXPECT_EQ(totals.at("overall").at("activities"), 3);
  EXPECT_EQ(totals.at("strategies").at(0).at("budget_baht"), 1500.5);
}

TEST(plan_type, empty_content_and_schema_and_sections) {
  auto content = plan_type().empty_content(context("TH-96", 2569));
  EXPECT_EQ(content.at("span"), (json::object{{"first_year", 2566}, {"last_year", 2570}}));
  EXPECT_EQ(content.at("province").at("name_th"), "นราธิวาส");
  auto findings = check(content, context("TH-96", 2569));
  EXPECT_TRUE(errors(findings).empty()) << dump(findings);
  EXPECT_EQ(warnings(findings).size(), 5u);  // five strategies with nothing yet
  auto later = plan_type().empty_content(context("TH-96", 2572));
  EXPECT_EQ(later.at("span"), (json::object{{"first_year", 2572}, {"last_year", 2576}}));

  auto schema = plan_type().content_schema();
  EXPECT_TRUE(schema.contains("$defs"));
  EXPECT_EQ(schema.at("required").as_array().size(), 5u);

  auto sections = plan_type().report_sections();
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[0].id, "strategies");
  EXPECT_EQ(sections[1].id, "indicators");
  EXPECT_EQ(sections[2].id, "projects");
}

TEST(plan_type, exported_entry_points) {
  EXPECT_EQ(planflow_plugin_abi_version(), plugin::k_abi_version);
  std::unique_ptr<plugin::plan_type> created(planflow_plugin_create());
  EXPECT_EQ(created->id(), "ethics_promotion_plan");
  EXPECT_EQ(created->default_workflow(), "provincial_plan");
}

TEST(text, numbered_items_headings_and_ranges) {
  EXPECT_EQ(split_numbered_items("๑. การออกข้อกำหนดจริยธรรม ๒. การจัดทำคู่มือ"),
            (std::vector<std::string>{"การออกข้อกำหนดจริยธรรม", "การจัดทำคู่มือ"}));
  EXPECT_EQ(split_numbered_items("๒. การให้บริการ"), std::vector<std::string>{"การให้บริการ"});
  EXPECT_EQ(split_numbered_items("ประเมินแบบ ๓๖๐ องศา พ.ศ. ๒๕๖๒"),
            std::vector<std::string>{"ประเมินแบบ ๓๖๐ องศา พ.ศ. ๒๕๖๒"});
  EXPECT_EQ(strip_item_number("๑.ส่งเสริมบทบาท"), "ส่งเสริมบทบาท");

  auto heading = parse_strategy_heading("๓.๒ ยุทธศาสตร์ที่ ๒ การพัฒนา (ต่อ)");
  ASSERT_TRUE(heading);
  EXPECT_EQ(heading->number, 2);
  EXPECT_EQ(heading->title, "การพัฒนา");
  EXPECT_FALSE(parse_strategy_heading("ประเด็นยุทธศาสตร์ ๕ ยุทธศาสตร์ครอบคลุม"));

  auto range = find_year_range("(พ.ศ.๒๕๖๕- พ.ศ.๒๕๗๐)");
  ASSERT_TRUE(range);
  EXPECT_EQ(range->first, 2565);
  EXPECT_EQ(range->last, 2570);
  EXPECT_FALSE(find_year_range("ยุทธศาสตร์ชาติ ๒๐ ปี (พ.ศ. ๒๕๖๑ - ๒๕๘๐)"));  // twenty years: not a plan span
  EXPECT_EQ(find_fiscal_year("ประจำปีงบประมาณ พ.ศ. ๒๕๖๙"), 2569);
  EXPECT_EQ(valid_utf8("a\xff"), "a\xEF\xBF\xBD");
}

TEST(readme, documents_every_finding_code) {
  const std::string readme = read_file(std::string(PLANFLOW_PLUGIN_SOURCE_DIR) + "/README.md");
  ASSERT_FALSE(readme.empty());
  for (auto code : codes::all) EXPECT_NE(readme.find("`" + std::string(code) + "`"), std::string::npos) << code;
}

}  // namespace
}  // namespace planflow::plugins::ethics
