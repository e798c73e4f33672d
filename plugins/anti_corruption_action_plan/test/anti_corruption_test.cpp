// The importer and detection on the seed documents, and the importer's
// robustness. Line numbers ("line 174", "seed 000:174") are lines of
// tests/fixtures/seeds/000_f86febe8b6e44396.txt, the Narathiwat plan for
// fiscal year 2566.
#include "content_model.hpp"
#include "plugin.hpp"
#include "table_rows.hpp"
#include "test_support.hpp"
#include "text_scan.hpp"

#include <planflow/text/thai.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <set>

namespace planflow::plugins::anti_corruption {
namespace {

namespace json = boost::json;
using test::code_and_path;

const std::string k_golden = std::string(PLANFLOW_PLUGIN_SOURCE_DIR) + "/test/golden/000_f86febe8b6e44396.json";
// The golden content as it was stored before projects moved under the
// indicator (projects nested under the key work item they were hung on).
const std::string k_old_golden =
    std::string(PLANFLOW_PLUGIN_SOURCE_DIR) + "/test/golden/000_f86febe8b6e44396.old_shape.json";

// Paths of the activities the tests look at (ids in parentheses).
// Projects are the indicator's (p-1 is 1.1's, p-2…p-10 1.2's, p-11…p-18
// 1.3's, p-19…p-31 2.1's), each with the key work items it serves.
constexpr std::string_view k_line_109 = "/goals/0/indicators/0/projects/0/activities/0";  // a-1
constexpr std::string_view k_line_125 = "/goals/0/indicators/1/projects/0/activities/1";  // a-3
constexpr std::string_view k_line_130 = "/goals/0/indicators/1/projects/0/activities/2";  // a-4
constexpr std::string_view k_line_133 = "/goals/0/indicators/1/projects/0/activities/3";  // a-5
constexpr std::string_view k_line_139 = "/goals/0/indicators/1/projects/3/activities/0";  // a-9
constexpr std::string_view k_line_145 = "/goals/0/indicators/1/projects/6/activities/0";  // a-12
constexpr std::string_view k_line_174 = "/goals/0/indicators/2/projects/4/activities/0";  // a-20
constexpr std::string_view k_line_178 = "/goals/0/indicators/2/projects/5";               // p-16, project ๑๔
constexpr std::string_view k_line_186 = "/goals/0/indicators/2/projects/5/activities/1";  // a-24, under ๑๔
constexpr std::string_view k_line_223 = "/goals/1/indicators/0/projects/6/activities/0";  // a-32
constexpr std::string_view k_line_224 = "/goals/1/indicators/0/projects/7/activities/0";  // a-33

class seed_import : public ::testing::Test {
 protected:
  // Imported once: every test reads the same result.
  static void SetUpTestSuite() {
    result_ =
        new plugin::import_result(plan_type_.import_document(test::seed(test::k_action_plan_seed), test::context()));
    // The same document imported where the host knows the province's
    // directory: the agencies come linked.
    linked_ = new plugin::import_result(
        plan_type_.import_document(test::seed(test::k_action_plan_seed), test::narathiwat_with_directory()));
    content_ = new json::value(result_->content);
  }
  static void TearDownTestSuite() {
    delete content_;
    delete result_;
    delete linked_;
    linked_ = nullptr;
    content_ = nullptr;
    result_ = nullptr;
  }
  static const json::value& at(std::string_view pointer) { return content_->at_pointer(pointer); }
  static const json::value& content() { return *content_; }

