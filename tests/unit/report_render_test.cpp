#include "../support/files.hpp"

#include <planflow/auth/crypto.hpp>
#include <planflow/reports/render.hpp>
#include <planflow/util/json_text.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::reports {
namespace {

namespace json = boost::json;
using planflow::test::run_command;

// --- A report built by hand -------------------------------------------------

// The title a CSV must quote: a comma and double quotes.
constexpr std::string_view k_quoted_title = "อบรม \"โปร่งใส\", รุ่นที่ 1";
constexpr std::string_view k_script_title = "<script>alert('x')</script> แผนส่งเสริมคุณธรรม";

activity_row activity(std::string id, std::string_view title, std::string agency, std::optional<std::int64_t> planned,
                      std::int64_t disbursed, std::string status) {
  activity_row a;
  a.item_id = std::move(id);
  a.title = std::string(title);
  a.agency = std::move(agency);
  a.planned_satang = planned;
  a.disbursed_satang = disbursed;
  a.status = std::move(status);
  return a;
}

void add(totals& t, const activity_row& a) {
  ++t.activities;
  if (a.status == "not_started") ++t.not_started;
  if (a.status == "in_progress") ++t.in_progress;
  if (a.status == "done") ++t.done;
  if (a.status == "cancelled") ++t.cancelled;
  if (a.status == "missing") ++t.missing;
  t.planned_satang += a.planned_satang.value_or(0);
  t.disbursed_satang += a.disbursed_satang;
}

// Fills every totals from the activities, as the report query does.
void compute_totals(report& r) {
  r.totals = {};
  for (auto& plan : r.plans) {
    plan.totals = {};
    for (auto& goal : plan.goals) {
      goal.totals = {};
      for (auto& indicator : goal.indicators) {
        indicator.totals = {};
        for (const auto& a : indicator.activities) {
          add(indicator.totals, a);
          add(goal.totals, a);
          add(plan.totals, a);
          add(r.totals, a);
        }
      }
    }
  }
}

// Chiang Mai, Q2 of 2567: two plans, five activities, one without budget,
// one with a budget of nothing, one late.
report provincial_report() {
  report r;
  r.province_code = "TH-50";
  r.province_name_th = "เชียงใหม่";
  r.plan_type = "anti_corruption_action_plan";
  r.fiscal_year = 2567;
  r.quarter = 2;
  // 20:30 UTC is already the 16th in Thailand.
  r.generated_at = "2024-01-15T20:30:00.000Z";

  plan_report p1;
  p1.plan_id = 1;
  p1.title = "แผนปฏิบัติการด้านการป้องกันและปราบปรามการทุจริต";
  p1.province_code = r.province_code;
  p1.province_name_th = r.province_name_th;
  p1.plan_type = r.plan_type;
  p1.agency = "สำนักงาน ป.ป.ช. ประจำจังหวัดเชียงใหม่";
  p1.report_stage = "collecting";
  p1.due_on = "2024-04-15";
  auto a1 = activity("1.1.1", k_quoted_title, "สำนักงาน ป.ป.ช. ประจำจังหวัด", 11300000, 5650050, "in_progress");
  a1.target_value = 85;
  a1.result_value = 82.5;
  a1.target_met = target_met(a1.target_value, a1.result_value, a1.comparator);  // 82.5 < 85
  a1.unit = "ร้อยละ";
  a1.percent_complete = 50;
  auto a2 = activity("1.1.2", "ประชาสัมพันธ์", "สำนักงานประชาสัมพันธ์จังหวัด", std::nullopt, 0, "done");
  a2.percent_complete = 100;
  auto a3 = activity("1.2.1", "ตรวจติดตาม", "-สำนักงานศึกษาธิการจังหวัด", 2500000, 0, "missing");
  a3.late = true;
  p1.goals.push_back({"ลดการทุจริต", {}, {{"ร้อยละของหน่วยงานที่ผ่านการประเมิน ITA", {}, {a1, a2}}}});
  p1.goals.push_back({"ติดตามผล", {}, {{"จำนวนครั้งที่ติดตาม", {}, {a3}}}});
  p1.late_agencies = {"สำนักงานศึกษาธิการจังหวัด"};

  plan_report p2;
  p2.plan_id = 2;
  p2.title = std::string(k_script_title);
  p2.province_code = r.province_code;
  p2.province_name_th = r.province_name_th;
  p2.plan_type = r.plan_type;
  p2.agency = "สำนักงานวัฒนธรรมจังหวัด";
  p2.report_stage = "compiled";
  auto a4 = activity("2.1.1", "ค่ายคุณธรรม", "สำนักงานวัฒนธรรมจังหวัด", 123456789, 10000000, "not_started");
  auto a5 = activity("2.1.2", "เสวนา", "สำนักงานวัฒนธรรมจังหวัด", 0, 0, "cancelled");
  p2.goals.push_back({"สังคมคุณธรรม", {}, {{"จำนวนผู้เข้าร่วม", {}, {a4, a5}}}});

  r.plans = {p1, p2};
  compute_totals(r);
  return r;
}

constexpr std::int64_t k_planned_sum = 11300000 + 2500000 + 123456789;  // 1,372,567.89 baht
constexpr std::int64_t k_disbursed_sum = 5650050 + 10000000;            // 156,500.50 baht

report national_report() {
  report r;
  r.fiscal_year = 2567;
  r.quarter = 0;
  r.generated_at = "2024-03-01T03:00:00.000Z";
  province_row chiang_mai{"TH-50", "เชียงใหม่", 2, {}, 1};
  chiang_mai.totals = {5, 1, 1, 1, 1, 1, k_planned_sum, k_disbursed_sum};
  province_row bangkok{"TH-10", "กรุงเทพมหานคร", 1, {}, 2};
  bangkok.totals = {3, 3, 0, 0, 0, 0, 0, 0};
  r.provinces = {chiang_mai, bangkok};
  r.totals = {8, 4, 1, 1, 1, 1, k_planned_sum, k_disbursed_sum};
  return r;
}

// --- Helpers ------------------------------------------------------------------

// RFC 4180 records; each field unquoted.
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      ++i;
    } else {
      field += c;
    }
  }
  return rows;
}