  static inline anti_corruption_plan plan_type_;
  static inline plugin::import_result* result_ = nullptr;
  static inline plugin::import_result* linked_ = nullptr;
  static inline json::value* content_ = nullptr;
};

TEST_F(seed_import, finds_the_province_fiscal_year_and_title) {
  EXPECT_EQ(result_->province_code, "TH-96");
  EXPECT_EQ(result_->fiscal_year, 2566);
  EXPECT_EQ(result_->title,
            "แผนปฏิบัติการขับเคลื่อนระดับจังหวัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ภายใต้การดำเนินงานของคณะกรรมการผลักดันการดำเนินงาน "
            "ตามแผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ จังหวัดนราธิวาส");
  EXPECT_EQ(at("/province/code"), "TH-96");
  EXPECT_EQ(at("/province/name_th"), "นราธิวาส");
  EXPECT_EQ(at("/fiscal_year"), 2566);
}

TEST_F(seed_import, computes_the_totals_the_document_states) {
  auto totals = plan_type_.compute_totals(result_->content).json;
  const auto& goals = totals.at("goals").as_array();
  ASSERT_EQ(goals.size(), 2u);
  // Budgets: lines 124–179 (goal 1) and 208–212 (goal 2), exact in satang.
  EXPECT_EQ(goals[0].at("budget_satang"), 102'544'000);
  EXPECT_EQ(goals[0].at("budget_baht"), 1'025'440);
  EXPECT_EQ(goals[1].at("budget_satang"), 12'040'000);
  EXPECT_EQ(goals[1].at("budget_baht"), 120'400);
  EXPECT_EQ(totals.at("overall").at("budget_baht"), 1'145'840);
  EXPECT_EQ(totals.at("overall").at("unparsed_budgets"), 0);

  // Projects are the numbered entries of the โครงการ/กิจกรรม column, which
  // "รวมจำนวน ๑๘ โครงการ/กิจกรรม" counts. Goal 1: ๑ (109); ๒–๑๐ (123, 135,
  // 138, 139, 143, 144, 145, 150, 151); ๙–๑๖ again (165, 168, 172, 173, 174,
  // 178, 179, 183) = 18. Goal 2: ๑–๑๓ (207, 212–215, 220, 223, 224, 228–230,
  // 234, 235) = 13.
  EXPECT_EQ(goals[0].at("projects"), 18);
  EXPECT_EQ(goals[1].at("projects"), 13);
  EXPECT_EQ(totals.at("overall").at("projects"), 31);

  // Activities are the rows with a budget. Goal 1: 109; 124, 125, 130, 133,
  // 134, 135, 138, 139, 143, 144, 145, 150, 151; 166, 167, 168, 172, 173, 174,
  // 178, 179, 183, 186 = 1 + 13 + 10 = 24. Goal 2: 208, 209, 212, 213, 214,
  // 215, 220, 223, 224, 228, 229, 230, 234, 235 = 14.
  EXPECT_EQ(goals[0].at("activities"), 24);
  EXPECT_EQ(goals[1].at("activities"), 14);
  EXPECT_EQ(totals.at("overall").at("activities"), 38);
  EXPECT_EQ(totals.at("overall").at("goals"), 2);
}

TEST_F(seed_import, reads_the_stated_totals_and_finds_them_consistent) {
  EXPECT_EQ(at("/goals/0/stated_totals"), json::parse(R"({"projects":18,"budget_baht":1025440})"));    // line 187
  EXPECT_EQ(at("/goals/1/stated_totals"), json::parse(R"({"projects":13,"budget_baht":120400})"));     // line 236
  EXPECT_EQ(at("/stated_totals"), json::parse(R"({"goals":2,"projects":31,"budget_baht":1145840})"));  // line 237
  EXPECT_EQ(test::find(result_->findings, "total_mismatch"), nullptr) << test::dump(result_->findings);
}

TEST_F(seed_import, reports_exactly_the_errors_of_the_document) {
  std::vector<code_and_path> expected = {
      // Line 100: the page header over indicator 1.1 names จังหวัดนครราชสีมา,
      // copied from another province's plan.
      {"other_province", ""},
      // Line 192: the page header over goal 2 names จังหวัดนครราชสีมา again.
      {"other_province", ""},
      // Lines 223 and 224: "สำนักงานสาธารณสุขจังหวัดนครราชสีมา" is responsible
      // for two activities of the Narathiwat plan.
      {"other_province", std::string(k_line_223) + "/main_agencies/0/name"},
      {"other_province", std::string(k_line_224) + "/main_agencies/0/name"},
  };
  EXPECT_EQ(test::codes(result_->findings, "error"), expected) << test::dump(result_->findings);
}

// The warnings validate() gives on the seed's content, in order; each is a
// defect of the document, named by its line.
std::vector<code_and_path> seed_content_warnings() {
  const std::string g1i2 = "/goals/0/indicators/1/projects/";
  const std::string g1i3 = "/goals/0/indicators/2/projects/";
  const std::string g2i1 = "/goals/1/indicators/0/projects/";
  const std::string target = "/activities/0/target/measures";
  return {
      // Line 130: the method says "ให้ครอบคลุมทุกอำเภอ ใน ๗๖ จังหวัด … จังหวัดละ
      // ๑๐๐ คน", the national ป.ป.ช. project's wording, not Narathiwat's.
      {"national_template_text", g1i2 + "0/activities/2/method"},
      // Line 133: "เครือข่ายภาคเยาวชนจังหวัดละ ๕๐ คน", the same template.
      {"national_template_text", g1i2 + "0/activities/3/method"},
      // Lines 138, 139 (+142), 143, 144 and 151: indicator cells without a
      // number to measure ("การสร้างเสริมวัฒนธรรมสุจริต…", "การบริหารด้วยความซื่อสัตย์…",
      // "ผู้เข้ารับการอบรมฯ มีความเข้าใจ…", "จำนวนหน่วยงานที่รับทราบนโยบาย…" with no
      // count, "… คุณธรรมที่พึงประสงค์ ๕ ประการ คือ …" which lists, not targets).
      {"unmeasurable_target", g1i2 + "2" + target},
      {"unmeasurable_target", g1i2 + "3" + target},
      {"unmeasurable_target", g1i2 + "4" + target},
      {"unmeasurable_target", g1i2 + "5" + target},
      {"unmeasurable_target", g1i2 + "8" + target},
      // Line 168 (+171): "… ประจำปี พ.ศ.๒๕๖๖ ได้อย่างถูกต้องครบถ้วน ตามหลักเกณฑ์…", no value.
      {"unmeasurable_target", g1i3 + "1" + target},
      // Lines 172 and 173: "ร้อยละของหน่วยงาน…ผ่านเกณฑ์ ITA" names a percentage but no value.
      {"unmeasurable_target", g1i3 + "2" + target},
      {"unmeasurable_target", g1i3 + "3" + target},
      // Line 174: "ความเสี่ยงระดับต่ำ", a level in words.
      {"unmeasurable_target", g1i3 + "4" + target},
      // Line 178: "ประเมินสุขภาวะองค์กร …", an action, not a target.
      {"unmeasurable_target", g1i3 + "5" + target},
      // Line 186: "ร้อยละ ๘๒ ผ่านเกณฑ์…ITA" under indicator ๑.๓, whose target
      // (lines 79 and 162) is "ไม่น้อยกว่าร้อยละ ๑๐๐". The row is project ๑๔'s
      // (line 178) second activity, so it is checked there.
      {"target_below_indicator", std::string(k_line_186) + "/target/measures/0/value"},
      // Line 179 (+182): "1.ร้อยละของหน่วยงาน…ผ่านเกณฑ์ 2.จำนวนข้อเสนอแนะ…", no values.
      {"unmeasurable_target", g1i3 + "6" + target},
      // Line 183: "จำนวนหน่วยงานภาครัฐที่ดำเนินการได้ตามกรอบ…", no count.
      {"unmeasurable_target", g1i3 + "7" + target},
      // Lines 165 and 168 number their projects ๙ and ๑๐, which lines 150
      // and 151 already used in the same goal.
      {"duplicate_number", g1i3 + "0/number"},
      {"duplicate_number", g1i3 + "1/number"},
      // Lines 83 and 196: "ลดลงร้อยละ ๑๐" of indicator ๒.๑, from no stated baseline.
      {"relative_target_without_baseline", "/goals/1/indicators/0/target/baseline"},
      // Line 220: "ความสำเร็จในการทำรายงาน…", no value.
      {"unmeasurable_target", g2i1 + "5" + target},
      // Lines 223 and 224 (+227): "จำนวนของสาธารณชน…" and "ระดับความสำเร็จ…" with no
      // count or level.
      {"unmeasurable_target", g2i1 + "6" + target},
      {"unmeasurable_target", g2i1 + "7" + target},
      // Line 229: "…จริยธรรมดีเด่นประจำปี พ.ศ.๒๕๖๕" in the 2566 plan (the
      // project's title; its own activity row repeats it and is not reported twice).
      {"year_outside_fiscal_year", g2i1 + "9/title"},
      // Line 229: "บุคลากร…รับทราบว่ามีโครงการ…", no value.
      {"unmeasurable_target", g2i1 + "9" + target},
      // Line 234: "บุคลากรร่วมมือกันในการป้องกัน…", no value.
      {"unmeasurable_target", g2i1 + "11" + target},
      // Lines 87/200, 91/202 and 95/204: "ลดลงร้อยละ ๑๐", "ลดลงร้อยละ ๑๐" and
      // "ลดลงร้อยละ ๒๕" of ๒.๒.๑, ๒.๒.๒ and ๒.๓, from no stated baseline.
      {"relative_target_without_baseline", "/goals/1/indicators/2/target/baseline"},
      {"relative_target_without_baseline", "/goals/1/indicators/3/target/baseline"},
      {"relative_target_without_baseline", "/goals/1/indicators/4/target/baseline"},
  };
}

TEST_F(seed_import, warns_about_what_is_odd_but_possible) {
  std::vector<code_and_path> expected = {
      // Line 12: "จังหวัด... กำหนดให้" — the template's blank never filled in.
      {"placeholder_text", ""},
      // Line 133: the method cell opens with "ตามองและแจ้งเบาะแส (Watch &
      // Voice) ให้กับสำนักงาน ป.ป.ช.", the end of line 130's method ("…เป็น
      // เครือข่ายจับ") cut by the page break; joined to line 130's activity.
      {"fragment_joined", std::string(k_line_130) + "/method"},
      // Line 174: the row is shifted one column left (budget column
      // "มกราคม-มีนาคม ๒๕๖๖", period column an agency, agency column empty);
      // the importer moved it back, so nothing is left to fix in the content.
      {"column_shift", std::string(k_line_174)},
      // Line 186: unnumbered, after project ๑๖ (line 183, stated on one row);
      // placed under project ๑๔ (line 178), the same agency and the MOIT
      // assessment ๑๔ describes ("ตรวจสอบประเมินทุก ๔ ไตรมาส").
      {"row_placed_by_content", std::string(k_line_178)},
  };
  for (auto& w : seed_content_warnings()) expected.push_back(std::move(w));
  EXPECT_EQ(test::codes(result_->findings, "warning"), expected) << test::dump(result_->findings);
}

TEST_F(seed_import, says_what_the_shifted_row_repair_moved) {
  const auto* shift = test::find(result_->findings, "column_shift");
  ASSERT_NE(shift, nullptr);
  EXPECT_EQ(shift->severity, "warning");
  EXPECT_NE(shift->message_en.find("line 174"), std::string::npos) << shift->message_en;
  EXPECT_NE(shift->message_en.find("\"ไม่ใช้งบประมาณ\" from indicator to budget"), std::string::npos)
      << shift->message_en;
  EXPECT_NE(shift->message_en.find("\"มกราคม-มีนาคม ๒๕๖๖\" from budget to period"), std::string::npos)
      << shift->message_en;
  EXPECT_NE(shift->message_th.find("\"ไม่ใช้งบประมาณ\" จากช่องตัวชี้วัดไปช่องงบประมาณ"), std::string::npos)
      << shift->message_th;
}

TEST_F(seed_import, names_the_year_and_the_wording_it_flags) {
  for (const auto& f : result_->findings) {
    if (f.code == "year_outside_fiscal_year") {
      EXPECT_NE(f.message_en.find("the year 2565 (\"ประจำปี พ.ศ.๒๕๖๕\"), not the plan's fiscal year 2566"),
                std::string::npos)
          << f.message_en;
      EXPECT_NE(f.message_th.find("(ปี ๒๕๖๕)"), std::string::npos) << f.message_th;
    }
    if (f.code == "national_template_text" && f.path.ends_with("activities/2/method")) {
      EXPECT_NE(f.message_en.find("\"๗๖ จังหวัด"), std::string::npos) << f.message_en;
    }
  }
}

TEST_F(seed_import, names_the_lines_of_the_stray_page_headers) {
  std::vector<std::string> messages;
  for (const auto& f : result_->findings) {
    if (f.code == "other_province" && f.path.empty()) messages.push_back(f.message_en + " / " + f.message_th);
  }
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("line 100"), std::string::npos) << messages[0];
  EXPECT_NE(messages[0].find("บรรทัด ๑๐๐"), std::string::npos) << messages[0];
  EXPECT_NE(messages[0].find("Nakhon Ratchasima"), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("line 192"), std::string::npos) << messages[1];
}

TEST_F(seed_import, recovers_the_shifted_row) {
  std::string a(k_line_174);
  EXPECT_EQ(at(a + "/title"), "โครงการประชุมเพื่อวิเคราะห์ความเสี่ยงเกี่ยวกับผลประโยชน์ทับซ้อนประจำปีงบประมาณ พ.ศ.๒๕๖๖");
  EXPECT_EQ(at(a + "/number"), "13");
  EXPECT_EQ(at(a + "/indicator_text"), "ความเสี่ยงระดับต่ำ");
  EXPECT_EQ(at(a + "/budget"), json::parse(R"({"kind":"none","baht":null,"text":"ไม่ใช้งบประมาณ"})"));
  EXPECT_EQ(at(a + "/period"), json::parse(R"({"text":"มกราคม-มีนาคม ๒๕๖๖","first_month":4,"last_month":6})"));
  EXPECT_EQ(at(a + "/main_agencies"), json::parse(R"([{"name": "สำนักงานสาธารณสุขจังหวัดนราธิวาส"}])"));
  EXPECT_EQ(at(a + "/supporting_agencies"), json::array());
  // Line 177 continues the method on the next page.
  std::string method(at(a + "/method").as_string());
  EXPECT_TRUE(method.starts_with("คณะกรรมการวิเคราะห์ความเสี่ยงฯ")) << method;
  EXPECT_TRUE(method.ends_with("สำนักงานสาธารณสุขจังหวัด นราธิวาส")) << method;
}

TEST_F(seed_import, joins_rows_continued_across_page_breaks) {
  // Line 129, third cell: the rest of line 125's method.
  std::string method(at(std::string(k_line_125) + "/method").as_string());
  EXPECT_TRUE(method.ends_with("ซึ่งอาจมีความเข้มข้นแตกต่างกัน")) << method;
  // Line 142: the end of line 139's title, which is also its project's.
  std::string title(at(std::string(k_line_139) + "/title").as_string());
  EXPECT_TRUE(title.ends_with("ที่ปราศจากการล่วงละเมิดหรือคุกคามทางเพศในการทำงาน")) << title;
  EXPECT_EQ(at("/goals/0/indicators/1/projects/3/title"), at(std::string(k_line_139) + "/title"));
  // Line 129, first cell: work item ๒ (line 126) continued, then work item ๓.
  std::string item(at("/goals/0/indicators/1/key_work_items/1/text").as_string());
  EXPECT_TRUE(
      item.ends_with("ปฏิบัติตาม มาตรฐานทางจริยธรรมที่ประมวลจริยธรรมที่หน่วยงานของรัฐยึดถืออย่างเคร่งครัด "
                     "และมีส่วนร่วมในการต่อต้านการทุจริต"))
      << item;
  EXPECT_EQ(at("/goals/0/indicators/1/key_work_items/2/number"), "3");
  // Line 171, fourth cell: the rest of line 168's indicator.
  std::string indicator(at("/goals/0/indicators/2/projects/1/activities/0/indicator_text").as_string());
  EXPECT_TRUE(indicator.ends_with("ได้อย่างถูกต้องครบถ้วน ตามหลักเกณฑ์การประเมินที่กำหนด")) << indicator;
  // Line 207 holds work items ๑ and ๒ in one cell without paragraph tags.
  EXPECT_EQ(at("/goals/1/indicators/0/key_work_items/0/number"), "1");
  EXPECT_EQ(at("/goals/1/indicators/0/key_work_items/1/number"), "2");
}

TEST_F(seed_import, gives_unnumbered_budgeted_rows_to_their_project) {
  // Line 123 is project ๒ alone; lines 124–134 are its five activities.
  const auto& project = at("/goals/0/indicators/1/projects/0");
  EXPECT_EQ(project.at("number"), "2");
  EXPECT_EQ(project.at("title"), "โครงการ STRONG – จิตพอเพียงต้านทุจริต");
  const auto& activities = project.at("activities").as_array();
  ASSERT_EQ(activities.size(), 5u);
  for (const auto& a : activities) EXPECT_EQ(a.at("number"), "");
  EXPECT_EQ(activities[4].at("title"), "กิจกรรมผลิตสื่อเพื่อการเรียนรู้");
  // Lines 166–167 are project ๙'s (line 165) two activities.
  EXPECT_EQ(at("/goals/0/indicators/2/projects/0/activities").as_array().size(), 2u);
}

std::vector<std::string> strings_of(const json::array& a) {
  std::vector<std::string> out;
  for (const auto& v : a) out.emplace_back(v.as_string());
  return out;
}

TEST_F(seed_import, links_projects_to_the_key_work_items_of_their_indicator) {
  // The ลักษณะสำคัญของงาน column is one merged cell listing the indicator's
  // items beside all of its projects; the document links no item to one
  // project, so every project of an indicator serves all of its items.
  struct expected_indicator {
    std::string pointer;
    std::vector<std::string> item_numbers;
    std::vector<std::string> project_numbers;
  };
  std::vector<expected_indicator> expected = {
      // 1.1: items ๑–๓ in one cell (line 109), project ๑ on the same row.
      {"/goals/0/indicators/0", {"1", "2", "3"}, {"1"}},
      // 1.2: items ๑ (123), ๒ (126, ends on 129), ๓ (129), ๔ (130), ๕ (133);
      // projects ๒–๑๐ (123–151).
      {"/goals/0/indicators/1", {"1", "2", "3", "4", "5"}, {"2", "3", "4", "5", "6", "7", "8", "9", "10"}},
      // 1.3: items ๑ (165), ๒ (168, ends on 171), ๓ and ๔ (171); projects ๙–๑๖ (165–183).
      {"/goals/0/indicators/2", {"1", "2", "3", "4"}, {"9", "10", "11", "12", "13", "14", "15", "16"}},
      // 2.1: items ๑ and ๒ (207), ๓–๖ (212–215), ๗–๙ (220); projects ๑–๑๓ (207–235).
      {"/goals/1/indicators/0",
       {"1", "2", "3", "4", "5", "6", "7", "8", "9"},
       {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"}},
  };
  std::size_t items_without_project = 0;
  std::size_t items = 0;
  for (const auto& e : expected) {
    SCOPED_TRACE(e.pointer);
    const auto& indicator = at(e.pointer);
    std::vector<std::string> item_ids, item_numbers, project_numbers;
    for (const auto& w : indicator.at("key_work_items").as_array()) {
      item_ids.emplace_back(w.at("id").as_string());
      item_numbers.emplace_back(w.at("number").as_string());
    }
    EXPECT_EQ(item_numbers, e.item_numbers);
    std::set<std::string> served;
    for (const auto& p : indicator.at("projects").as_array()) {
      project_numbers.emplace_back(p.at("number").as_string());
      auto links = strings_of(p.at("key_work_items").as_array());
      EXPECT_EQ(links, item_ids) << p.at("title");
      served.insert(links.begin(), links.end());
    }
    EXPECT_EQ(project_numbers, e.project_numbers);
    for (const auto& id : item_ids) items_without_project += served.contains(id) ? 0 : 1;
    items += item_ids.size();
  }
  EXPECT_EQ(items, 21u);
  // Under the old shape 9 of the 21 had no project (see reads_the_old_shaped_golden…).
  EXPECT_EQ(items_without_project, 0u);
  // Goal 2's other indicators (lines 198–204) share 2.1's table: no items or projects of their own.
  for (int i = 1; i <= 4; ++i) {
    std::string pointer = "/goals/1/indicators/" + std::to_string(i);
    EXPECT_TRUE(at(pointer + "/key_work_items").as_array().empty()) << pointer;
    EXPECT_TRUE(at(pointer + "/projects").as_array().empty()) << pointer;
    EXPECT_EQ(at(pointer + "/served_by"), "i-4");
  }

  // Line 144, project ๗ "No Gift Policy", is indicator 1.2's and serves its
  // five items; it was hung under item ๕ (whistleblower channels, line 133)
  // alone before.
  const auto& no_gift = at("/goals/0/indicators/1/projects/5");
  EXPECT_EQ(no_gift.at("number"), "7");
  EXPECT_TRUE(std::string(no_gift.at("title").as_string()).find("(No Gift Policy)") != std::string::npos);
  EXPECT_EQ(strings_of(no_gift.at("key_work_items").as_array()),
            (std::vector<std::string>{"w-4", "w-5", "w-6", "w-7", "w-8"}));
  EXPECT_TRUE(std::string(at("/goals/0/indicators/1/key_work_items/4/text").as_string())
                  .starts_with("จัดให้มีช่องทางในการแจ้งเบาะแส"));
  // No finding about unserved items.
  EXPECT_EQ(test::find(result_->findings, "key_work_item_without_project"), nullptr);
}

TEST_F(seed_import, joins_the_fragment_of_line_133_to_line_130s_activity) {
  // Line 130's method stops at "…นำไปสู่การร่วมกันเป็นเครือข่ายจับ" at the foot
  // of the page; line 133's method cell opens with "ตามองและแจ้งเบาะแส (Watch &
  // Voice) ให้กับสำนักงาน ป.ป.ช.", then its own method.
  std::string joined(at(std::string(k_line_130) + "/method").as_string());
  EXPECT_TRUE(joined.ends_with("นำไปสู่การร่วมกันเป็นเครือข่ายจับตามองและแจ้งเบาะแส (Watch & Voice) ให้กับสำนักงาน ป.ป.ช."))
      << joined;
  std::string own(at(std::string(k_line_133) + "/method").as_string());
  EXPECT_TRUE(own.starts_with("เจ้าหน้าที่สำนักงาน ป.ป.ช. ร่วมกับเครือข่ายเยาวชนชมรม STRONG")) << own;
  EXPECT_EQ(at(std::string(k_line_133) + "/title"), "กิจกรรมการพัฒนาศักยภาพชมรมเยาวชน STRONG-จิตพอเพียงต้านทุจริต");
  const auto* f = test::find(result_->findings, "fragment_joined");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, "warning");
  EXPECT_NE(f->message_en.find("line 133"), std::string::npos) << f->message_en;
  EXPECT_NE(f->message_th.find("บรรทัด ๑๓๓"), std::string::npos) << f->message_th;
}

TEST_F(seed_import, places_line_186_under_project_14) {
  // Line 186 "กิจกรรมตรวจประเมิน ITA ไตรมาสที่ ๑ - ไตรมาสที่ ๔" is unnumbered and
  // follows ๑๖ (line 183, an OIT entry of สำนักงานจังหวัด stated on one row).
  // It is the quarterly MOIT assessment by สำนักงานสาธารณสุขจังหวัด that
  // project ๑๔ (line 178, "อบรมผู้ตรวจประเมิน… (MOIT)… ตรวจสอบประเมินทุก ๔ ไตรมาส",
  // the same agency) sets up, and the document's "๑๘ โครงการ/กิจกรรม" (line
  // 187) does not count it as a project of its own.
  const auto& p14 = at(k_line_178);
  EXPECT_EQ(p14.at("number"), "14");
  const auto& activities = p14.at("activities").as_array();
  ASSERT_EQ(activities.size(), 2u);
  EXPECT_EQ(activities[1].at("id"), "a-24");
  EXPECT_EQ(activities[1].at("number"), "");
  EXPECT_EQ(activities[1].at("title"), "กิจกรรมตรวจประเมิน ITA ไตรมาสที่ ๑ - ไตรมาสที่ ๔");
  EXPECT_EQ(activities[1].at("main_agencies"), json::parse(R"([{"name": "สำนักงานสาธารณสุขจังหวัดนราธิวาส"}])"));
  const auto& p16 = at("/goals/0/indicators/2/projects/7");
  EXPECT_EQ(p16.at("number"), "16");
  EXPECT_EQ(p16.at("activities").as_array().size(), 1u);
  const auto* f = test::find(result_->findings, "row_placed_by_content");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->path, k_line_178);
  EXPECT_NE(f->message_en.find("line 186"), std::string::npos) << f->message_en;
  EXPECT_NE(f->message_en.find("project 14"), std::string::npos) << f->message_en;
}

// The text a test can find a cell by: spaces, bullets and parentheses
// dropped, as the importer splits agencies at bullets, keeps a sub-unit in
// parentheses beside its agency's name and joins page-broken text with a space.
std::string squeezed(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '-' && c != '\n' && c != '\t' && c != '(' && c != ')') out.push_back(c);
  }
  return out;
}

// The first and last `n` characters (UTF-8) of `s`.
std::pair<std::string, std::string> ends_of(const std::string& s, std::size_t n) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  if (starts.size() <= n) return {s, s};
  return {s.substr(0, starts[n]), s.substr(starts[starts.size() - n])};
}

void collect_strings(const json::value& v, std::string& out) {
  if (const auto* s = v.if_string()) {
    out += squeezed(*s);
  } else if (const auto* a = v.if_array()) {
    for (const auto& x : *a) collect_strings(x, out);
  } else if (const auto* o = v.if_object()) {
    for (const auto& m : *o) collect_strings(m.value(), out);
  }
}

void collect_numbers(const json::value& v, std::set<std::string>& out) {
  if (v.is_int64()) out.insert(std::to_string(v.as_int64()));
  if (const auto* a = v.if_array()) {
    for (const auto& x : *a) collect_numbers(x, out);
  } else if (const auto* o = v.if_object()) {
    for (const auto& m : *o) collect_numbers(m.value(), out);
  }
}

TEST_F(seed_import, loses_no_cell_of_the_document) {
  // Every non-empty cell of every table row (header rows aside) is in the
  // content (its first and last characters, without spaces or bullets, and
  // without a leading list number, which the model keeps as "number"), a
  // totals row's cells in stated_totals, or an unplaced_cell finding that
  // names its line.
  std::string haystack;
  collect_strings(content(), haystack);
  std::set<std::string> stated;
  collect_numbers(at("/stated_totals"), stated);
  for (const auto& g : content().at("goals").as_array()) {
    if (const auto* t = g.as_object().if_contains("stated_totals")) collect_numbers(*t, stated);
  }
  std::vector<const plugin::finding*> unplaced_findings;
  for (const auto& f : result_->findings) {
    if (f.code == "unplaced_cell") unplaced_findings.push_back(&f);
  }

  auto document = test::seed(test::k_action_plan_seed);
  std::size_t cells = 0, in_content = 0, in_totals = 0, listed = 0;
  std::vector<std::string> lost;
  int line = 0;
  for (std::size_t start = 0; start <= document.size();) {
    auto end = document.find('\n', start);
    if (end == std::string::npos) end = document.size();
    std::string_view text(document.data() + start, end - start);
    start = end + 1;
    ++line;
    if (text.find('\t') == std::string_view::npos || read_header_layout(text)) continue;
    auto raw_cells = split_cells(text);
    std::vector<std::string> clean;
    for (auto c : raw_cells) clean.push_back(planflow::text::clean_cell(c));
    std::size_t first = 0;
    while (first < clean.size() && clean[first].empty()) ++first;
    bool totals_row = first < clean.size() && clean[first].starts_with("รวม");
    for (const auto& cell : clean) {
      if (cell.empty()) continue;
      ++cells;
      if (totals_row) {
        // "รวมจำนวน ๑๘ โครงการ/กิจกรรม", "๑,๐๒๕,๔๔๐": every number is a stated total.
        std::string digits = planflow::text::thai_digits_to_arabic(cell);
        std::erase(digits, ',');
        bool all = true, any = false;
        std::string run;
        for (std::size_t i = 0; i <= digits.size(); ++i) {
          if (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') {
            run.push_back(digits[i]);
          } else if (!run.empty()) {
            any = true;
            all = all && stated.contains(run);
            run.clear();
          }
        }
        if (any && all) {
          ++in_totals;
          continue;
        }
      }
      auto body = squeezed(scan::split_item_number(cell).rest);
      // Named, not a structured binding: the lambda below captures it, which
      // clang-tidy's parser (clang 14) does not take from a binding.
      const auto ends = ends_of(body, 8);
      const auto& head = ends.first;
      const auto& tail = ends.second;
      if (haystack.find(head) != std::string::npos && haystack.find(tail) != std::string::npos) {
        ++in_content;
        continue;
      }
      auto names_it = [&](const plugin::finding* f) {
        return f->message_en.find("line " + std::to_string(line) + ":") != std::string::npos &&
               squeezed(f->message_en).find(head) != std::string::npos;
      };
      if (std::any_of(unplaced_findings.begin(), unplaced_findings.end(), names_it)) {
        ++listed;
        continue;
      }
      lost.push_back("line " + std::to_string(line) + ": " + excerpt(cell, 80));
    }
  }
  EXPECT_TRUE(lost.empty()) << ::testing::PrintToString(lost);
  // 261 cells: 255 in rows of data, 6 in the three totals rows (lines 187, 236, 237).
  EXPECT_EQ(cells, 261u);
  EXPECT_EQ(in_totals, 6u);
  EXPECT_EQ(cells, in_content + in_totals + listed);
  // The seed has no cell outside its columns.
  EXPECT_EQ(listed, 0u);
  EXPECT_EQ(unplaced_findings.size(), 0u);
  RecordProperty("cells", int(cells));
}

// The server reads every stored revision through upgrade_content, so that a
// plan saved in the old shape opens, validates against today's schema and
// saves like a new one: the same content read_plan makes of it, moved at the
// JSON level, and today's content left exactly as it is.
TEST_F(seed_import, stored_content_in_the_old_shape_is_upgraded_to_todays) {
  auto old = json::parse(test::read_file(k_old_golden));
  auto upgraded = upgrade_content(old);
  finding_list issues;
  const auto read = read_plan(upgraded, &issues);
  EXPECT_TRUE(issues.items().empty()) << test::dump(issues.items());
  EXPECT_EQ(json::value(to_json(read)), json::value(to_json(read_plan(old, nullptr))));
  for (const auto& goal : upgraded.at("goals").as_array()) {
    for (const auto& indicator : goal.at("indicators").as_array()) {
      for (const auto& item : indicator.at("key_work_items").as_array()) {
        EXPECT_FALSE(item.as_object().contains("projects")) << "a project left under its key work item";
      }
    }
  }
  const auto today = json::parse(test::read_file(k_golden));
  EXPECT_EQ(upgrade_content(today), today);
  // Whatever it is given, it neither throws nor drops what it does not move.
  for (const char* odd :
       {"null", "[]", R"({"goals":7})", R"({"goals":[{"indicators":[{"key_work_items":[{"projects":3}]}]}]})"}) {
    const auto v = json::parse(odd);
    EXPECT_EQ(upgrade_content(v), v) << odd;
  }
}