std::size_t column_of(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  ADD_FAILURE() << "no column " << name;
  return 0;
}

// Satang from a plain decimal such as "1372567.89", exactly.
std::int64_t satang_of(const std::string& baht) {
  auto point = baht.find('.');
  EXPECT_NE(point, std::string::npos) << baht;
  EXPECT_EQ(baht.size() - point, 3u) << baht;
  return std::stoll(baht.substr(0, point)) * 100 + std::stoll(baht.substr(point + 1));
}

double number_of(const json::value& v) {
  if (v.is_double()) return v.get_double();
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  ADD_FAILURE() << "not a number: " << v;
  return 0;
}

class scratch_file {
 public:
  explicit scratch_file(std::string_view suffix) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() / ("planflow_report_test_" + std::to_string(::getpid()) + "_" +
                                                      std::to_string(counter++) + std::string(suffix));
  }
  ~scratch_file() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The first Python with openpyxl: PLANFLOW_TEST_PYTHON, the one on PATH
// (often a pyenv or venv without it), then Debian's, where python3-openpyxl
// installs it. "" when there is none.
const std::string& python() {
  static const std::string found = [] {
    std::vector<std::string> candidates;
    if (const char* configured = std::getenv("PLANFLOW_TEST_PYTHON")) candidates.emplace_back(configured);
    candidates.insert(candidates.end(), {"python3", "/usr/bin/python3"});
    for (const auto& candidate : candidates) {
      if (run_command(candidate + " -c 'import openpyxl' 2>/dev/null")) return candidate;
    }
    return std::string();
  }();
  return found;
}

// openpyxl reads the workbook as Excel would store it: the cached values
// (data_only=True) and, separately, the formulas; plus a few properties of
// the report sheet. No single quote inside: the script is passed in '…'.
constexpr std::string_view k_dump_script = R"py(
import json, sys, openpyxl
path = sys.argv[1]
values = openpyxl.load_workbook(path, data_only=True)
formulas = openpyxl.load_workbook(path)
def cells(sheet):
    return [[c.value for c in row] for row in sheet.iter_rows()]
report = values.worksheets[0]
print(json.dumps({
    "sheets": values.sheetnames,
    "values": {ws.title: cells(ws) for ws in values.worksheets},
    "formulas": {ws.title: cells(ws) for ws in formulas.worksheets},
    "freeze": report.freeze_panes,
    "header_bold": bool(report.cell(1, 1).font.b),
    "formats": [[c.number_format for c in row] for row in report.iter_rows()],
}))
)py";

struct workbook_dump {
  json::object sheets;  // name → rows of cached values
  json::object formulas;
  json::object all;
};

std::optional<workbook_dump> read_with_openpyxl(const std::string& bytes) {
  scratch_file file(".xlsx");
  {
    std::ofstream out(file.path(), std::ios::binary);
    out << bytes;
  }
  auto output = run_command(python() + " -c '" + std::string(k_dump_script) + "' " + file.path().string());
  if (!output) return std::nullopt;
  auto parsed = json::parse(*output).as_object();
  return workbook_dump{parsed.at("values").as_object(), parsed.at("formulas").as_object(), parsed};
}