// An activity of the old golden as today's: its agency names as unlinked
// references, the first main and the others supporting.
void with_agency_refs(json::object& activity) {
  auto refs = plugin::upgrade_agency_list(activity.at("agencies").as_array());
  json::array main, supporting;
  for (auto& r : refs) (main.empty() ? main : supporting).push_back(r);
  activity.erase("agencies");
  activity["main_agencies"] = std::move(main);
  activity["supporting_agencies"] = std::move(supporting);
}

// A target of the old golden as today's: its one number the first measure.
// Every target of the seed is a floor ("ไม่น้อยกว่า", or a bare number), and
// the ones that fall ("ลดลงร้อยละ ๑๐") are changes; none states a base year.
void with_measures(json::object& owner, bool activity) {
  json::array measures;
  if (!owner.at("target_value").is_null()) {
    measures.push_back(
        json::object{{"value", owner.at("target_value")}, {"unit", owner.at("unit")}, {"comparator", "at_least"}});
  }
  const bool falls = std::string(owner.at("target_text").as_string()).find("ลดลง") != std::string::npos;
  json::value baseline = activity ? json::value(nullptr) : owner.at("baseline");
  owner["target"] = json::object{{"direction", falls ? "decrease" : "level"},
                                 {"measures", std::move(measures)},
                                 {"baseline", baseline},
                                 {"base_year", nullptr}};
  owner.erase("target_value");
  if (activity)
    owner.erase("unit");
  else
    owner.erase("baseline");
}

TEST_F(seed_import, reads_the_old_shaped_golden_without_loss) {
  // The seed's content as stored before this shape: projects under the key
  // work item the importer hung them on. read_plan migrates it.
  auto old = json::parse(test::read_file(k_old_golden));
  finding_list issues;
  auto migrated_plan = read_plan(old, &issues);
  EXPECT_TRUE(issues.items().empty()) << test::dump(issues.items());
  json::value migrated = to_json(migrated_plan);

  // Everything but the structure is the same: goals, indicators (their own
  // fields), items, projects and activities, field for field.
  std::size_t items = 0, projects = 0, activities = 0;
  const auto& old_goals = old.at("goals").as_array();
  const auto& new_goals = migrated.at("goals").as_array();
  ASSERT_EQ(old_goals.size(), new_goals.size());
  for (std::size_t g = 0; g < old_goals.size(); ++g) {
    const auto& old_indicators = old_goals[g].at("indicators").as_array();
    const auto& new_indicators = new_goals[g].at("indicators").as_array();
    ASSERT_EQ(old_indicators.size(), new_indicators.size());
    for (std::size_t i = 0; i < old_indicators.size(); ++i) {
      auto old_fields = old_indicators[i].as_object();
      auto new_fields = new_indicators[i].as_object();
      const auto old_items = old_fields.at("key_work_items").as_array();
      const auto new_items = new_fields.at("key_work_items").as_array();
      const auto new_projects = new_fields.at("projects").as_array();
      old_fields.erase("key_work_items");
      new_fields.erase("key_work_items");
      new_fields.erase("projects");
      with_measures(old_fields, false);
      EXPECT_EQ(old_fields, new_fields);
      ASSERT_EQ(old_items.size(), new_items.size());
      std::size_t k = 0;  // projects keep their document order
      for (std::size_t w = 0; w < old_items.size(); ++w) {
        auto item = old_items[w].as_object();
        auto nested = item.at("projects").as_array();
        item.erase("projects");
        EXPECT_EQ(json::value(item), new_items[w]);
        ++items;
        for (const auto& p : nested) {
          ASSERT_LT(k, new_projects.size());
          auto expected = p.as_object();
          expected["key_work_items"] = json::array{item.at("id")};  // the item it was under
          for (auto& a : expected["activities"].as_array()) {
            with_agency_refs(a.as_object());
            with_measures(a.as_object(), true);
          }
          auto actual = new_projects[k++].as_object();
          EXPECT_EQ(actual.at("key_work_items"), expected.at("key_work_items"));
          EXPECT_EQ(actual.at("activities"), expected.at("activities"));
          EXPECT_EQ(actual, expected);
          ++projects;
          activities += p.at("activities").as_array().size();
        }
      }
      EXPECT_EQ(k, new_projects.size());
    }
  }
  EXPECT_EQ(items, 21u);
  EXPECT_EQ(projects, 31u);
  EXPECT_EQ(activities, 38u);
  EXPECT_EQ(old.at("stated_totals"), migrated.at("stated_totals"));

  // Totals, progress items and findings read the old shape as the new.
  EXPECT_EQ(plan_type_.compute_totals(old).json, plan_type_.compute_totals(migrated).json);
  EXPECT_EQ(plan_type_.compute_totals(old).json.at("overall").at("budget_baht"), 1'145'840);
  auto old_items = plan_type_.progress_items(old);
  auto new_items = plan_type_.progress_items(migrated);
  ASSERT_EQ(old_items.size(), 38u);
  ASSERT_EQ(new_items.size(), 38u);
  for (std::size_t i = 0; i < old_items.size(); ++i) EXPECT_EQ(old_items[i].id, new_items[i].id);
  // The old structure's defect, now visible: 9 of the 21 items had no project.
  auto findings = plan_type_.validate(old, test::context("TH-96", 2566));
  EXPECT_EQ(std::count_if(findings.begin(), findings.end(),
                          [](const auto& f) { return f.code == "key_work_item_without_project"; }),
            9);

  // Against today's import, the differences are what the document says:
  // line 133's fragment on line 130's activity, line 186 under project ๑๔,
  // every project serving all of its indicator's items, and every quantity
  // of a target cell kept (lines 145 and 230–233 state two).
  std::map<std::string, std::pair<std::string, json::value>> by_id;  // activity id → (project id, activity)
  auto index = [](const json::value& c, std::map<std::string, std::pair<std::string, json::value>>& out) {
    for (const auto& g : c.at("goals").as_array())
      for (const auto& i : g.at("indicators").as_array())
        for (const auto& p : i.at("projects").as_array())
          for (const auto& a : p.at("activities").as_array())
            out[std::string(a.at("id").as_string())] = {std::string(p.at("id").as_string()), a};
  };
  std::map<std::string, std::pair<std::string, json::value>> now;
  index(migrated, by_id);
  index(content(), now);
  ASSERT_EQ(by_id.size(), now.size());
  std::vector<std::string> changed;
  for (const auto& [id, before] : by_id) {
    const auto& after = now.at(id);
    if (before.first != after.first) changed.push_back(id + " moved from " + before.first + " to " + after.first);
    for (const auto& m : before.second.as_object()) {
      if (m.value() != after.second.at(m.key())) changed.push_back(id + " " + std::string(m.key()));
    }
  }
  EXPECT_EQ(changed, (std::vector<std::string>{"a-12 target_text", "a-12 target", "a-24 moved from p-18 to p-16",
                                               "a-36 target_text", "a-36 target", "a-4 method", "a-5 method"}));
}

TEST_F(seed_import, keeps_the_committees_mandate_and_the_plans_it_serves) {
  // Lines 8–21: the committee, the order that sets its duties, and the eight duties.
  EXPECT_EQ(at("/narrative/committee/name"),
            "คณะกรรมการผลักดันการดำเนินงานตามแผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ "
            "จังหวัดนราธิวาส");
  EXPECT_TRUE(std::string(at("/narrative/committee/mandate/text").as_string()).starts_with("คำสั่งแต่งตั้งคณะกรรมการ"));
  const auto& duties = at("/narrative/committee/mandate/duties").as_array();
  ASSERT_EQ(duties.size(), 8u);
  EXPECT_TRUE(std::string(duties[0].as_string()).starts_with("จัดทำแผนปฏิบัติการขับเคลื่อนระดับจังหวัด"));
  EXPECT_TRUE(std::string(duties[7].as_string()).starts_with("แต่งตั้งคณะอนุกรรมการ"));
  // Duties ๖) and ๗) report: to the master plan's committee, and each
  // quarter to ศปท.มท., the ป.ป.ช. and the ป.ป.ท.
  const auto& reporting = at("/narrative/committee/reporting").as_array();
  ASSERT_EQ(reporting.size(), 2u);
  EXPECT_EQ(reporting[0].at("to"), json::parse(R"(["คณะกรรมการขับเคลื่อนแผนแม่บท"])"));
  EXPECT_EQ(reporting[0].at("every_months"), nullptr);
  EXPECT_EQ(reporting[1].at("to"), json::parse(R"(["ศปท.มท.", "ป.ป.ช.", "ป.ป.ท."])"));
  EXPECT_EQ(reporting[1].at("every_months"), 3);
  // Lines 24–30: the national master plan, the phase-2 national plan, the
  // sub-plan, and the province's five-year plan this year's plan is an edition of.
  EXPECT_EQ(at("/narrative/linked_plans"), json::parse(R"([
      {"scope": "master_plan", "title": "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ",
       "first_year": 2561, "last_year": 2580},
      {"scope": "national_action_plan", "title": "แผนปฏิบัติการด้านการต่อต้านการทุจริตและประพฤติมิชอบ ระยะที่ ๒",
       "first_year": 2566, "last_year": 2570},
      {"scope": "sub_plan", "title": "แผนย่อยการป้องกันการทุจริตและประพฤติมิชอบ", "first_year": null, "last_year": null},
      {"scope": "provincial_plan", "title": "แผนปฏิบัติการขับเคลื่อนระดับจังหวัด", "first_year": 2566, "last_year": 2570}
  ])"));
  // The document records no meeting that approved it: the fields stay empty for the officer.
  EXPECT_EQ(at("/narrative/approval"), json::parse(R"({"body": "", "meeting": "", "date": "", "resolution": ""})"));
}

TEST_F(seed_import, names_its_five_year_plan_and_this_years_indicator_targets) {
  auto span = plan_type_.span_of(content());
  ASSERT_TRUE(span);
  EXPECT_EQ(span->title, "แผนปฏิบัติการขับเคลื่อนระดับจังหวัด");
  EXPECT_EQ(span->first_year, 2566);
  EXPECT_EQ(span->last_year, 2570);
  const auto targets = plan_type_.indicator_targets(content(), 2566);
  ASSERT_EQ(targets.size(), 8u);
  EXPECT_EQ(targets[0].key, "1.1");
  EXPECT_EQ(targets[0].label, "ตัวชี้วัดที่ ๑.๑");  // as its activities' progress items name it
  EXPECT_EQ(targets[0].value, 80.0);
  EXPECT_EQ(targets[0].unit, "ร้อยละ");
  EXPECT_EQ(targets[3].direction, "decrease");  // ๒.๑ "ลดลงร้อยละ ๑๐"
  EXPECT_EQ(targets[4].key, "2.2");
  EXPECT_EQ(targets[4].value, std::nullopt);  // states no target
  const auto items = plan_type_.progress_items(content());
  EXPECT_EQ(items[0].indicator, targets[0].label);
  // An annual plan sets no other year's targets; content naming no
  // five-year plan has no span; neither throws on anything.
  EXPECT_TRUE(plan_type_.indicator_targets(content(), 2567).empty());
  auto bare = content();
  bare.as_object().erase("narrative");
  EXPECT_FALSE(plan_type_.span_of(bare));
  for (const char* odd : {"null", "[]", R"({"narrative": 3, "goals": {}})"}) {
    EXPECT_FALSE(plan_type_.span_of(json::parse(odd))) << odd;
    EXPECT_TRUE(plan_type_.indicator_targets(json::parse(odd), 2566).empty()) << odd;
  }
}

TEST_F(seed_import, reads_periods_as_fiscal_months) {
  auto months = [&](std::string_view activity) {
    const auto& period = at(std::string(activity) + "/period");
    return std::make_pair(period.at("first_month"), period.at("last_month"));
  };
  // Line 109: "เมษายน -มิถุนายน ๒๕๖๖" is April–June, fiscal months 7–9.
  EXPECT_EQ(months(k_line_109), std::make_pair(json::value(7), json::value(9)));
  // Line 139: "ตุลาคม – ธันวาคม ๒๕๖๕" is the first quarter of fiscal 2566.
  EXPECT_EQ(months(k_line_139), std::make_pair(json::value(1), json::value(3)));
  // Line 144: "ปีงบประมาณ พ.ศ. ๒๕๖๖", the whole year.
  EXPECT_EQ(months("/goals/0/indicators/1/projects/5/activities/0"), std::make_pair(json::value(1), json::value(12)));
  // Line 150: "ตุลาคม ธันวาคม ๒๕๖๕", no dash.
  EXPECT_EQ(months("/goals/0/indicators/1/projects/7/activities/0"), std::make_pair(json::value(1), json::value(3)));
  // Line 167: "ตุลาคม-มีนาคม ๒๕๖๖", one year for a range starting in 2565.
  EXPECT_EQ(months("/goals/0/indicators/2/projects/0/activities/1"), std::make_pair(json::value(1), json::value(6)));
}

TEST_F(seed_import, reads_indicators_and_their_targets) {
  struct expected_indicator {
    std::string number;
    json::value target;
    std::string unit;
    json::value served_by;
    std::string direction = "level";
  };
  // The summary pages (lines 41–95) list all indicators, then all targets;
  // ๒.๒ has none. Goal 2's table (line 206) follows five headings.
  std::vector<std::vector<expected_indicator>> expected = {
      {{"1.1", 80, "ร้อยละ", nullptr}, {"1.2", 80, "ร้อยละ", nullptr}, {"1.3", 100, "ร้อยละ", nullptr}},
      {{"2.1", 10, "ร้อยละ", nullptr, "decrease"},
       {"2.2", nullptr, "จำนวน", "i-4"},
       {"2.2.1", 10, "ร้อยละ", "i-4", "decrease"},
       {"2.2.2", 10, "ร้อยละ", "i-4", "decrease"},
       {"2.3", 25, "ร้อยละ", "i-4", "decrease"}},
  };
  for (std::size_t g = 0; g < expected.size(); ++g) {
    const auto& indicators = at("/goals/" + std::to_string(g) + "/indicators").as_array();
    ASSERT_EQ(indicators.size(), expected[g].size());
    for (std::size_t i = 0; i < indicators.size(); ++i) {
      SCOPED_TRACE(expected[g][i].number);
      EXPECT_EQ(indicators[i].at("number"), expected[g][i].number.c_str());
      const auto& target = indicators[i].at("target");
      const auto& measures = target.at("measures").as_array();
      EXPECT_EQ(measures.empty() ? json::value(nullptr) : measures[0].at("value"), expected[g][i].target);
      EXPECT_EQ(target.at("direction"), expected[g][i].direction.c_str());
      EXPECT_EQ(target.at("baseline"), nullptr);  // the document states none
      EXPECT_EQ(indicators[i].at("unit"), expected[g][i].unit.c_str());
      EXPECT_EQ(indicators[i].at("served_by"), expected[g][i].served_by);
    }
  }
  EXPECT_EQ(at("/goals/1/indicators/0/id"), "i-4");
  EXPECT_EQ(at("/goals/0/indicators/2/target_text"),
            "ปี ๒๕๖๖ หน่วยงานที่ผ่านเกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
            "ไม่น้อยกว่าร้อยละ ๑๐๐");
  EXPECT_EQ(at("/goals/1/title"), "คดีทุจริตและประพฤติมิชอบลดลง");
}

TEST_F(seed_import, reads_measurable_activity_targets) {
  EXPECT_EQ(at(std::string(k_line_109) + "/target"),
            json::parse(R"({"direction": "level", "measures": [{"value": 3, "unit": "แห่ง", "comparator": "at_least"}],
                            "baseline": null, "base_year": null})"));
  EXPECT_EQ(at(std::string(k_line_109) + "/target_text"), "ไม่น้อยกว่า ๓ แห่ง");
  // Line 186: "ร้อยละ ๘๒ ผ่านเกณฑ์…", a bare share: at least.
  EXPECT_EQ(at(std::string(k_line_186) + "/target/measures"),
            json::parse(R"([{"value": 82, "unit": "ร้อยละ", "comparator": "at_least"}])"));
  // Line 151: "… คุณธรรมที่พึงประสงค์ ๕ ประการ คือ …" describes, it does not target.
  EXPECT_EQ(at("/goals/0/indicators/1/projects/8/activities/0/target/measures"), json::array());
  // Line 145: "ข้าราชการผ่านการอบรมอย่างน้อย ๑ หลักสูตร จำนวน ๓ คน" is two measures.
  EXPECT_EQ(at(std::string(k_line_145) + "/target/measures"),
            json::parse(R"([{"value": 1, "unit": "หลักสูตร", "comparator": "at_least"},
                            {"value": 3, "unit": "คน", "comparator": "at_least"}])"));
  EXPECT_EQ(at(std::string(k_line_145) + "/target_text"), "อย่างน้อย ๑ หลักสูตร จำนวน ๓ คน");
}

TEST_F(seed_import, splits_agencies_at_paragraphs_and_bullets) {
  // The first named leads; the others support.
  EXPECT_EQ(at(std::string(k_line_109) + "/main_agencies"), json::parse(R"([{"name": "สำนักงาน ป.ป.ช. ประจำ จังหวัด"}])"));
  EXPECT_EQ(at(std::string(k_line_109) + "/supporting_agencies"),
            json::parse(R"([{"name": "สำนักงานศึกษาธิการ จังหวัด"}, {"name": "สำนักงานเขตพื้นที่ การศึกษา"},)"
                        R"({"name": "ประธานอาชีวศึกษา จังหวัด"}, {"name": "สำนักงานส่งเสริมการ ปกครองท้องถิ่นจังหวัด"}])"));
  // Line 220: bullets, then a paragraph; "STRONG-จิต" is one name.
  const std::string a220 = "/goals/1/indicators/0/projects/5/activities/0";
  EXPECT_EQ(at(a220 + "/main_agencies"), json::parse(R"([{"name": "ชมรม STRONG-จิตพอเพียงต้านทุจริต"}])"));
  EXPECT_EQ(at(a220 + "/supporting_agencies"),
            json::parse(R"([{"name": "คณะกรรมการกบิลจังหวัด"}, {"name": "สำนักงานคลังจังหวัดนราธิวาส"}])"));
}

// Every agency the seed names, linked to Narathiwat's directory
// (test::narathiwat_directory) by its text, whatever the spacing, the "สนง."
// or the province left out; 0 where the directory has no such agency, as
// the officer must decide.
TEST_F(seed_import, links_each_agency_to_the_directory_by_what_it_names) {
  const std::map<std::string, std::int64_t> expected = {
      {"สำนักงาน ป.ป.ช. ประจำ จังหวัด", 1},
      {"สำนักงาน ป.ป.ช. ประจำจังหวัด", 1},
      {"สำนักงานศึกษาธิการ จังหวัด", 2},
      {"สำนักงานเขตพื้นที่ การศึกษา", 0},  // primary or secondary? the document does not say
      {"ประธานอาชีวศึกษา จังหวัด", 0},   // a chairman, not an agency: miswritten
      {"สำนักงานส่งเสริมการ ปกครองท้องถิ่นจังหวัด", 6},
      {"ชมรม STRONG-จิตพอเพียงต้านทุจริต", 7},
      {"ชมรม STRONG-จิต พอเพียงต้านทุจริต", 7},
      {"เทศบาลตำบลหรือเสาะ", 0},  // รือเสาะ misspelt
      {"สำนักงานสาธารณสุขจังหวัดนราธิวาส", 9},
      {"สำนักงานสาธารณสุขจังหวัด นราธิวาส", 9},
      {"สำนักงานจังหวัดนราธิวาส", 10},
      {"สำนักงานจังหวัด นราธิวาส", 10},
      {"สำนักงานจังหวัด", 10},  // also with its sub-unit ศูนย์ดำรงธรรมจังหวัด
      {"สำนักงานการท่องเที่ยวกีฬาจังหวัดนราธิวาส", 0},  // "และ" left out
      {"สนง.ประชาสัมพันธ์จังหวัดนราธิวาส", 12},
      {"คณะธรรมภิบาลจังหวัด", 0},
      {"คณะกรรมการกบิลจังหวัด", 0},
      {"สำนักงานคลังจังหวัดนราธิวาส", 13},
      {"สำนักงานสาธารณสุขจังหวัดนครราชสีมา", 0},  // another province's
      {"สำนักงานที่ดินจังหวัด นราธิวาส", 14},
      {"สำนักงานพัฒนาชุมชน จังหวัดนราธิวาส", 15},
      {"สำนักงานพาณิชย์จังหวัด นราธิวาส", 16},
  };
  std::map<std::string, std::int64_t> linked;
  std::set<std::string> collective;
  for (const auto& g : linked_->content.at("goals").as_array()) {
    for (const auto& i : g.at("indicators").as_array()) {
      for (const auto& p : i.at("projects").as_array()) {
        for (const auto& a : p.at("activities").as_array()) {
          for (auto key : {"main_agencies", "supporting_agencies"}) {
            for (const auto& ref : plugin::read_agency_refs(&a.at(key))) {
              if (ref.collective) {
                EXPECT_FALSE(ref.agency_id) << ref.name;
                collective.insert(ref.name);
                continue;
              }
              auto it = linked.emplace(ref.name, ref.agency_id.value_or(0)).first;
              EXPECT_EQ(it->second, ref.agency_id.value_or(0)) << ref.name << " linked two ways";
            }
          }
        }
      }
    }
  }
  EXPECT_EQ(linked, expected);
  EXPECT_EQ(collective,
            (std::set<std::string>{"ราชการส่วนภูมิภาค ทุกส่วน", "องค์กรปกครองส่วนท้องถิ่นในจังหวัด", "หน่วยงานภาครัฐในจังหวัดนราธิวาส",
                                   "หน่วยงานภาครัฐ ภายในจังหวัด", "หน่วยงานที่ได้รับมอบหมายตามมติคณะรัฐมนตรี",
                                   "หน่วยงานภาครัฐใน จังหวัดนราธิวาส", "ส่วนราชการภูมิภาคทุก ส่วนราชการ"}));
  // Without a directory (a document converted offline) nothing is linked.
  EXPECT_EQ(json::serialize(content()).find("agency_id"), std::string::npos);
}