bool have_openpyxl() { return !python().empty(); }

// --- JSON ---------------------------------------------------------------------

TEST(report_json, money_in_satang_and_baht) {
  auto j = to_json(provincial_report());
  EXPECT_EQ(j.at("fiscal_year").as_int64(), 2567);
  EXPECT_EQ(j.at("quarter").as_int64(), 2);
  const auto& t = j.at("totals").as_object();
  EXPECT_EQ(t.at("activities").as_int64(), 5);
  EXPECT_EQ(t.at("planned_satang").as_int64(), k_planned_sum);
  EXPECT_DOUBLE_EQ(t.at("planned_baht").as_double(), 1372567.89);
  EXPECT_DOUBLE_EQ(t.at("disbursed_baht").as_double(), 156500.50);
  EXPECT_DOUBLE_EQ(t.at("disbursed_percent").as_double(), 11.40);  // 11.4020…, rounded to 2 decimals
  // Whole amounts are integers, not doubles a serializer may write as 1.13E5.
  EXPECT_EQ(j.at("plans").as_array()[0].at("totals").at("planned_baht"), json::value(138000));

  const auto& plans = j.at("plans").as_array();
  ASSERT_EQ(plans.size(), 2u);
  const auto& goals = plans[0].at("goals").as_array();
  ASSERT_EQ(goals.size(), 2u);
  const auto& activities = goals[0].at("indicators").as_array()[0].at("activities").as_array();
  ASSERT_EQ(activities.size(), 2u);
  const auto& a1 = activities[0].as_object();
  EXPECT_EQ(a1.at("title").as_string(), k_quoted_title);
  EXPECT_EQ(a1.at("planned_satang").as_int64(), 11300000);
  EXPECT_EQ(a1.at("planned_baht"), json::value(113000));
  EXPECT_EQ(a1.at("disbursed_satang").as_int64(), 5650050);
  EXPECT_DOUBLE_EQ(a1.at("disbursed_baht").as_double(), 56500.50);
  EXPECT_EQ(a1.at("disbursed_percent"), json::value(50));  // 50.0004…, rounded, and then whole
  EXPECT_DOUBLE_EQ(a1.at("result_value").as_double(), 82.5);
  EXPECT_EQ(a1.at("percent_complete"), json::value(50));  // whole, so an integer: 50, not 50.0
  EXPECT_EQ(a1.at("status").as_string(), "in_progress");
  EXPECT_FALSE(a1.at("late").as_bool());

  // No budget is null, not zero; so is the percentage of nothing.
  const auto& a2 = activities[1].as_object();
  EXPECT_TRUE(a2.at("planned_satang").is_null());
  EXPECT_TRUE(a2.at("planned_baht").is_null());
  EXPECT_TRUE(a2.at("disbursed_percent").is_null());
  EXPECT_TRUE(a2.at("target_value").is_null());

  EXPECT_EQ(goals[0].at("totals").at("planned_satang").as_int64(), 11300000);
  EXPECT_TRUE(goals[1].at("indicators").as_array()[0].at("activities").as_array()[0].at("late").as_bool());
  EXPECT_EQ(plans[0].at("late_agencies").as_array().size(), 1u);
  EXPECT_TRUE(plans[1].at("due_on").is_null());
  EXPECT_TRUE(j.at("provinces").as_array().empty());
}

// What a client reads: every amount and percentage as a plain decimal, the
// baht with at most two decimals, none in exponent form.
TEST(report_json, numbers_are_plain_decimals_in_the_text) {
  auto text = json_text(to_json(provincial_report()));
  for (
      std::string_view expected :
      {R"("planned_satang":137256789,"planned_baht":1372567.89,"disbursed_satang":15650050,"disbursed_baht":156500.5,"disbursed_percent":11.4,)",
       R"("planned_satang":11300000,"planned_baht":113000,"disbursed_satang":5650050,"disbursed_baht":56500.5,"disbursed_percent":50,)",
       R"("percent_complete":50,"target_value":85,"result_value":82.5,)", R"("percent_complete":100,)",
       R"("planned_satang":0,"planned_baht":0,"disbursed_satang":0,"disbursed_baht":0,"disbursed_percent":null,)"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\nin " << text;
  }
  EXPECT_FALSE(std::regex_search(text, std::regex(R"([0-9][eE][-+]?[0-9])"))) << text;
}

TEST(report_json, national_provinces) {
  auto j = to_json(national_report());
  const auto& provinces = j.at("provinces").as_array();
  ASSERT_EQ(provinces.size(), 2u);
  EXPECT_EQ(provinces[0].at("province_code").as_string(), "TH-50");
  EXPECT_EQ(provinces[0].at("plans").as_int64(), 2);
  EXPECT_EQ(provinces[0].at("late_agencies").as_int64(), 1);
  EXPECT_DOUBLE_EQ(provinces[0].at("totals").at("planned_baht").as_double(), 1372567.89);
  EXPECT_TRUE(provinces[1].at("totals").at("disbursed_percent").is_null());  // nothing planned
  EXPECT_EQ(j.at("quarter").as_int64(), 0);
  EXPECT_TRUE(j.at("plans").as_array().empty());
}

// --- CSV ----------------------------------------------------------------------

TEST(report_csv, bom_header_rows_and_crlf) {
  auto csv = to_csv(provincial_report());
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF"));
  auto rows = parse_csv(std::string_view(csv).substr(3));
  ASSERT_EQ(rows.size(), 1u + 5u + 1u);  // header, activities, totals
  const auto& header = rows[0];
  EXPECT_EQ(header[0], "แผน");
  for (auto name : {"เป้าหมาย", "ตัวชี้วัด", "โครงการ/กิจกรรม", "หน่วยงาน", "สถานะ", "งบประมาณที่ได้รับ (บาท)", "เบิกจ่าย (บาท)",
                    "ร้อยละการเบิกจ่าย", "ค่าเป้าหมาย", "ผลการดำเนินงาน", "หน่วยนับ", "ล่าช้า"}) {
    column_of(header, name);
  }
  for (const auto& row : rows) EXPECT_EQ(row.size(), header.size());

  // Every line ends in CRLF and there is no bare LF.
  std::size_t crlf = 0, lf = 0;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] != '\n') continue;
    ++lf;
    if (i > 0 && csv[i - 1] == '\r') ++crlf;
  }
  EXPECT_EQ(lf, rows.size());
  EXPECT_EQ(crlf, rows.size());
  EXPECT_TRUE(csv.ends_with("\r\n"));
}

TEST(report_csv, quotes_and_thai_values) {
  auto csv = to_csv(provincial_report());
  EXPECT_NE(csv.find(",\"อบรม \"\"โปร่งใส\"\", รุ่นที่ 1\","), std::string::npos);
  auto rows = parse_csv(std::string_view(csv).substr(3));
  const auto& header = rows[0];
  const auto& a1 = rows[1];
  EXPECT_EQ(a1[column_of(header, "โครงการ/กิจกรรม")], k_quoted_title);
  EXPECT_EQ(a1[column_of(header, "แผน")], "แผนปฏิบัติการด้านการป้องกันและปราบปรามการทุจริต");
  EXPECT_EQ(a1[column_of(header, "สถานะ")], "อยู่ระหว่างดำเนินการ");
  EXPECT_EQ(a1[column_of(header, "งบประมาณที่ได้รับ (บาท)")], "113000.00");
  EXPECT_EQ(a1[column_of(header, "เบิกจ่าย (บาท)")], "56500.50");
  EXPECT_EQ(a1[column_of(header, "ร้อยละการเบิกจ่าย")], "50.00");
  EXPECT_EQ(a1[column_of(header, "ค่าเป้าหมาย")], "85");
  EXPECT_EQ(a1[column_of(header, "ผลการดำเนินงาน")], "82.5");
  EXPECT_EQ(a1[column_of(header, "หน่วยนับ")], "ร้อยละ");
  EXPECT_EQ(a1[column_of(header, "ล่าช้า")], "");

  EXPECT_EQ(rows[2][column_of(header, "สถานะ")], "ดำเนินการแล้ว");
  EXPECT_EQ(rows[2][column_of(header, "งบประมาณที่ได้รับ (บาท)")], "");  // no budget
  EXPECT_EQ(rows[2][column_of(header, "ร้อยละการเบิกจ่าย")], "");
  EXPECT_EQ(rows[3][column_of(header, "สถานะ")], "ไม่ได้รายงาน");
  EXPECT_EQ(rows[3][column_of(header, "ล่าช้า")], "ใช่");
  // A cell Excel would run as a formula is defused.
  EXPECT_EQ(rows[3][column_of(header, "หน่วยงาน")], "'-สำนักงานศึกษาธิการจังหวัด");
  EXPECT_EQ(rows[4][column_of(header, "สถานะ")], "ยังไม่ดำเนินการ");
  EXPECT_EQ(rows[4][column_of(header, "งบประมาณที่ได้รับ (บาท)")], "1234567.89");
  EXPECT_EQ(rows[5][column_of(header, "สถานะ")], "ยกเลิก");
  EXPECT_EQ(rows[5][column_of(header, "งบประมาณที่ได้รับ (บาท)")], "0.00");
}