// Each name left unlinked is a warning on its reference that offers what
// the directory has that is close: the officer picks in the editor.
TEST_F(seed_import, offers_the_directorys_close_names_for_what_it_could_not_link) {
  std::map<std::string, std::string> offered;  // the name → the English message
  const json::value content = linked_->content;
  for (const auto& f : linked_->findings) {
    if (f.code != "agency_not_linked") continue;
    EXPECT_EQ(f.severity, "warning");
    const auto& ref = content.at_pointer(f.path);
    offered[std::string(ref.at("name").as_string())] = f.message_en;
  }
  EXPECT_EQ(offered.size(), 7u);
  auto offers = [&](const std::string& name, const std::string& suggestion) {
    return offered[name].find("\"" + suggestion + "\"") != std::string::npos;
  };
  EXPECT_TRUE(offers("เทศบาลตำบลหรือเสาะ", "เทศบาลตำบลรือเสาะ")) << offered["เทศบาลตำบลหรือเสาะ"];
  EXPECT_TRUE(offers("สำนักงานการท่องเที่ยวกีฬาจังหวัดนราธิวาส", "สำนักงานการท่องเที่ยวและกีฬาจังหวัดนราธิวาส"));
  EXPECT_TRUE(offers("สำนักงานเขตพื้นที่ การศึกษา", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานราธิวาส เขต ๑"));
  EXPECT_TRUE(offers("สำนักงานเขตพื้นที่ การศึกษา", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษานราธิวาส"));
  EXPECT_TRUE(offered.contains("คณะกรรมการกบิลจังหวัด"));
  // The plan's activities then report to the agency each names first, once each.
  auto items = plan_type_.progress_items(linked_->content);
  ASSERT_EQ(items.size(), 38u);
  std::map<std::int64_t, int> first;
  for (const auto& item : items) ++first[item.agency_ids.empty() ? 0 : item.agency_ids.front()];
  // Counted by hand from the agency column. Five name no agency the
  // directory has: lines 135 (หรือเสาะ), 145 (ท่องเที่ยวกีฬา), 223 and 224
  // (นครราชสีมา) and 235's "every agency"; the secretary assigns them.
  EXPECT_EQ(first, (std::map<std::int64_t, int>{
                       {0, 5}, {1, 14}, {7, 1}, {9, 9}, {10, 5}, {12, 1}, {14, 1}, {15, 1}, {16, 1}}));
}

TEST_F(seed_import, gives_unique_ids_and_the_same_content_twice) {
  std::set<std::string> ids;
  std::size_t count = 0;
  for (const auto& g : content().at("goals").as_array()) {
    ids.insert(std::string(g.at("id").as_string()));
    ++count;
    for (const auto& i : g.at("indicators").as_array()) {
      ids.insert(std::string(i.at("id").as_string()));
      ++count;
      for (const auto& w : i.at("key_work_items").as_array()) {
        ids.insert(std::string(w.at("id").as_string()));
        ++count;
      }
      for (const auto& p : i.at("projects").as_array()) {
        ids.insert(std::string(p.at("id").as_string()));
        ++count;
        for (const auto& a : p.at("activities").as_array()) {
          ids.insert(std::string(a.at("id").as_string()));
          ++count;
        }
      }
    }
  }
  EXPECT_EQ(ids.size(), count);
  EXPECT_EQ(count, 2u + 8u + 21u + 31u + 38u);
  auto again = plan_type_.import_document(test::seed(test::k_action_plan_seed), test::context());
  EXPECT_EQ(again.content, result_->content);
}

// The golden file's last update (projects under the indicator), read by hand
// against the seed; reads_the_old_shaped_golden_without_loss checks that
// nothing else changed:
// - every indicator's projects moved from under the key work item last
//   started (lines 109, 123–151, 165–186, 207–235) to the indicator, each
//   with "key_work_items" listing all of the indicator's items (the merged
//   cell); 9 of 21 items had no project before, none now;
// - line 133's first method paragraph "ตามองและแจ้งเบาะแส (Watch & Voice)
//   ให้กับสำนักงาน ป.ป.ช." left a-5 (line 133) and ends a-4 (line 130);
// - a-24 (line 186) moved from project ๑๖ (line 183) to project ๑๔ (line 178).
TEST_F(seed_import, matches_the_golden_content) {
  if (std::getenv("PLANFLOW_UPDATE_GOLDEN")) {
    std::string out;
    test::pretty(out, result_->content, 0);
    std::ofstream(k_golden, std::ios::binary) << out << "\n";
  }
  auto golden = json::parse(test::read_file(k_golden));
  EXPECT_EQ(test::first_difference(golden, result_->content), "")
      << "rerun with PLANFLOW_UPDATE_GOLDEN=1 after checking the change by hand";
}

TEST_F(seed_import, revalidates_with_the_same_findings) {
  // The importer's own findings (page headers, the shifted row, the
  // placeholder) are about the document; validate() sees only the content.
  auto findings = plan_type_.validate(result_->content, test::context("TH-96", 2566));
  std::vector<code_and_path> expected = {
      {"other_province", std::string(k_line_223) + "/main_agencies/0/name"},
      {"other_province", std::string(k_line_224) + "/main_agencies/0/name"},
  };
  EXPECT_EQ(test::codes(findings, "error"), expected) << test::dump(findings);
  // The content checks fire on the content itself, as they will on a plan
  // edited in the browser.
  EXPECT_EQ(test::codes(findings, "warning"), seed_content_warnings()) << test::dump(findings);
}

TEST_F(seed_import, lists_one_progress_item_per_activity) {
  auto items = plan_type_.progress_items(result_->content);
  ASSERT_EQ(items.size(), 38u);
  std::set<std::string> ids;
  for (const auto& item : items) ids.insert(item.id);
  EXPECT_EQ(ids.size(), 38u);  // every activity exactly once, line 186's (a-24) among them
  EXPECT_TRUE(ids.contains("a-24"));
  const auto& first = items[0];  // line 109
  EXPECT_EQ(first.id, "a-1");
  EXPECT_EQ(first.path, k_line_109);
  EXPECT_EQ(first.goal, "เป้าหมายที่ ๑");
  EXPECT_EQ(first.indicator, "ตัวชี้วัดที่ ๑.๑");
  EXPECT_EQ(first.budget_satang, std::nullopt);  // ไม่ใช้งบประมาณ
  EXPECT_TRUE(first.measurable);
  EXPECT_EQ(first.target_value, 3.0);
  EXPECT_EQ(first.unit, "แห่ง");
  EXPECT_EQ(first.agencies.size(), 5u);
  const auto& second = items[1];  // line 124
  EXPECT_EQ(second.budget_satang, 3'050'000);
  EXPECT_EQ(second.indicator, "ตัวชี้วัดที่ ๑.๒");
  std::int64_t sum = 0;
  for (const auto& item : items) sum += item.budget_satang.value_or(0);
  EXPECT_EQ(sum, 114'584'000);
  EXPECT_EQ(items.back().goal, "เป้าหมายที่ ๒");
}

TEST(seed_import_context, works_without_a_province_list) {
  // Without the 77 names only standalone "จังหวัดX" page-header lines are recognised.
  anti_corruption_plan plan;
  auto r = plan.import_document(test::seed(test::k_action_plan_seed), plugin::plan_context{});
  EXPECT_EQ(r.province_code, "");
  EXPECT_EQ(r.content.at("province").at("name_th"), "นราธิวาส");
  EXPECT_EQ(r.fiscal_year, 2566);
  auto errors = test::codes(r.findings, "error");
  std::vector<code_and_path> expected = {
      {"other_province", ""},
      {"other_province", ""},
  };
  EXPECT_EQ(errors, expected) << test::dump(r.findings);
}

TEST(seed_import_context, reports_a_plan_filed_under_another_province) {
  anti_corruption_plan plan;
  auto r = plan.import_document(test::seed(test::k_action_plan_seed), test::context("TH-30", 2567));
  EXPECT_EQ(r.province_code, "TH-96");  // what the document says
  EXPECT_TRUE(test::has(r.findings, "province_mismatch", "/province/code")) << test::dump(r.findings);
  EXPECT_TRUE(test::has(r.findings, "fiscal_year_mismatch", "/fiscal_year")) << test::dump(r.findings);
}

// --- detect -----------------------------------------------------------------

TEST(detect, recognises_the_action_plan_seed_only) {
  anti_corruption_plan plan;
  EXPECT_GE(plan.detect(test::seed(test::k_action_plan_seed)), 0.9);
  EXPECT_LT(plan.detect(test::seed(test::k_ethics_seed)), 0.5);
  EXPECT_LT(plan.detect(""), 0.5);
  EXPECT_LT(plan.detect("แผนปฏิบัติการขับเคลื่อนระดับจังหวัด ด้านการท่องเที่ยว"), 0.5);
  // The table alone fits other provincial plans too.
  EXPECT_LT(plan.detect("ลักษณะสำคัญของงาน\tโครงการ/กิจกรรม\tวิธีการดำเนินงาน\tตัวชี้วัด\tงบประมาณ\t"
                        "ระยะเวลาดำเนินการ\tหน่วยงานรับผิดชอบ\nเป้าหมายที่ ๑\nตัวชี้วัดที่ ๑.๑"),
            0.5);
  EXPECT_GE(plan.detect("แผนปฏิบัติการขับเคลื่อนระดับจังหวัด ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ"), 0.5);
}

// --- small documents --------------------------------------------------------

constexpr std::string_view k_header =
    "ลักษณะสำคัญของงาน\tโครงการ/กิจกรรม\tวิธีการดำเนินงาน\tตัวชี้วัด\tงบประมาณ\tระยะเวลาดำเนินการ\tหน่วยงานรับผิดชอบ\n";

std::string small_plan(std::string_view rows, std::string_view totals = "") {
  std::string doc =
      "**แผนปฏิบัติการขับเคลื่อนระดับจังหวัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๖**\n"
      "**ตามแผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ**\n"
      "**จังหวัดตรัง**\n\n"
      "**เป้าหมายที่ ๑ :** ประชาชนมีวัฒนธรรมและพฤติกรรมซื่อสัตย์สุจริต\n\n"
      "**ตัวชี้วัดที่ ๑.๑ :** ร้อยละของเด็กและเยาวชนไทยมีพฤติกรรมที่ยึดมั่นความซื่อสัตย์สุจริต\n\n"
      "**ค่าเป้าหมาย :** ปี ๒๕๖๖ ร้อยละ ๘๐\n\n";
  doc += k_header;
  doc += rows;
  doc += totals;
  return doc;
}

TEST(small_document, imports_a_clean_plan_without_findings) {
  anti_corruption_plan plan;
  auto r = plan.import_document(small_plan("๑. ส่งเสริมการมีส่วนร่วม\t๑.โครงการอบรม\tจัดอบรม\tผู้เข้าร่วมไม่น้อยกว่า ๕๐ คน\t"
                                           "๑๐,๐๐๐ บาท\tมกราคม – มีนาคม ๒๕๖๖\t-สำนักงานจังหวัดตรัง\n",
                                           "รวมจำนวน ๑ โครงการ/กิจกรรม\t\t\t\t๑๐,๐๐๐\t\t\n"),
                                test::context());
  EXPECT_EQ(r.province_code, "TH-92");
  EXPECT_TRUE(r.findings.empty()) << test::dump(r.findings);
  EXPECT_EQ(r.content.at("goals").at(0).at("stated_totals").at("budget_baht"), 10000);
}

TEST(small_document, links_every_project_to_every_key_work_item_of_its_table) {
  // Items ๑ and ๒ in one cell beside project ๑, item ๓ beside project ๒ on
  // the next page, project ๓ with no item beside it: one merged cell.
  anti_corruption_plan plan;
  std::string rows =
      "<p>๑. ส่งเสริม</p><p>๒. พัฒนา</p>\t๑.โครงการอบรม\tจัดอบรม\tผู้เข้าร่วม ๕๐ คน\tไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\t"
      "สำนักงานจังหวัดตรัง\n" +
      std::string(k_header) +
      "๓. เผยแพร่\t๒.โครงการสื่อ\tผลิตสื่อ\tสื่อ ๑ ชิ้น\tไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n"
      "\t๓.กิจกรรมประกาศนโยบาย\tประกาศ\tหน่วยงาน ๑๐ แห่ง\tไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n";
  auto r = plan.import_document(small_plan(rows), test::context());
  auto indicator = json::value(r.content).at_pointer("/goals/0/indicators/0");
  ASSERT_EQ(indicator.at("key_work_items").as_array().size(), 3u);
  const auto& projects = indicator.at("projects").as_array();
  ASSERT_EQ(projects.size(), 3u);
  for (const auto& p : projects) {
    EXPECT_EQ(p.at("key_work_items"), json::parse(R"(["w-1","w-2","w-3"])")) << p.at("title");
  }
  EXPECT_TRUE(test::codes(r.findings, "warning").empty()) << test::dump(r.findings);
}

TEST(small_document, joins_a_fragment_cut_by_a_page_break_to_the_activity_it_continues) {
  anti_corruption_plan plan;
  auto first = std::string(
      "๑. ส่งเสริม\t๑.โครงการอบรม\tจัดอบรมเครือข่ายจับ\tผู้เข้าร่วม ๕๐ คน\tไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\t"
      "สำนักงานจังหวัดตรัง\n");
  auto second = std::string(
      "\t๒.โครงการสื่อ\t<p>ตามองทุกไตรมาส</p><p>ผลิตสื่อ</p>\tสื่อ ๑ ชิ้น\tไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\t"
      "สำนักงานจังหวัดตรัง\n");
  auto r = plan.import_document(small_plan(first + std::string(k_header) + second), test::context());
  auto projects = json::value(r.content).at_pointer("/goals/0/indicators/0/projects").as_array();
  ASSERT_EQ(projects.size(), 2u);
  EXPECT_EQ(projects[0].at_pointer("/activities/0/method"), "จัดอบรมเครือข่ายจับตามองทุกไตรมาส");
  EXPECT_EQ(projects[1].at_pointer("/activities/0/method"), "ผลิตสื่อ");
  EXPECT_TRUE(test::has(r.findings, "fragment_joined", "/goals/0/indicators/0/projects/0/activities/0/method"))
      << test::dump(r.findings);

  // Not after a page break, or when the first paragraph is numbered, the cell is the row's own.
  for (const auto& doc :
       {small_plan(first + second), small_plan(first + std::string(k_header) +
                                               "\t๒.โครงการสื่อ\t<p>๑. วางแผน</p><p>๒. ผลิตสื่อ</p>\tสื่อ ๑ ชิ้น\t"
                                               "ไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n")}) {
    auto kept = plan.import_document(doc, test::context());
    EXPECT_EQ(json::value(kept.content).at_pointer("/goals/0/indicators/0/projects/0/activities/0/method"),
              "จัดอบรมเครือข่ายจับ");
    EXPECT_EQ(test::find(kept.findings, "fragment_joined"), nullptr) << test::dump(kept.findings);
  }
}

TEST(small_document, places_an_unnumbered_row_after_a_one_row_project_by_its_content) {
  anti_corruption_plan plan;
  auto projects_rows = std::string(
      "๑. ส่งเสริม\t๑.โครงการอบรมผู้ตรวจประเมินข้อมูลสาธารณะ\tอบรมผู้ตรวจประเมินข้อมูลสาธารณะทุกไตรมาส\t"
      "ผู้เข้าร่วม ๕๐ คน\tไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\t-สำนักงานสาธารณสุขจังหวัด ตรัง\n"
      "\t๒.โครงการประชาสัมพันธ์\tผลิตโปสเตอร์\tโปสเตอร์ ๔ ชิ้น\tไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n");
  // The same agency as ๑ (spacing and bullet aside) and ๑'s wording: it is ๑'s.
  auto r = plan.import_document(
      small_plan(projects_rows + "\tกิจกรรมตรวจประเมินข้อมูลสาธารณะรายไตรมาส\tผู้ตรวจประเมินข้อมูลสาธารณะตรวจทุกไตรมาส\t"
                                 "หน่วยงาน ๑๐ แห่ง\tไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\tสำนักงานสาธารณสุขจังหวัดตรัง\n"),
      test::context());
  auto projects = json::value(r.content).at_pointer("/goals/0/indicators/0/projects").as_array();
  ASSERT_EQ(projects.size(), 2u);
  ASSERT_EQ(projects[0].at("activities").as_array().size(), 2u);
  EXPECT_EQ(projects[0].at_pointer("/activities/1/title"), "กิจกรรมตรวจประเมินข้อมูลสาธารณะรายไตรมาส");
  EXPECT_EQ(projects[1].at("activities").as_array().size(), 1u);
  const auto* f = test::find(r.findings, "row_placed_by_content");
  ASSERT_NE(f, nullptr) << test::dump(r.findings);
  EXPECT_EQ(f->path, "/goals/0/indicators/0/projects/0");
  EXPECT_NE(f->message_en.find("line 14"), std::string::npos) << f->message_en;  // the third row

  // No project shares its agency: it stays with the project before it, as before.
  auto stays =
      plan.import_document(small_plan(projects_rows + "\tกิจกรรมตรวจประเมินข้อมูลสาธารณะรายไตรมาส\tตรวจ\tหน่วยงาน ๑๐ แห่ง\t"
                                                      "ไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\tสำนักงานพัฒนาชุมชนจังหวัดตรัง\n"),
                           test::context());
  EXPECT_EQ(json::value(stays.content).at_pointer("/goals/0/indicators/0/projects/1/activities").as_array().size(), 2u);
  EXPECT_EQ(test::find(stays.findings, "row_placed_by_content"), nullptr) << test::dump(stays.findings);

  // Under a heading row (a project without data of its own) unnumbered rows are its activities.
  auto heading =
      plan.import_document(small_plan("๑. ส่งเสริม\t๑.โครงการอบรม\t\t\t\t\t\n"
                                      "\tกิจกรรมหนึ่ง\tอบรม\tผู้เข้าร่วม ๕๐ คน\tไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n"
                                      "\tกิจกรรมสอง\tอบรม\tผู้เข้าร่วม ๕๐ คน\tไม่ใช้งบประมาณ\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n"),
                           test::context());
  EXPECT_EQ(json::value(heading.content).at_pointer("/goals/0/indicators/0/projects/0/activities").as_array().size(),
            2u);
  EXPECT_EQ(test::find(heading.findings, "row_placed_by_content"), nullptr) << test::dump(heading.findings);
}

TEST(small_document, lists_the_cells_of_a_totals_row_it_cannot_place) {
  anti_corruption_plan plan;
  auto r = plan.import_document(
      small_plan("๑. ส่งเสริม\t๑.โครงการอบรม\tจัดอบรม\tผู้เข้าร่วม ๕๐ คน\t๑๐,๐๐๐ บาท\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n",
                 "รวมจำนวน ๑ โครงการ/กิจกรรม\tหมายเหตุ งบจังหวัด\t\t\t๑๐,๐๐๐\t\t\n"),
      test::context());
  std::vector<const plugin::finding*> unplaced;
  for (const auto& f : r.findings) {
    if (f.code == "unplaced_cell") unplaced.push_back(&f);
  }
  ASSERT_EQ(unplaced.size(), 1u) << test::dump(r.findings);  // the label and the amount are stated totals
  EXPECT_EQ(unplaced[0]->severity, "warning");
  EXPECT_NE(unplaced[0]->message_en.find("line 13: the project/activity cell of a totals row was not imported: "
                                         "\"หมายเหตุ งบจังหวัด\""),
            std::string::npos)
      << unplaced[0]->message_en;
  EXPECT_EQ(json::value(r.content).at_pointer("/goals/0/stated_totals"),
            json::parse(R"({"projects":1,"budget_baht":10000})"));
}

TEST(small_document, flags_a_stated_total_that_does_not_add_up) {
  anti_corruption_plan plan;
  auto r = plan.import_document(
      small_plan("๑. ส่งเสริม\t๑.โครงการอบรม\tจัดอบรม\tผู้เข้าร่วม ๕๐ คน\t๑๐,๐๐๐ บาท\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n"
                 "\t๒.โครงการสื่อ\tผลิตสื่อ\tสื่อ ๑ ชิ้น\t๕,๕๐๐ บาท\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n",
                 "รวมจำนวน ๓ โครงการ/กิจกรรม\t\t\t\t๑๖,๐๐๐\t\t\n"),
      test::context());
  EXPECT_TRUE(test::has(r.findings, "total_mismatch", "/goals/0/stated_totals/projects")) << test::dump(r.findings);
  const auto* budget = test::find(r.findings, "total_mismatch");
  ASSERT_NE(budget, nullptr);
  std::vector<code_and_path> expected = {{"total_mismatch", "/goals/0/stated_totals/projects"},
                                         {"total_mismatch", "/goals/0/stated_totals/budget_baht"}};
  EXPECT_EQ(test::codes(r.findings, "error"), expected) << test::dump(r.findings);
  std::string budget_message;
  for (const auto& f : r.findings) {
    if (f.path == "/goals/0/stated_totals/budget_baht") budget_message = f.message_en + " | " + f.message_th;
  }
  EXPECT_NE(budget_message.find("expected 15,500 baht"), std::string::npos) << budget_message;
  EXPECT_NE(budget_message.find("states 16,000 baht"), std::string::npos) << budget_message;
  EXPECT_NE(budget_message.find("๑๖,๐๐๐"), std::string::npos) << budget_message;
}

TEST(small_document, reports_budgets_agencies_and_periods_it_cannot_read) {
  anti_corruption_plan plan;
  auto r = plan.import_document(
      small_plan("๑. ส่งเสริม\t๑.โครงการอบรม\tจัดอบรม\tร้อยละ ๑๒๐\tประมาณหนึ่งหมื่นบาท\tตุลาคม – ธันวาคม ๒๕๖๖\t\n"),
      test::context());
  std::string a = "/goals/0/indicators/0/projects/0/activities/0";
  std::vector<code_and_path> expected = {{"percentage_over_100", a + "/target/measures/0/value"},
                                         {"unparseable_budget", a + "/budget"},
                                         {"period_outside_fiscal_year", a + "/period"},
                                         {"missing_agency", a + "/main_agencies"}};
  EXPECT_EQ(test::codes(r.findings, "error"), expected) << test::dump(r.findings);
}

TEST(small_document, does_not_blame_the_stated_total_for_an_unreadable_budget) {
  // 10,000 + an unreadable cell, stated 15,500: the total may be right, the cell is the problem.
  anti_corruption_plan plan;
  auto r = plan.import_document(
      small_plan("๑. ส่งเสริม\t๑.โครงการอบรม\tจัดอบรม\tผู้เข้าร่วม ๕๐ คน\t๑๐,๐๐๐ บาท\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n"
                 "\t๒.โครงการสื่อ\tผลิตสื่อ\tสื่อ ๑ ชิ้น\t๕,๕๐o บาท\tมกราคม ๒๕๖๖\tสำนักงานจังหวัดตรัง\n",
                 "รวมจำนวน ๒ โครงการ/กิจกรรม\t\t\t\t๑๕,๕๐๐\t\t\n"),
      test::context());
  std::vector<code_and_path> expected = {
      {"unparseable_budget", "/goals/0/indicators/0/projects/1/activities/0/budget"}};
  EXPECT_EQ(test::codes(r.findings, "error"), expected) << test::dump(r.findings);
}

TEST(small_document, warns_about_another_year_in_lines_the_content_does_not_keep) {
  anti_corruption_plan plan;
  std::string doc = small_plan(
      "๑. ส่งเสริม\t๑.โครงการอบรม\tจัดอบรม\tผู้เข้าร่วม ๕๐ คน\t๑๐,๐๐๐ บาท\tมกราคม ๒๕๖๖\t"
      "สำนักงานจังหวัดตรัง\n\n"
      "**แผนปฏิบัติการขับเคลื่อนระดับจังหวัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๕**\n\n"
      "คณะกรรมการรายงานผลการดำเนินงานประจำปี พ.ศ. ๒๕๖๖ เป็นรายไตรมาส\n\n"
      // A goal title on its own paragraph is content: validate() reports it, with its pointer.
      "เป้าหมายที่ ๒\n\nคดีทุจริตลดลงจากปี พ.ศ. ๒๕๖๔\n");
  auto r = plan.import_document(doc, test::context());
  // Line 16 is a paragraph after the tables that the content has no place
  // for: listed with its line.
  std::vector<code_and_path> expected = {{"year_outside_fiscal_year", ""},
                                         {"unplaced_cell", ""},
                                         {"year_outside_fiscal_year", "/goals/1/title"},
                                         {"goal_without_activities", "/goals/1"}};
  EXPECT_EQ(test::codes(r.findings, "warning"), expected) << test::dump(r.findings);
  ASSERT_EQ(r.findings.size(), 4u);
  EXPECT_NE(r.findings[1].message_en.find("line 16: a paragraph outside the tables was not imported"),
            std::string::npos)
      << r.findings[1].message_en;
  EXPECT_NE(r.findings[0].message_en.find("line 14 states the year 2565"), std::string::npos)
      << r.findings[0].message_en;
  EXPECT_NE(r.findings[0].message_th.find("บรรทัด ๑๔"), std::string::npos) << r.findings[0].message_th;
}

TEST(small_document, keeps_rows_before_any_indicator) {
  anti_corruption_plan plan;
  std::string doc = std::string(k_header) + "งาน\tกิจกรรมหนึ่ง\tวิธี\tตัวชี้วัด\t๑๐๐ บาท\tมกราคม ๒๕๖๖\tหน่วยงาน\n";
  auto r = plan.import_document(doc, test::context("TH-92", 2566));
  EXPECT_TRUE(test::has(r.findings, "rows_without_indicator", "/goals/0/indicators/0")) << test::dump(r.findings);
  EXPECT_EQ(plan.compute_totals(r.content).json.at("overall").at("budget_baht"), 100);
}

TEST(small_document, matches_targets_listed_after_their_indicators) {
  anti_corruption_plan plan;
  auto r = plan.import_document(
      "เป้าหมายที่ ๑ ประชาชนซื่อสัตย์\n\nตัวชี้วัดที่ ๑.๑\n\nร้อยละของเด็กที่ซื่อสัตย์\n\n"
      "ตัวชี้วัดที่ ๑.๒ จำนวนหน่วยงานที่ผ่านเกณฑ์ประเมิน\n\n"
      "ค่าเป้าหมาย\n\nหน่วยงานที่ผ่านเกณฑ์ประเมิน จำนวน ๓๐ แห่ง\n\n"
      "ค่าเป้าหมาย\n\nเด็กที่ซื่อสัตย์ ร้อยละ ๙๐\n\n"
      "ค่าเป้าหมาย\n\nเรื่องอื่นโดยสิ้นเชิง ๔ เรื่อง\n",
      test::context());
  const auto& indicators = r.content.at("goals").at(0).at("indicators");
  EXPECT_EQ(indicators.at(0).at("target").at("measures").at(0).at("value"), 90);
  EXPECT_EQ(indicators.at(1).at("target").at("measures").at(0).at("value"), 30);
  EXPECT_EQ(indicators.at(1).at("unit"), "แห่ง");
  EXPECT_EQ(indicators.at(0).at("text"), "ร้อยละของเด็กที่ซื่อสัตย์");
  EXPECT_TRUE(test::has(r.findings, "conflicting_target", "/goals/0/indicators/1/target_text") ||
              test::has(r.findings, "unmatched_target", ""))
      << test::dump(r.findings);
}

TEST(small_document, warns_about_cells_outside_the_columns_and_truncation) {
  anti_corruption_plan plan;
  auto r = plan.import_document(small_plan("๑. ส่งเสริม\t๑.โครงการ\tวิธี\tตัวชี้วัด\t๑๐ บาท\tมกราคม ๒๕๖๖\tหน่วยงาน\tเกิน\n"),
                                test::context());
  // The eighth cell has no header: listed with its line and text, not dropped.
  const auto* unplaced = test::find(r.findings, "unplaced_cell");
  ASSERT_NE(unplaced, nullptr) << test::dump(r.findings);
  EXPECT_EQ(unplaced->severity, "warning");
  EXPECT_EQ(unplaced->path, "");
  EXPECT_NE(unplaced->message_en.find("\"เกิน\""), std::string::npos) << unplaced->message_en;
  EXPECT_NE(unplaced->message_en.find("line "), std::string::npos) << unplaced->message_en;
  auto big = plan.import_document(std::string(9 * 1024 * 1024, 'x'), test::context());
  EXPECT_TRUE(test::has(big.findings, "document_truncated", "")) << test::dump(big.findings);
}

TEST(import, reads_the_ethics_seed_without_claiming_it) {
  anti_corruption_plan plan;
  auto r = plan.import_document(test::seed(test::k_ethics_seed), test::context());
  EXPECT_EQ(r.province_code, "TH-96");
  EXPECT_EQ(r.fiscal_year, 2569);
  // Whatever was read is well-formed content.
  for (const auto& f : r.findings) {
    EXPECT_NE(f.code, "invalid_type") << f.path;
    EXPECT_NE(f.code, "missing_field") << f.path;
    EXPECT_NE(f.code, "import_failed") << f.message_en;
  }
}

// --- robustness -------------------------------------------------------------

// The importer's output is always structurally valid content, whatever the input.
void expect_well_formed(const plugin::import_result& r, const std::string& what) {
  for (const auto& f : r.findings) {
    ASSERT_NE(f.code, "invalid_type") << what << " " << f.path;
    ASSERT_NE(f.code, "missing_field") << what << " " << f.path;
    ASSERT_NE(f.code, "unknown_field") << what << " " << f.path;
    ASSERT_NE(f.code, "import_failed") << what << " " << f.message_en;
    ASSERT_NE(f.code, "internal_error") << what << " " << f.message_en;
  }
}

TEST(import_robustness, survives_mangled_seeds_and_random_bytes) {
  anti_corruption_plan plan;
  auto ctx = test::context();
  std::string seed = test::seed(test::k_action_plan_seed);
  std::mt19937 rng(20240601);

  // Every prefix cut at a random point, including inside a UTF-8 sequence.
  for (int i = 0; i < 40; ++i) {
    auto cut = std::uniform_int_distribution<std::size_t>(0, seed.size())(rng);
    expect_well_formed(plan.import_document(seed.substr(0, cut), ctx), "prefix " + std::to_string(cut));
  }
  // Lines shuffled, dropped and duplicated.
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < seed.size();) {
    auto end = seed.find('\n', start);
    if (end == std::string::npos) end = seed.size();
    lines.push_back(seed.substr(start, end - start));
    start = end + 1;
  }
  for (int i = 0; i < 30; ++i) {
    auto copy = lines;
    std::shuffle(copy.begin(), copy.end(), rng);
    copy.resize(std::uniform_int_distribution<std::size_t>(0, copy.size())(rng));
    std::string doc;
    for (const auto& l : copy) doc += l + (i % 3 == 0 ? "\n" + l + "\n" : "\n");
    expect_well_formed(plan.import_document(doc, ctx), "shuffle " + std::to_string(i));
  }
  // Bytes flipped into tabs, newlines, '<', digits and stray UTF-8.
  const std::string noise[] = {"\t", "\n", "<", ">", "๑", ".", "\xE0", "\xB9", "\x00", "รวม", "จังหวัด", "ค่าเป้าหมาย"};
  for (int i = 0; i < 40; ++i) {
    std::string doc = seed;
    for (int k = 0; k < 200; ++k) {
      auto at = std::uniform_int_distribution<std::size_t>(0, doc.size() - 1)(rng);
      const auto& n = noise[std::uniform_int_distribution<std::size_t>(0, std::size(noise) - 1)(rng)];
      doc.replace(at, 1, n);
    }
    expect_well_formed(plan.import_document(doc, ctx), "noise " + std::to_string(i));
  }
  // Random bytes.
  for (int i = 0; i < 40; ++i) {
    std::string doc(std::uniform_int_distribution<std::size_t>(0, 4000)(rng), '\0');
    for (auto& c : doc) c = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    expect_well_formed(plan.import_document(doc, ctx), "random " + std::to_string(i));
  }
}

TEST(import_robustness, stays_linear_on_adversarial_documents) {
  anti_corruption_plan plan;
  auto ctx = test::context();
  std::vector<std::string> docs;
  auto repeat = [](std::string_view unit, std::size_t bytes) {
    std::string out;
    while (out.size() < bytes) out += unit;
    return out;
  };
  constexpr std::size_t k_size = 2 * 1024 * 1024;
  docs.push_back(repeat("จังหวัด", k_size));
  docs.push_back(repeat("\t", k_size));
  docs.push_back(repeat("<", k_size));
  docs.push_back(repeat("<p", k_size));
  docs.push_back(repeat("๑.", k_size));
  docs.push_back(repeat("ตัวชี้วัดที่ ๑.๑\n", k_size));
  docs.push_back(repeat("ค่าเป้าหมาย ร้อยละ ๘๐\n", k_size));
  // Many distinct indicators, then many targets: the matching is bounded.
  std::string many;
  for (int i = 1; many.size() < k_size / 2; ++i) many += "ตัวชี้วัดที่ ๑." + std::to_string(i) + " ข้อความยาวของตัวชี้วัด\n";
  many += repeat("ค่าเป้าหมาย\n\nข้อความยาวของตัวชี้วัด ร้อยละ ๕\n", k_size / 2);
  docs.push_back(many);
  docs.push_back(repeat("\tกิจกรรม\tวิธี\tตัวชี้วัด\t๑๐ บาท\tมกราคม ๒๕๖๖\tหน่วยงาน\n", k_size));
  docs.push_back(repeat("\t\t\tต่อ\t\t\t\n", k_size));
  // One-row projects each followed by an unnumbered row of the same agency:
  // every such row looks for its project among the table's.
  docs.push_back("ตัวชี้วัดที่ ๑.๑ ก\n" + repeat("\t๑.โครงการ\tวิธี\tตัวชี้วัด\t๑๐ บาท\tมกราคม ๒๕๖๖\tหน่วยงาน\n"
                                           "\tกิจกรรม\tวิธี\tตัวชี้วัด\t๑๐ บาท\tมกราคม ๒๕๖๖\tหน่วยงาน\n",
                                           k_size));
  // A page break before every row, each with a fragment to join.
  docs.push_back(
      "ตัวชี้วัดที่ ๑.๑ ก\n" +
      repeat(std::string(k_header) + "\tกิจกรรม\t<p>ต่อ</p><p>วิธี</p>\tตัวชี้วัด\t๑๐ บาท\tมกราคม ๒๕๖๖\tหน่วยงาน\n", k_size));
  // One huge method cell for the year and national-wording scans of validate().
  docs.push_back("ตัวชี้วัดที่ ๑.๑ ก\n\tกิจกรรม\t" + repeat("ปี ๒๕๖๕ ปี  ๗๖ จังหวัด ทุก ", k_size) +
                 "\tตัวชี้วัด\t๑๐ บาท\tมกราคม ๒๕๖๖\tหน่วยงาน\n");
  for (const auto& doc : docs) {
    auto start = std::chrono::steady_clock::now();
    auto r = plan.import_document(doc, ctx);
    auto elapsed = std::chrono::steady_clock::now() - start;
    expect_well_formed(r, doc.substr(0, 40));
    // Generous: a few hundred milliseconds each on the build machine.
    EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 20) << doc.substr(0, 40);
    EXPECT_LE(r.findings.size(), 2001u);
  }
}

}  // namespace
}  // namespace planflow::plugins::anti_corruption