// Issue 14: a result is judged against its target as the plan states it
// ("ไม่น้อยกว่า", "ไม่เกิน", exactly), and the reports say whether it was met.
TEST(report_targets, a_result_is_held_against_its_target_as_its_comparator_says) {
  EXPECT_EQ(target_met(80, 85, "at_least"), true);
  EXPECT_EQ(target_met(80, 80, "at_least"), true);
  EXPECT_EQ(target_met(80, 79.99, "at_least"), false);
  EXPECT_EQ(target_met(5, 3, "at_most"), true);  // e.g. complaints: ไม่เกิน ๕ เรื่อง
  EXPECT_EQ(target_met(5, 6, "at_most"), false);
  EXPECT_EQ(target_met(12, 12.0000001, "exactly"), true);
  EXPECT_EQ(target_met(12, 11, "exactly"), false);
  EXPECT_EQ(target_met(80, 85, "no such comparator"), true);  // read as "at least"
  EXPECT_EQ(target_met(std::nullopt, 85, "at_least"), std::nullopt);
  EXPECT_EQ(target_met(80, std::nullopt, "at_least"), std::nullopt);
  EXPECT_EQ(target_met(80, std::numeric_limits<double>::infinity(), "at_least"), std::nullopt);
}

TEST(report_targets, every_format_says_whether_the_target_was_met) {
  auto csv = to_csv(provincial_report());
  auto rows = parse_csv(std::string_view(csv).substr(3));
  const auto met = column_of(rows[0], "บรรลุค่าเป้าหมาย");
  EXPECT_EQ(rows[1][met], "ไม่ใช่");   // 82.5 against at least 85
  EXPECT_EQ(rows[2][met], "");       // no target
  EXPECT_EQ(rows.back()[met], "0");  // none met
  auto json = json::value(to_json(provincial_report()));
  const auto& a1 = json.at("plans")
                       .as_array()[0]
                       .at("goals")
                       .as_array()[0]
                       .at("indicators")
                       .as_array()[0]
                       .at("activities")
                       .as_array()[0];
  EXPECT_EQ(a1.at("comparator"), "at_least");
  EXPECT_EQ(a1.at("target_met"), false);
  const auto html = to_html(provincial_report(), {});
  EXPECT_NE(html.find("บรรลุค่าเป้าหมาย"), std::string::npos);
  EXPECT_NE(html.find("<td>ไม่ใช่</td>"), std::string::npos);
}

TEST(report_csv, totals_row_is_the_sum_of_the_rows) {
  auto csv = to_csv(provincial_report());
  auto rows = parse_csv(std::string_view(csv).substr(3));
  const auto& header = rows[0];
  auto planned = column_of(header, "งบประมาณที่ได้รับ (บาท)");
  auto disbursed = column_of(header, "เบิกจ่าย (บาท)");
  std::int64_t planned_sum = 0, disbursed_sum = 0;
  for (std::size_t i = 1; i + 1 < rows.size(); ++i) {
    if (!rows[i][planned].empty()) planned_sum += satang_of(rows[i][planned]);
    disbursed_sum += satang_of(rows[i][disbursed]);
  }
  const auto& total = rows.back();
  EXPECT_EQ(total[0], "รวม");
  EXPECT_EQ(satang_of(total[planned]), planned_sum);
  EXPECT_EQ(satang_of(total[disbursed]), disbursed_sum);
  EXPECT_EQ(planned_sum, k_planned_sum);
  EXPECT_EQ(total[planned], "1372567.89");
  EXPECT_EQ(total[disbursed], "156500.50");
  EXPECT_EQ(total[column_of(header, "ร้อยละการเบิกจ่าย")], "11.40");
  EXPECT_EQ(total[column_of(header, "โครงการ/กิจกรรม")], "5");
  EXPECT_EQ(total[column_of(header, "ล่าช้า")], "1");
}

TEST(report_csv, national_rows_per_province) {
  auto csv = to_csv(national_report());
  auto rows = parse_csv(std::string_view(csv).substr(3));
  ASSERT_EQ(rows.size(), 1u + 2u + 1u);
  const auto& header = rows[0];
  EXPECT_EQ(rows[1][column_of(header, "จังหวัด")], "เชียงใหม่");
  EXPECT_EQ(rows[2][column_of(header, "รหัสจังหวัด")], "TH-10");
  EXPECT_EQ(rows[2][column_of(header, "ร้อยละการเบิกจ่าย")], "");
  const auto& total = rows.back();
  EXPECT_EQ(total[0], "รวม");
  EXPECT_EQ(total[column_of(header, "จำนวนแผน")], "3");
  EXPECT_EQ(total[column_of(header, "ยังไม่ดำเนินการ")], "4");
  EXPECT_EQ(total[column_of(header, "งบประมาณที่ได้รับ (บาท)")], "1372567.89");
  EXPECT_EQ(total[column_of(header, "หน่วยงานที่ล่าช้า")], "3");
}

// --- XLSX ---------------------------------------------------------------------

TEST(report_xlsx, is_a_zip) {
  auto bytes = to_xlsx(provincial_report());
  ASSERT_GT(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  auto national = to_xlsx(national_report());
  EXPECT_EQ(national.substr(0, 4), std::string("PK\x03\x04", 4));
}

TEST(report_xlsx, openpyxl_reads_numbers_and_totals) {
  // scripts/setup.sh --test installs python3-openpyxl: without it this test fails, never skips.
  ASSERT_TRUE(have_openpyxl()) << "python3 with openpyxl is not installed";
  auto dump = read_with_openpyxl(to_xlsx(provincial_report()));
  ASSERT_TRUE(dump);
  const auto& names = dump->all.at("sheets").as_array();
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0].as_string(), "รายงาน");
  EXPECT_EQ(names[1].as_string(), "สรุป");
  EXPECT_EQ(dump->all.at("freeze").as_string(), "A2");
  EXPECT_TRUE(dump->all.at("header_bold").as_bool());

  const auto& rows = dump->sheets.at("รายงาน").as_array();
  ASSERT_EQ(rows.size(), 1u + 5u + 1u);
  auto header = rows[0].as_array();
  auto col = [&](std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i].is_string() && header[i].as_string() == name) return i;
    }
    ADD_FAILURE() << "no column " << name;
    return std::size_t{0};
  };
  auto planned = col("งบประมาณที่ได้รับ (บาท)");
  auto disbursed = col("เบิกจ่าย (บาท)");
  auto percent = col("ร้อยละการเบิกจ่าย");
  auto count = col("โครงการ/กิจกรรม");

  const auto& a1 = rows[1].as_array();
  EXPECT_EQ(a1[count].as_string(), k_quoted_title);
  ASSERT_TRUE(a1[planned].is_number());
  EXPECT_DOUBLE_EQ(number_of(a1[planned]), 113000.0);
  EXPECT_DOUBLE_EQ(number_of(a1[disbursed]), 56500.5);
  EXPECT_DOUBLE_EQ(number_of(a1[percent]), 100.0 * 5650050 / 11300000);  // unrounded; the format shows 50.00
  EXPECT_DOUBLE_EQ(number_of(a1[col("ผลการดำเนินงาน")]), 82.5);
  EXPECT_TRUE(rows[2].as_array()[planned].is_null());  // no budget
  EXPECT_DOUBLE_EQ(number_of(rows[4].as_array()[planned]), 1234567.89);

  const auto& formats = dump->all.at("formats").as_array();
  EXPECT_EQ(formats[1].as_array()[planned].as_string(), "#,##0.00");
  EXPECT_EQ(formats[1].as_array()[percent].as_string(), "0.00");

  // The totals: cached values are the real sums, behind real formulas.
  const auto& total = rows.back().as_array();
  EXPECT_EQ(total[0].as_string(), "รวม");
  EXPECT_DOUBLE_EQ(number_of(total[planned]), 1372567.89);
  EXPECT_DOUBLE_EQ(number_of(total[disbursed]), 156500.50);
  EXPECT_DOUBLE_EQ(number_of(total[count]), 5);
  EXPECT_NEAR(number_of(total[percent]), 100.0 * k_disbursed_sum / k_planned_sum, 1e-9);
  const auto& total_formulas = dump->formulas.at("รายงาน").as_array().back().as_array();
  EXPECT_EQ(total_formulas[planned].as_string(), "=SUM(G2:G6)");
  EXPECT_EQ(total_formulas[disbursed].as_string(), "=SUM(H2:H6)");
  EXPECT_EQ(total_formulas[count].as_string(), "=ROWS(D2:D6)");

  // The summary sheet: scope, date and status counts.
  std::map<std::string, json::value> summary;
  for (const auto& row : dump->sheets.at("สรุป").as_array()) {
    const auto& cells = row.as_array();
    if (cells.size() >= 2 && cells[0].is_string()) summary[std::string(cells[0].as_string())] = cells[1];
  }
  EXPECT_EQ(summary["จังหวัด"].as_string(), "เชียงใหม่");
  EXPECT_EQ(summary["ประเภทแผน"].as_string(), "anti_corruption_action_plan");
  EXPECT_DOUBLE_EQ(number_of(summary["ปีงบประมาณ (พ.ศ.)"]), 2567);
  EXPECT_EQ(summary["ไตรมาส"].as_string(), "ไตรมาสที่ 2");
  EXPECT_EQ(summary["วันที่จัดทำ"].as_string(), "16 มกราคม 2567");
  EXPECT_DOUBLE_EQ(number_of(summary["ยังไม่ดำเนินการ"]), 1);
  EXPECT_DOUBLE_EQ(number_of(summary["อยู่ระหว่างดำเนินการ"]), 1);
  EXPECT_DOUBLE_EQ(number_of(summary["ดำเนินการแล้ว"]), 1);
  EXPECT_DOUBLE_EQ(number_of(summary["ยกเลิก"]), 1);
  EXPECT_DOUBLE_EQ(number_of(summary["ไม่ได้รายงาน"]), 1);
  EXPECT_DOUBLE_EQ(number_of(summary["งบประมาณที่ได้รับ (บาท)"]), 1372567.89);
}

// libxlsxwriter on its own stores 9570.06 as 9570.059999999999 (%.16G, one
// digit more than a double holds); the cells must carry the amount's own digits.
TEST(report_xlsx, number_cells_are_stored_with_the_exact_digits) {
  ASSERT_TRUE(have_openpyxl()) << "python3 with openpyxl is not installed";
  auto r = provincial_report();
  auto& a1 = r.plans[0].goals[0].indicators[0].activities[0];
  a1.planned_satang = 3000000;
  a1.disbursed_satang = 957006;  // 9,570.06 baht, 31.9002 %
  auto& a4 = r.plans[1].goals[0].indicators[0].activities[0];
  a4.planned_satang = 999'999'999'999'999;  // 9,999,999,999,999.99 baht, the content limit
  a4.disbursed_satang = 99'999'999'999'999;
  compute_totals(r);
  scratch_file file(".xlsx");
  {
    std::ofstream out(file.path(), std::ios::binary);
    out << to_xlsx(r);
  }
  auto output =
      run_command(python() +
                  " -c 'import sys, re, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                  "print(\" \".join(re.findall(\"<v>([^<]*)</v>\", z.read(\"xl/worksheets/sheet1.xml\").decode())))' " +
                  file.path().string());
  ASSERT_TRUE(output);
  std::set<std::string> stored;
  std::istringstream words(*output);
  for (std::string word; words >> word;) stored.insert(word);
  for (const char* literal : {"30000", "9570.06", "31.9002", "9999999999999.99", "999999999999.99", "25000",
                              "10000000054999.99", "1000000009570.05"}) {
    EXPECT_TRUE(stored.contains(literal)) << literal << " in " << *output;
  }
  EXPECT_FALSE(std::regex_search(*output, std::regex(R"([0-9][eE][-+]?[0-9])"))) << *output;
  EXPECT_EQ(output->find("9570.059999"), std::string::npos) << *output;
}

TEST(report_xlsx, national_rows_and_totals) {
  // scripts/setup.sh --test installs python3-openpyxl: without it this test fails, never skips.
  ASSERT_TRUE(have_openpyxl()) << "python3 with openpyxl is not installed";
  auto dump = read_with_openpyxl(to_xlsx(national_report()));
  ASSERT_TRUE(dump);
  const auto& rows = dump->sheets.at("รายงาน").as_array();
  ASSERT_EQ(rows.size(), 1u + 2u + 1u);
  EXPECT_EQ(rows[1].as_array()[1].as_string(), "เชียงใหม่");
  EXPECT_DOUBLE_EQ(number_of(rows[1].as_array()[2]), 2);  // plans, a number
  const auto& total = rows.back().as_array();
  EXPECT_EQ(total[0].as_string(), "รวม");
  EXPECT_DOUBLE_EQ(number_of(total[2]), 3);           // plans
  EXPECT_DOUBLE_EQ(number_of(total[3]), 8);           // activities
  EXPECT_DOUBLE_EQ(number_of(total[9]), 1372567.89);  // planned baht
  EXPECT_DOUBLE_EQ(number_of(total[10]), 156500.50);  // disbursed baht
  EXPECT_DOUBLE_EQ(number_of(total[12]), 3);          // late agencies
  EXPECT_EQ(dump->formulas.at("รายงาน").as_array().back().as_array()[9].as_string(), "=SUM(J2:J3)");

  std::map<std::string, json::value> summary;
  for (const auto& row : dump->sheets.at("สรุป").as_array()) {
    const auto& cells = row.as_array();
    if (cells.size() >= 2 && cells[0].is_string()) summary[std::string(cells[0].as_string())] = cells[1];
  }
  EXPECT_EQ(summary["จังหวัด"].as_string(), "ทุกจังหวัด");
  EXPECT_EQ(summary["ไตรมาส"].as_string(), "สะสมทั้งปี");
  EXPECT_DOUBLE_EQ(number_of(summary["จำนวนแผน"]), 3);
}

// --- HTML ---------------------------------------------------------------------

// The contents of every <td class="num"> cell.
std::vector<std::string> number_cells(const std::string& html) {
  std::vector<std::string> cells;
  constexpr std::string_view open = "<td class=\"num\">";
  for (auto at = html.find(open); at != std::string::npos; at = html.find(open, at)) {
    at += open.size();
    auto end = html.find("</td>", at);
    cells.push_back(html.substr(at, end - at));
  }
  return cells;
}

TEST(report_html, printable_standalone_thai_page) {
  auto html = to_html(provincial_report());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(html.find("<html lang=\"th\">"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("@page { size: A4; margin: 15mm }"), std::string::npos);
  EXPECT_NE(html.find(R"("TH Sarabun New", "Sarabun", "Garuda", "Loma", "Norasi", sans-serif)"), std::string::npos);
  EXPECT_NE(html.find("รายงานผลการดำเนินงาน จังหวัดเชียงใหม่ ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2567"), std::string::npos);
  EXPECT_NE(html.find("16 มกราคม 2567"), std::string::npos);  // generated, in Thailand's day
  EXPECT_NE(html.find("15 เมษายน 2567"), std::string::npos);  // due date
  // Nothing is fetched: no links, no web fonts.
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);

  EXPECT_NE(html.find("1,372,567.89"), std::string::npos);
  EXPECT_NE(html.find("สำนักงานศึกษาธิการจังหวัด</li>"), std::string::npos);  // late agencies
  EXPECT_NE(html.find("ไม่ใช้งบประมาณ"), std::string::npos);
}

TEST(report_html, its_policy_allows_its_own_style_sheet_and_nothing_else) {
  auto html = to_html(provincial_report());
  const auto open = html.find("<style>") + 7;
  const auto sheet = html.substr(open, html.find("</style>") - open);
  const auto policy = html_content_security_policy();
  EXPECT_TRUE(policy.starts_with("default-src 'none'; ")) << policy;
  EXPECT_NE(policy.find("style-src 'sha256-" + auth::sha256_base64(sheet) + "'"), std::string::npos) << policy;
  EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(policy.find("unsafe"), std::string::npos);
  EXPECT_EQ(html.find("style=\""), std::string::npos);  // no style attribute the hash would not allow
  // The page carries it too (frame-ancestors aside: a <meta> cannot set it),
  // before the style sheet it allows.
  const auto meta = html.find(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;sha256-");
  ASSERT_NE(meta, std::string::npos);
  EXPECT_LT(meta, open);
}

TEST(report_html, escapes_text) {
  auto html = to_html(provincial_report());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; แผนส่งเสริมคุณธรรม"), std::string::npos);
  EXPECT_NE(html.find("อบรม &quot;โปร่งใส&quot;, รุ่นที่ 1"), std::string::npos);
}

TEST(report_html, thai_digits) {
  auto html = to_html(provincial_report(), {.thai_digits = true});
  EXPECT_NE(html.find("ปีงบประมาณ พ.ศ. ๒๕๖๗"), std::string::npos);
  EXPECT_NE(html.find("ไตรมาสที่ ๒"), std::string::npos);
  EXPECT_NE(html.find("๑๖ มกราคม ๒๕๖๗"), std::string::npos);
  EXPECT_NE(html.find("๑,๓๗๒,๕๖๗.๘๙"), std::string::npos);
  auto cells = number_cells(html);
  ASSERT_GT(cells.size(), 20u);
  for (const auto& cell : cells) EXPECT_EQ(cell.find_first_of("0123456789"), std::string::npos) << cell;
  // Without the option the same cells carry ASCII digits.
  auto plain = number_cells(to_html(provincial_report()));
  EXPECT_NE(plain.front().find_first_of("0123456789"), std::string::npos);
}

TEST(report_html, national_roll_up_table) {
  auto html = to_html(national_report());
  EXPECT_NE(html.find("รายงานผลการดำเนินงาน ภาพรวมทุกจังหวัด สะสมทั้งปี ปีงบประมาณ พ.ศ. 2567"), std::string::npos);
  EXPECT_NE(html.find("<td>กรุงเทพมหานคร</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>เชียงใหม่</td>"), std::string::npos);
  EXPECT_NE(html.find("<tfoot><tr><th scope=\"row\">รวม</th><td class=\"num\">3</td>"), std::string::npos);
}

}  // namespace
}  // namespace planflow::reports
