// validate(), compute_totals(), progress_items(), empty_content() and the
// schema on small hand-made contents.
#include "content_model.hpp"
#include "plugin.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <functional>

extern "C" int planflow_plugin_abi_version();
extern "C" planflow::plugin::plan_type* planflow_plugin_create();

namespace planflow::plugins::anti_corruption {
namespace {

namespace json = boost::json;
using test::code_and_path;

constexpr std::string_view k_a0 = "/goals/0/indicators/0/projects/0/activities/0";
constexpr std::string_view k_a1 = "/goals/0/indicators/0/projects/0/activities/1";

// One goal, one indicator, one work item, one project serving it with two
// activities, totals stated correctly: it validates without any finding.
json::value valid_plan() {
  return json::parse(R"({
    "province": {"code": "TH-96", "name_th": "นราธิวาส"},
    "fiscal_year": 2566,
    "title": "แผนปฏิบัติการขับเคลื่อนระดับจังหวัด ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ จังหวัดนราธิวาส",
    "goals": [{
      "id": "g-1", "number": 1, "title": "ประชาชนมีวัฒนธรรมและพฤติกรรมซื่อสัตย์สุจริต",
      "indicators": [{
        "id": "i-1", "number": "1.1", "text": "ร้อยละของเด็กและเยาวชนไทยมีพฤติกรรมที่ยึดมั่นความซื่อสัตย์สุจริต",
        "unit": "ร้อยละ", "target_text": "ปี ๒๕๖๖ ร้อยละ ๘๐",
        "target": {"direction": "level", "measures": [{"value": 80, "unit": "ร้อยละ", "comparator": "at_least"}], "baseline": null, "base_year": null}, "served_by": null,
        "key_work_items": [{"id": "w-1", "number": "1", "text": "ส่งเสริมการมีส่วนร่วม"}],
        "projects": [{
            "id": "p-1", "number": "1", "title": "โครงการ STRONG – จิตพอเพียงต้านทุจริต", "key_work_items": ["w-1"],
            "activities": [
              {"id": "a-1", "number": "", "title": "กิจกรรมการประชุมเชิงปฏิบัติการ", "method": "จัดประชุม",
               "indicator_text": "ผู้เข้าร่วมประชุมไม่น้อยกว่า ๒๕ คน", "target_text": "ไม่น้อยกว่า ๒๕ คน",
               "target": {"direction": "level", "measures": [{"value": 25, "unit": "คน", "comparator": "at_least"}], "baseline": null, "base_year": null},
               "budget": {"kind": "amount", "baht": 30500, "text": "๓๐,๕๐๐ บาท"},
               "period": {"text": "เมษายน – มิถุนายน ๒๕๖๖", "first_month": 7, "last_month": 9},
               "main_agencies": [{"name": "สำนักงาน ป.ป.ช. ประจำจังหวัด"}],
               "supporting_agencies": [{"name": "ชมรม STRONG-จิตพอเพียงต้านทุจริต จังหวัด นราธิวาส"}]},
              {"id": "a-2", "number": "", "title": "กิจกรรมผลิตสื่อเพื่อการเรียนรู้", "method": "ผลิตสื่อ",
               "indicator_text": "ผลิตสื่อไม่น้อยกว่า ๑ สื่อ", "target_text": "ไม่น้อยกว่า ๑ สื่อ",
               "target": {"direction": "level", "measures": [{"value": 1, "unit": "สื่อ", "comparator": "at_least"}], "baseline": null, "base_year": null},
               "budget": {"kind": "none", "baht": null, "text": "ไม่ใช้งบประมาณ"},
               "period": {"text": "ปีงบประมาณ พ.ศ. ๒๕๖๖", "first_month": 1, "last_month": 12},
               "main_agencies": [{"name": "สำนักงานจังหวัดนราธิวาส"}], "supporting_agencies": []}
            ]}]}],
      "stated_totals": {"projects": 1, "activities": 2, "budget_baht": 30500}
    }],
    "stated_totals": {"goals": 1, "projects": 1, "activities": 2, "budget_baht": 30500}
  })");
}

plugin::plan_context narathiwat() { return test::context("TH-96", 2566); }

std::vector<plugin::finding> check(const json::value& content, const plugin::plan_context& ctx = narathiwat()) {
  return anti_corruption_plan().validate(content, ctx);
}

// validate() after `change` is applied to the valid plan.
std::vector<plugin::finding> check_changed(const std::function<void(json::value&)>& change,
                                           const plugin::plan_context& ctx = narathiwat()) {
  auto content = valid_plan();
  change(content);
  return check(content, ctx);
}

json::value& at(json::value& v, std::string_view pointer) { return v.at_pointer(pointer); }
std::string path(std::string_view base, std::string_view rest) { return std::string(base) + std::string(rest); }

#define EXPECT_FINDING(findings, code, pointer)                                                   \
  do {                                                                                            \
    const auto& found_ = (findings);                                                              \
    EXPECT_TRUE(test::has(found_, code, pointer)) << "want " << code << " at " << pointer << "\n" \
                                                  << test::dump(found_);                          \
  } while (false)

TEST(validate, accepts_the_valid_plan_silently) {
  auto findings = check(valid_plan());
  EXPECT_TRUE(findings.empty()) << test::dump(findings);
}

// --- structure ---------------------------------------------------------------

TEST(validate, reports_structure_with_json_pointers) {
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals") = "x"; }), "invalid_type", "/goals");
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/budget")) = 5; }), "invalid_type",
                 path(k_a0, "/budget"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/main_agencies")).as_array().push_back(7); }),
                 "invalid_type", path(k_a0, "/main_agencies/1"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/supporting_agencies/0")).as_object().erase("name"); }),
                 "missing_field", path(k_a0, "/supporting_agencies/0/name"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/main_agencies/0")).as_object()["agency_id"] = "12"; }),
                 "invalid_value", path(k_a0, "/main_agencies/0/agency_id"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "")).as_object().erase("main_agencies"); }),
                 "missing_field", path(k_a0, "/main_agencies"));
  EXPECT_FINDING(check_changed([](auto& c) { c.as_object().erase("province"); }), "missing_field", "/province");
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/budget")).as_object().erase("kind"); }),
                 "missing_field", path(k_a0, "/budget/kind"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/period/first_month")) = 13; }), "invalid_value",
                 path(k_a0, "/period/first_month"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/period/first_month")) = nullptr; }), "invalid_value",
                 path(k_a0, "/period"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/period/first_month")) = 10; }), "invalid_value",
                 path(k_a0, "/period"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/budget/kind")) = "lots"; }), "invalid_value",
                 path(k_a0, "/budget/kind"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/budget/baht")) = -5; }), "invalid_value",
                 path(k_a0, "/budget/baht"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/budget/baht")) = 1.005; }), "invalid_value",
                 path(k_a0, "/budget/baht"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a1, "/budget/baht")) = 100; }), "invalid_value",
                 path(k_a1, "/budget/baht"));
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/fiscal_year") = 1999; }), "invalid_value", "/fiscal_year");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/id") = "g 1"; }), "invalid_value", "/goals/0/id");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/indicators/0/number") = "หนึ่ง"; }), "invalid_value",
                 "/goals/0/indicators/0/number");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/number") = 0; }), "invalid_value", "/goals/0/number");
  auto unknown = check_changed([](auto& c) { c.as_object()["colour"] = "red"; });
  EXPECT_FINDING(unknown, "unknown_field", "/colour");
  EXPECT_EQ(test::codes(unknown, "error").size(), 0u) << test::dump(unknown);
}

TEST(validate, never_throws_for_any_json_value) {
  anti_corruption_plan plan;
  auto ctx = narathiwat();
  const std::vector<json::value> garbage = {nullptr,
                                            true,
                                            0,
                                            -1,
                                            1.5,
                                            1e308,
                                            "",
                                            "x",
                                            json::array{},
                                            json::object{},
                                            json::array{1, "a", nullptr},
                                            json::parse(R"({"a":{"b":[]}})")};
  auto exercise = [&](const json::value& v) {
    EXPECT_NO_THROW({
      auto findings = plan.validate(v, ctx);
      (void)plan.compute_totals(v);
      (void)plan.progress_items(v);
      (void)plan.validate(v, plugin::plan_context{});
    });
  };
  for (const auto& g : garbage) exercise(g);

  // Every member and element of the valid plan replaced by each garbage value, and removed.
  std::vector<std::string> pointers;
  std::vector<std::pair<std::string, const json::value*>> todo{{"", nullptr}};
  auto root = valid_plan();
  todo[0].second = &root;
  while (!todo.empty()) {
    auto [pointer, node] = todo.back();
    todo.pop_back();
    if (!pointer.empty()) pointers.push_back(pointer);
    if (const auto* o = node->if_object()) {
      for (const auto& m : *o) todo.emplace_back(pointer + "/" + std::string(m.key()), &m.value());
    } else if (const auto* a = node->if_array()) {
      for (std::size_t i = 0; i < a->size(); ++i) todo.emplace_back(pointer + "/" + std::to_string(i), &(*a)[i]);
    }
  }
  ASSERT_GT(pointers.size(), 60u);
  for (const auto& pointer : pointers) {
    for (const auto& g : garbage) {
      auto content = valid_plan();
      at(content, pointer) = g;
      exercise(content);
    }
    auto content = valid_plan();
    auto slash = pointer.rfind('/');
    auto& parent = at(content, pointer.substr(0, slash));
    if (auto* o = parent.if_object())
      o->erase(pointer.substr(slash + 1));
    else
      parent.as_array().erase(parent.as_array().begin() + std::stoi(pointer.substr(slash + 1)));
    exercise(content);
  }

  // Deep nesting where the model expects flat values.
  json::value deep = json::array{};
  for (int i = 0; i < 500; ++i) deep = json::array{deep};
  exercise(deep);
  auto content = valid_plan();
  at(content, path(k_a0, "/title")) = deep;
  exercise(content);
}

// --- consistency -------------------------------------------------------------

TEST(validate, flags_duplicate_ids_anywhere_in_the_plan) {
  auto findings = check_changed([&](auto& c) { at(c, path(k_a1, "/id")) = "g-1"; });
  EXPECT_FINDING(findings, "duplicate_id", path(k_a1, "/id"));
  EXPECT_EQ(test::find(findings, "duplicate_id")->severity, "error");
}

TEST(validate, compares_stated_totals_with_computed_ones) {
  auto findings = check_changed([](auto& c) {
    at(c, "/goals/0/stated_totals/budget_baht") = 30000;
    at(c, "/goals/0/stated_totals/activities") = 3;
    at(c, "/stated_totals/projects") = 2;
    at(c, "/stated_totals/goals") = 2;
  });
  std::vector<code_and_path> expected = {{"total_mismatch", "/goals/0/stated_totals/activities"},
                                         {"total_mismatch", "/goals/0/stated_totals/budget_baht"},
                                         {"total_mismatch", "/stated_totals/goals"},
                                         {"total_mismatch", "/stated_totals/projects"}};
  EXPECT_EQ(test::codes(findings, "error"), expected) << test::dump(findings);
  const auto* budget = &findings[1];
  EXPECT_EQ(budget->path, "/goals/0/stated_totals/budget_baht");
  EXPECT_NE(budget->message_en.find("expected 30,500 baht"), std::string::npos) << budget->message_en;
  EXPECT_NE(budget->message_en.find("states 30,000 baht"), std::string::npos) << budget->message_en;
  EXPECT_NE(budget->message_th.find("๓๐,๐๐๐"), std::string::npos) << budget->message_th;
  EXPECT_NE(budget->message_th.find("๓๐,๕๐๐"), std::string::npos) << budget->message_th;
}

TEST(validate, flags_other_provinces_in_titles_and_agencies) {
  EXPECT_FINDING(check_changed([&](auto& c) {
                   at(c, path(k_a0, "/supporting_agencies/0/name")) = "สำนักงานสาธารณสุขจังหวัดนครราชสีมา";
                 }),
                 "other_province", path(k_a0, "/supporting_agencies/0/name"));
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/title") = "แผนปฏิบัติการขับเคลื่อนระดับจังหวัด จังหวัดยะลา"; }),
                 "other_province", "/title");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/title") = "ประชาชนจังหวัดปัตตานีซื่อสัตย์"; }), "other_province",
                 "/goals/0/title");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/indicators/0/projects/0/title") = "โครงการจังหวัด สงขลา"; }),
                 "other_province", "/goals/0/indicators/0/projects/0/title");
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/title")) = "กิจกรรมศึกษาดูงานจังหวัดตรัง"; }),
                 "other_province", path(k_a0, "/title"));
  // The plan's own province, with or without a space, and methods, are fine.
  auto fine = check_changed([&](auto& c) {
    at(c, path(k_a0, "/main_agencies/0/name")) = "สำนักงานจังหวัด นราธิวาส";
    at(c, path(k_a0, "/method")) = "ศึกษาดูงานที่จังหวัดภูเก็ต";
  });
  EXPECT_TRUE(fine.empty()) << test::dump(fine);
  // Without the province list nothing can be recognised.
  plugin::plan_context bare;
  bare.province_code = "TH-96";
  auto unknown = check_changed([&](auto& c) { at(c, path(k_a0, "/main_agencies/0/name")) = "จังหวัดนครราชสีมา"; }, bare);
  EXPECT_EQ(test::find(unknown, "other_province"), nullptr) << test::dump(unknown);
}

TEST(validate, flags_periods_outside_the_fiscal_year) {
  // October–December 2566 is the first quarter of fiscal year 2567.
  EXPECT_FINDING(check_changed([&](auto& c) {
                   at(c, path(k_a0, "/period")) =
                       json::parse(R"({"text":"ตุลาคม – ธันวาคม ๒๕๖๖","first_month":null,"last_month":null})");
                 }),
                 "period_outside_fiscal_year", path(k_a0, "/period"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/period/text")) = "ต.ค. ๖๕ – ธ.ค. ๖๖"; }),
                 "period_outside_fiscal_year", path(k_a0, "/period"));
  // …but October–December 2565 is its first quarter.
  auto fine = check_changed([&](auto& c) {
    at(c, path(k_a0, "/period")) = json::parse(R"({"text":"ตุลาคม – ธันวาคม ๒๕๖๕","first_month":1,"last_month":3})");
  });
  EXPECT_TRUE(fine.empty()) << test::dump(fine);
}

TEST(validate, flags_percentages_above_100) {
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/indicators/0/target/measures/0/value") = 120; }),
                 "percentage_over_100", "/goals/0/indicators/0/target/measures/0/value");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/indicators/0/target/baseline") = 101; }),
                 "percentage_over_100", "/goals/0/indicators/0/target/baseline");
  EXPECT_FINDING(check_changed([&](auto& c) {
                   at(c, path(k_a0, "/target/measures/0/unit")) = "ร้อยละ";
                   at(c, path(k_a0, "/target/measures/0/value")) = 100.5;
                 }),
                 "percentage_over_100", path(k_a0, "/target/measures/0/value"));
  // Stated only in the text.
  EXPECT_FINDING(check_changed([&](auto& c) {
                   at(c, path(k_a1, "/target_text")) = "ไม่น้อยกว่าร้อยละ ๑๕๐";
                   at(c, path(k_a1, "/target/measures")) = json::array();
                 }),
                 "percentage_over_100", path(k_a1, "/target/measures"));
  // An increase may be more than double.
  auto increase = check_changed([&](auto& c) {
    at(c, "/goals/0/indicators/0/target/direction") = "increase";
    at(c, "/goals/0/indicators/0/target/measures/0/value") = 150;
    at(c, "/goals/0/indicators/0/target/baseline") = 40;
  });
  EXPECT_TRUE(increase.empty()) << test::dump(increase);
  auto fine = check_changed([&](auto& c) {
    at(c, "/goals/0/indicators/0/target/measures/0/value") = 100;
    at(c, path(k_a0, "/target/measures/0/value")) = 500;  // 500 people, not per cent
  });
  EXPECT_TRUE(fine.empty()) << test::dump(fine);
}

TEST(validate, flags_budgets_that_are_unreadable_or_missing) {
  EXPECT_FINDING(check_changed([&](auto& c) {
                   at(c, path(k_a1, "/budget")) =
                       json::parse(R"({"kind":"unparsed","baht":null,"text":"ประมาณหนึ่งหมื่น"})");
                 }),
                 "unparseable_budget", path(k_a1, "/budget"));
  EXPECT_FINDING(check_changed([&](auto& c) {
                   at(c, path(k_a1, "/budget")) = json::parse(R"({"kind":"unparsed","baht":null,"text":""})");
                 }),
                 "missing_budget", path(k_a1, "/budget"));
  auto warnings = check_changed([&](auto& c) {
    at(c, path(k_a0, "/budget/baht")) = 0;
    at(c, path(k_a0, "/budget/text")) = "";
    at(c, "/goals/0/stated_totals/budget_baht") = 0;
    at(c, "/stated_totals/budget_baht") = 0;
  });
  EXPECT_FINDING(warnings, "zero_budget", path(k_a0, "/budget/baht"));
  EXPECT_FINDING(check_changed([&](auto& c) {
                   at(c, path(k_a0, "/budget/baht")) = 30000;
                   at(c, "/goals/0/stated_totals/budget_baht") = 30000;
                   at(c, "/stated_totals/budget_baht") = 30000;
                 }),
                 "budget_text_mismatch", path(k_a0, "/budget"));
}

TEST(validate, does_not_blame_a_stated_total_for_an_unreadable_budget) {
  // a-1 has 30,500 baht and a-2 becomes unreadable: the stated 40,500 may
  // well be right, and only the cell is reported.
  auto unread = [&](json::value& c, std::int64_t stated) {
    at(c, path(k_a1, "/budget")) = json::parse(R"({"kind":"unparsed","baht":null,"text":"ประมาณหนึ่งหมื่น"})");
    at(c, "/goals/0/stated_totals/budget_baht") = stated;
    at(c, "/stated_totals/budget_baht") = stated;
  };
  auto findings = check_changed([&](auto& c) { unread(c, 40500); });
  std::vector<code_and_path> expected = {{"unparseable_budget", path(k_a1, "/budget")}};
  EXPECT_EQ(test::codes(findings, "error"), expected) << test::dump(findings);
  EXPECT_NE(findings[0].message_en.find("left out of the budget totals"), std::string::npos) << findings[0].message_en;
  // An empty cell the same.
  auto empty = check_changed([&](auto& c) {
    unread(c, 40500);
    at(c, path(k_a1, "/budget/text")) = "";
  });
  expected = {{"missing_budget", path(k_a1, "/budget")}};
  EXPECT_EQ(test::codes(empty, "error"), expected) << test::dump(empty);
  // The readable 30,500 alone above a stated 20,000 is a contradiction whatever the cell holds.
  auto over = check_changed([&](auto& c) { unread(c, 20000); });
  expected = {{"unparseable_budget", path(k_a1, "/budget")},
              {"total_mismatch", "/goals/0/stated_totals/budget_baht"},
              {"total_mismatch", "/stated_totals/budget_baht"}};
  EXPECT_EQ(test::codes(over, "error"), expected) << test::dump(over);
  EXPECT_NE(over[1].message_en.find("readable budgets alone come to 30,500 baht, more than the 20,000 baht"),
            std::string::npos)
      << over[1].message_en;
  EXPECT_NE(over[1].message_th.find("๒๐,๐๐๐"), std::string::npos) << over[1].message_th;
}

TEST(validate, warns_about_years_other_than_the_fiscal_year) {
  const std::string project = "/goals/0/indicators/0/projects/0";
  // Seed 000:229: a project "ประจำปี พ.ศ.๒๕๖๕" in the 2566 plan, its own
  // activity row repeating the title; reported once, on the project.
  auto findings = check_changed([&](auto& c) {
    at(c, project + "/title") = "โครงการคัดเลือกข้าราชการผู้มีคุณธรรมดีเด่นประจำปี พ.ศ.๒๕๖๕";
    at(c, path(k_a0, "/title")) = at(c, project + "/title");
  });
  std::vector<code_and_path> expected = {{"year_outside_fiscal_year", project + "/title"}};
  EXPECT_EQ(test::codes(findings, "warning"), expected) << test::dump(findings);
  EXPECT_NE(findings[0].message_en.find("the year 2565 (\"ประจำปี พ.ศ.๒๕๖๕\"), not the plan's fiscal year 2566"),
            std::string::npos)
      << findings[0].message_en;
  EXPECT_NE(findings[0].message_th.find("(ปี ๒๕๖๕) ซึ่งไม่ใช่ปีงบประมาณของแผน (๒๕๖๖)"), std::string::npos)
      << findings[0].message_th;
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/method")) = "จัดประชุมตามแผนปีงบประมาณ 2567"; }),
                 "year_outside_fiscal_year", path(k_a0, "/method"));
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/indicators/0/target_text") = "ปี ๒๕๖๗ ร้อยละ ๘๐"; }),
                 "year_outside_fiscal_year", "/goals/0/indicators/0/target_text");
  // The plan's year in ASCII digits, an act's year and a five-year span are fine.
  auto fine = check_changed([&](auto& c) {
    at(c, path(k_a0, "/method")) = "ประกาศนโยบาย ประจำปีงบประมาณ พ.ศ. 2566 ตามพระราชบัญญัติข้อมูลข่าวสาร พ.ศ. ๒๕๔๐";
    at(c, path(k_a1, "/method")) = "ตามแผนปฏิบัติการ ปี ๒๕๖๖ - ๒๕๗๐";
  });
  EXPECT_TRUE(fine.empty()) << test::dump(fine);
}

TEST(validate, warns_about_national_template_text) {
  // Seed 000:130.
  auto findings = check_changed(
      [&](auto& c) { at(c, path(k_a0, "/method")) = "จัดตั้งชมรมให้ครอบคลุมทุกอำเภอ ใน ๗๖ จังหวัด โดยมีสมาชิกจังหวัดละ ๑๐๐ คน"; });
  std::vector<code_and_path> expected = {{"national_template_text", path(k_a0, "/method")}};
  EXPECT_EQ(test::codes(findings, "warning"), expected) << test::dump(findings);
  EXPECT_NE(findings[0].message_th.find("\"๗๖ จังหวัด"), std::string::npos) << findings[0].message_th;
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a1, "/indicator_text")) = "ผลิตสื่อจังหวัดละ ๑ สื่อ"; }),
                 "national_template_text", path(k_a1, "/indicator_text"));
  EXPECT_FINDING(
      check_changed([](auto& c) { at(c, "/goals/0/indicators/0/key_work_items/0/text") = "ขยายเครือข่ายทุกจังหวัด"; }),
      "national_template_text", "/goals/0/indicators/0/key_work_items/0/text");
  auto fine = check_changed([&](auto& c) {
    at(c, path(k_a0, "/method")) = "จัดตั้งชมรมให้ครอบคลุมทุกอำเภอในจังหวัดนราธิวาส ๑๓ อำเภอ อำเภอละ ๑๐๐ คน";
  });
  EXPECT_TRUE(fine.empty()) << test::dump(fine);
}

TEST(validate, warns_about_activities_without_a_measurable_target) {
  auto findings = check_changed([&](auto& c) {
    at(c, path(k_a1, "/indicator_text")) = "จำนวนหน่วยงานที่รับทราบนโยบาย";  // seed 000:144
    at(c, path(k_a1, "/target_text")) = "";
    at(c, path(k_a1, "/target/measures/0/value")) = nullptr;
  });
  std::vector<code_and_path> expected = {{"unmeasurable_target", path(k_a1, "/target/measures")}};
  EXPECT_EQ(test::codes(findings, "warning"), expected) << test::dump(findings);
  EXPECT_NE(findings[0].message_en.find("จำนวนหน่วยงานที่รับทราบนโยบาย"), std::string::npos) << findings[0].message_en;
  auto no_indicator = check_changed([&](auto& c) {
    at(c, path(k_a1, "/indicator_text")) = "";
    at(c, path(k_a1, "/target/measures/0/value")) = nullptr;
  });
  EXPECT_FINDING(no_indicator, "unmeasurable_target", path(k_a1, "/target/measures"));
  EXPECT_NE(no_indicator[0].message_en.find("no indicator"), std::string::npos) << no_indicator[0].message_en;
}

TEST(validate, warns_about_an_activity_share_below_its_indicators) {
  // Seed 000:186: "ร้อยละ ๘๒" under an indicator of "ไม่น้อยกว่าร้อยละ ๑๐๐".
  auto below = [&](json::value& c) {
    at(c, "/goals/0/indicators/0/target_text") = "ปี ๒๕๖๖ ไม่น้อยกว่าร้อยละ ๑๐๐";
    at(c, "/goals/0/indicators/0/target/measures/0/value") = 100;
    at(c, path(k_a0, "/target/measures/0/unit")) = "ร้อยละ";
    at(c, path(k_a0, "/target/measures/0/value")) = 82;
  };
  auto findings = check_changed(below);
  std::vector<code_and_path> expected = {{"target_below_indicator", path(k_a0, "/target/measures/0/value")}};
  EXPECT_EQ(test::codes(findings, "warning"), expected) << test::dump(findings);
  EXPECT_NE(findings[0].message_en.find("82 per cent, below the 100 per cent of indicator 1.1"), std::string::npos)
      << findings[0].message_en;
  EXPECT_NE(findings[0].message_th.find("ร้อยละ ๘๒ ต่ำกว่าค่าเป้าหมายของตัวชี้วัดที่ ๑.๑ ร้อยละ ๑๐๐"), std::string::npos)
      << findings[0].message_th;
  // Equal is fine; so is a ceiling ("ไม่เกิน"), and a count below a share (25 people, 80 per cent).
  auto equal = check_changed([&](auto& c) {
    below(c);
    at(c, path(k_a0, "/target/measures/0/value")) = 100;
  });
  EXPECT_TRUE(equal.empty()) << test::dump(equal);
  auto ceiling = check_changed([&](auto& c) {
    below(c);
    at(c, "/goals/0/indicators/0/target_text") = "ข้อร้องเรียนไม่เกินร้อยละ ๑๐๐";
    at(c, "/goals/0/indicators/0/target/measures/0/comparator") = "at_most";
  });
  EXPECT_TRUE(ceiling.empty()) << test::dump(ceiling);
  EXPECT_TRUE(check(valid_plan()).empty());
}

TEST(validate, warns_about_a_relative_target_without_a_baseline) {
  // Seed 000:83, "ลดลงร้อยละ ๑๐" from nothing stated.
  auto relative = [](json::value& c) {
    at(c, "/goals/0/indicators/0/target_text") = "ปี ๒๕๖๖ จำนวนคดีทุจริตในภาพรวมลดลงร้อยละ ๑๐";
    at(c, "/goals/0/indicators/0/target/direction") = "decrease";
    at(c, "/goals/0/indicators/0/target/measures/0/value") = 10;
  };
  auto findings = check_changed(relative);
  std::vector<code_and_path> expected = {{"relative_target_without_baseline", "/goals/0/indicators/0/target/baseline"}};
  EXPECT_EQ(test::codes(findings, "warning"), expected) << test::dump(findings);
  EXPECT_FINDING(check_changed([](auto& c) {
                   at(c, "/goals/0/indicators/0/target_text") = "ผู้ใช้บริการเพิ่มขึ้นร้อยละ ๕";
                   at(c, "/goals/0/indicators/0/target/direction") = "increase";
                   at(c, "/goals/0/indicators/0/target/measures/0/value") = 5;
                 }),
                 "relative_target_without_baseline", "/goals/0/indicators/0/target/baseline");
  auto with_baseline = check_changed([&](auto& c) {
    relative(c);
    at(c, "/goals/0/indicators/0/target/baseline") = 40;
  });
  EXPECT_TRUE(with_baseline.empty()) << test::dump(with_baseline);
}

TEST(validate, flags_activities_without_agencies) {
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/main_agencies")) = json::array{}; }), "missing_agency",
                 path(k_a0, "/main_agencies"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/main_agencies/0/name")) = "  "; }), "missing_agency",
                 path(k_a0, "/main_agencies"));
  // Supporting agencies alone name nobody to report.
  EXPECT_FINDING(check_changed([&](auto& c) {
                   auto& a = at(c, path(k_a0, "")).as_object();
                   a["supporting_agencies"] = a["main_agencies"];
                   a["main_agencies"] = json::array{};
                 }),
                 "missing_agency", path(k_a0, "/main_agencies"));
}

TEST(validate, holds_agencies_to_the_provinces_directory) {
  auto linked = [](json::value& c) {
    at(c, path(k_a0, "/main_agencies/0")).as_object()["agency_id"] = 1;
    at(c, path(k_a1, "/main_agencies/0")).as_object()["agency_id"] = 10;
    at(c, path(k_a0, "/supporting_agencies/0")).as_object()["collective"] = true;  // a club is not in the directory
  };
  auto fine = check_changed(linked, test::narathiwat_with_directory());
  EXPECT_TRUE(fine.empty()) << test::dump(fine);

  // An id the province's directory does not have would give the activity to
  // another province's agency: an error.
  auto foreign = check_changed(
      [&](json::value& c) {
        linked(c);
        at(c, path(k_a1, "/main_agencies/0/agency_id")) = 99;
      },
      test::narathiwat_with_directory());
  EXPECT_FINDING(foreign, "unknown_agency", path(k_a1, "/main_agencies/0/agency_id"));
  EXPECT_EQ(test::find(foreign, "unknown_agency")->severity, "error");

  // A name not linked yet: a warning that names what the directory offers.
  auto unlinked = check_changed(
      [&](json::value& c) {
        linked(c);
        at(c, path(k_a0, "/main_agencies/0")).as_object().erase("agency_id");
      },
      test::narathiwat_with_directory());
  EXPECT_FINDING(unlinked, "agency_not_linked", path(k_a0, "/main_agencies/0"));
  const auto* f = test::find(unlinked, "agency_not_linked");
  EXPECT_EQ(f->severity, "warning");
  EXPECT_NE(f->message_th.find("สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส"), std::string::npos) << f->message_th;
  EXPECT_NE(f->message_en.find("สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส"), std::string::npos) << f->message_en;

  // Without a directory from the host (a document converted offline) nothing
  // is held against one.
  auto offline =
      check_changed([&](json::value& c) { at(c, path(k_a1, "/main_agencies/0")).as_object()["agency_id"] = 99; });
  EXPECT_EQ(test::find(offline, "unknown_agency"), nullptr) << test::dump(offline);
  EXPECT_EQ(test::find(offline, "agency_not_linked"), nullptr) << test::dump(offline);
}

TEST(validate, checks_the_plan_against_its_context) {
  EXPECT_FINDING(check(valid_plan(), test::context("TH-30", 2566)), "province_mismatch", "/province/code");
  EXPECT_FINDING(check(valid_plan(), test::context("TH-96", 2567)), "fiscal_year_mismatch", "/fiscal_year");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/province/name_th") = "ยะลา"; }), "province_mismatch",
                 "/province/name_th");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/province/code") = "TH-00"; }, test::context()), "unknown_province",
                 "/province/code");
  EXPECT_FINDING(
      check_changed([](auto& c) { at(c, "/province") = json::parse(R"({"code":"","name_th":""})"); }, test::context()),
      "missing_value", "/province");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/fiscal_year") = 0; }, test::context("TH-96")), "missing_value",
                 "/fiscal_year");
}

TEST(validate, reports_missing_titles_and_empty_texts) {
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/title") = ""; }), "missing_value", "/goals/0/title");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/indicators/0/text") = ""; }), "missing_value",
                 "/goals/0/indicators/0/text");
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/title")) = ""; }), "missing_value",
                 path(k_a0, "/title"));
  auto method = check_changed([&](auto& c) { at(c, path(k_a0, "/method")) = ""; });
  EXPECT_FINDING(method, "empty_text", path(k_a0, "/method"));
  EXPECT_EQ(test::find(method, "empty_text")->severity, "warning");
  EXPECT_FINDING(check_changed([](auto& c) { at(c, "/goals/0/indicators/0/key_work_items/0/text") = ""; }),
                 "empty_text", "/goals/0/indicators/0/key_work_items/0/text");
}

TEST(validate, warns_about_periods_it_cannot_place) {
  EXPECT_FINDING(check_changed([&](auto& c) {
                   at(c, path(k_a0, "/period")) =
                       json::parse(R"({"text":"ตามความเหมาะสม","first_month":null,"last_month":null})");
                 }),
                 "unparsed_period", path(k_a0, "/period"));
  EXPECT_FINDING(check_changed([&](auto& c) {
                   at(c, path(k_a0, "/period")) = json::parse(R"({"text":"","first_month":null,"last_month":null})");
                 }),
                 "missing_period", path(k_a0, "/period"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/period/first_month")) = 1; }), "period_text_mismatch",
                 path(k_a0, "/period"));
  // Months set by hand beside free text are accepted.
  auto fine = check_changed([&](auto& c) { at(c, path(k_a0, "/period/text")) = "ตามความเหมาะสม"; });
  EXPECT_TRUE(fine.empty()) << test::dump(fine);
}

TEST(validate, warns_about_numbering_and_empty_branches) {
  auto content = valid_plan();
  auto& items = at(content, "/goals/0/indicators/0/key_work_items").as_array();
  auto second = items[0];
  second.as_object()["id"] = "w-2";
  items.push_back(second);
  auto& projects = at(content, "/goals/0/indicators/0/projects").as_array();
  auto project = projects[0];
  project.as_object()["id"] = "p-2";
  project.as_object()["key_work_items"] = json::array{"w-2"};
  project.as_object()["activities"] = json::array{};
  projects.push_back(project);
  auto& goals = at(content, "/goals").as_array();
  goals.push_back(json::parse(R"({"id":"g-2","number":2,"title":"คดีทุจริตลดลง","indicators":[
      {"id":"i-2","number":"1.2","text":"จำนวนคดี","target":{"direction":"level","measures":[]},"key_work_items":[]},
      {"id":"i-3","number":"2.2","text":"จำนวนคดีรายหน่วยงาน","target":{"direction":"level","measures":[]},
       "key_work_items":[],"served_by":"i-2"}]})"));
  at(content, "/goals/0/stated_totals/projects") = 2;
  at(content, "/stated_totals") = json::parse(R"({"goals":2,"projects":2,"activities":2,"budget_baht":30500})");
  auto findings = check(content);
  std::vector<code_and_path> warnings = {
      {"project_without_activities", "/goals/0/indicators/0/projects/1"},
      {"duplicate_number", "/goals/0/indicators/0/projects/1/number"},
      {"number_mismatch", "/goals/1/indicators/0/number"},
      {"indicator_without_activities", "/goals/1/indicators/0"},
      {"goal_without_activities", "/goals/1"},
  };
  EXPECT_EQ(test::codes(findings, "warning"), warnings) << test::dump(findings);
  EXPECT_TRUE(test::codes(findings, "error").empty()) << test::dump(findings);

  // served_by must name another indicator of the same goal that has work of its own.
  at(content, "/goals/1/indicators/1/served_by") = "i-404";
  EXPECT_FINDING(check(content), "invalid_reference", "/goals/1/indicators/1/served_by");
  at(content, "/goals/1/indicators/1/served_by") = "i-1";  // goal 1's
  EXPECT_FINDING(check(content), "invalid_reference", "/goals/1/indicators/1/served_by");
}

TEST(validate, caps_the_number_of_findings) {
  auto content = valid_plan();
  auto& activities = at(content, "/goals/0/indicators/0/projects/0/activities").as_array();
  for (int i = 0; i < 3000; ++i) {
    auto a = activities[0];
    a.as_object()["id"] = "x-" + std::to_string(i);
    a.as_object()["agencies"] = json::array{};
    activities.push_back(a);
  }
  auto findings = check(content);
  ASSERT_EQ(findings.size(), 2001u);
  EXPECT_EQ(findings.back().code, "too_many_findings");
}

// --- empty content and schema ------------------------------------------------

TEST(empty_content, reports_only_that_the_plan_is_empty) {
  anti_corruption_plan plan;
  auto ctx = narathiwat();
  auto content = plan.empty_content(ctx);
  EXPECT_EQ(content.at("province").at("name_th"), "นราธิวาส");
  EXPECT_EQ(content.at("fiscal_year"), 2566);
  EXPECT_NE(std::string(content.at("title").as_string()).find("พ.ศ. ๒๕๖๖"), std::string::npos);
  EXPECT_NE(std::string(content.at("title").as_string()).find("จังหวัดนราธิวาส"), std::string::npos);
  std::vector<code_and_path> expected = {{"empty_plan", "/goals"}};
  auto findings = plan.validate(content, ctx);
  EXPECT_EQ(test::codes(findings, "error"), expected) << test::dump(findings);
  EXPECT_TRUE(test::codes(findings, "warning").empty()) << test::dump(findings);

  // A context that knows neither the province nor the year leaves both to fill in.
  auto unknown = plan.validate(plan.empty_content(test::context()), test::context());
  expected = {{"missing_value", "/province"}, {"missing_value", "/fiscal_year"}, {"empty_plan", "/goals"}};
  EXPECT_EQ(test::codes(unknown, "error"), expected) << test::dump(unknown);
  EXPECT_EQ(plan.compute_totals(content).json.at("overall").at("activities"), 0);
  EXPECT_TRUE(plan.progress_items(content).empty());
}

TEST(schema, describes_the_model) {
  auto schema = anti_corruption_plan().content_schema();
  ASSERT_FALSE(schema.empty());
  EXPECT_EQ(schema.at("type"), "object");
  const auto& defs = schema.at("$defs").as_object();
  for (auto name : {"goal", "indicator", "key_work_item", "project", "activity", "stated_totals"}) {
    EXPECT_TRUE(defs.contains(name)) << name;
  }
  const auto& activity = defs.at("activity").at("properties").as_object();
  // Every field the importer writes is in the schema.
  auto plan = valid_plan();
  for (const auto& member : plan.at_pointer(k_a0).as_object()) {
    EXPECT_TRUE(activity.contains(member.key())) << member.key();
  }
  EXPECT_EQ(activity.at("budget").at("properties").at("kind").at("enum"),
            json::parse(R"(["amount","none","unparsed"])"));
}

// --- totals and progress ---------------------------------------------------------

TEST(totals, sums_exactly_per_goal_and_overall) {
  auto content = valid_plan();
  at(content, path(k_a1, "/budget")) = json::parse(R"({"kind":"amount","baht":12.25,"text":"12.25"})");
  auto& goals = at(content, "/goals").as_array();
  auto second = goals[0];
  second.as_object()["id"] = "g-2";
  second.as_object()["number"] = 2;
  auto& activities = second.at_pointer("/indicators/0/projects/0/activities").as_array();
  activities[0].as_object()["budget"] = json::parse(R"({"kind":"amount","baht":0.5,"text":""})");
  activities[1].as_object()["budget"] = json::parse(R"({"kind":"unparsed","baht":null,"text":"?"})");
  goals.push_back(second);

  auto totals = anti_corruption_plan().compute_totals(content).json;
  EXPECT_EQ(totals.at("goals").at(0), json::parse(R"({"id":"g-1","number":1,"indicators":1,"projects":1,"activities":2,
      "budget_baht":30512.25,"budget_satang":3051225,"unparsed_budgets":0})"));
  EXPECT_EQ(totals.at("goals").at(1).at("budget_satang"), 50);
  EXPECT_EQ(totals.at("goals").at(1).at("unparsed_budgets"), 1);
  EXPECT_EQ(totals.at("overall"), json::parse(R"({"goals":2,"indicators":2,"projects":2,"activities":4,
      "budget_baht":30512.75,"budget_satang":3051275,"unparsed_budgets":1})"));
}

TEST(progress, lists_activities_with_budget_and_target) {
  auto content = valid_plan();
  at(content, path(k_a1, "/target/measures/0/value")) = nullptr;
  auto items = anti_corruption_plan().progress_items(content);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].id, "a-1");
  EXPECT_EQ(items[0].path, k_a0);
  EXPECT_EQ(items[0].title, "กิจกรรมการประชุมเชิงปฏิบัติการ");
  EXPECT_EQ(items[0].goal, "เป้าหมายที่ ๑");
  EXPECT_EQ(items[0].indicator, "ตัวชี้วัดที่ ๑.๑");
  EXPECT_EQ(items[0].budget_satang, 3'050'000);
  EXPECT_TRUE(items[0].measurable);
  EXPECT_EQ(items[0].target_value, 25.0);
  EXPECT_EQ(items[0].unit, "คน");
  EXPECT_EQ(items[0].agencies,
            (std::vector<std::string>{"สำนักงาน ป.ป.ช. ประจำจังหวัด", "ชมรม STRONG-จิตพอเพียงต้านทุจริต จังหวัด นราธิวาส"}));
  EXPECT_TRUE(items[0].agency_ids.empty());  // nothing linked yet
  EXPECT_EQ(items[1].budget_satang, std::nullopt);
  EXPECT_FALSE(items[1].measurable);
  EXPECT_EQ(items[0].comparator, "at_least");  // ไม่น้อยกว่า ๒๕ คน

  // A ceiling is judged as one in the reports.
  at(content, path(k_a0, "/target/measures/0/comparator")) = "at_most";
  EXPECT_EQ(anti_corruption_plan().progress_items(content)[0].comparator, "at_most");
}

TEST(progress, turns_a_change_from_a_stated_baseline_into_the_level_it_leads_to) {
  auto content = valid_plan();
  // "ลดลงร้อยละ ๑๐" from 120 cases: at most 108 cases.
  at(content, path(k_a0, "/target")) = json::parse(
      R"({"direction":"decrease","measures":[{"value":10,"unit":"ร้อยละ","comparator":"at_least"}],"baseline":120})");
  auto item = anti_corruption_plan().progress_items(content)[0];
  EXPECT_TRUE(item.measurable);
  EXPECT_EQ(item.target_value, 108.0);
  EXPECT_EQ(item.comparator, "at_most");
  EXPECT_EQ(item.baseline, 120.0);
  EXPECT_EQ(item.unit, "");  // a count of what the baseline counts, not a share
  // "เพิ่มขึ้น ๕ แห่ง" from 20: at least 25 แห่ง.
  at(content, path(k_a0, "/target")) = json::parse(
      R"({"direction":"increase","measures":[{"value":5,"unit":"แห่ง","comparator":"at_least"}],"baseline":20})");
  item = anti_corruption_plan().progress_items(content)[0];
  EXPECT_EQ(item.target_value, 25.0);
  EXPECT_EQ(item.comparator, "at_least");
  EXPECT_EQ(item.unit, "แห่ง");
  // Without a baseline the change itself is the figure reported.
  at(content, path(k_a0, "/target/baseline")) = nullptr;
  item = anti_corruption_plan().progress_items(content)[0];
  EXPECT_EQ(item.target_value, 5.0);
  EXPECT_EQ(item.baseline, std::nullopt);
  // The first measure is the one reported against.
  at(content, path(k_a0, "/target")) = json::parse(R"({"direction":"level","measures":[
      {"value":1,"unit":"หลักสูตร","comparator":"at_least"},{"value":3,"unit":"คน","comparator":"exactly"}]})");
  item = anti_corruption_plan().progress_items(content)[0];
  EXPECT_EQ(item.target_value, 1.0);
  EXPECT_EQ(item.unit, "หลักสูตร");
}

TEST(validate, reads_the_narrative_and_says_where_it_is_wrong) {
  auto fine = check_changed([&](auto& c) {
    c.as_object()["narrative"] = json::parse(R"({
        "committee": {"name": "คณะกรรมการผลักดัน", "mandate": {"text": "", "duties": ["จัดทำแผน"]},
                      "reporting": [{"text": "รายงานผลต่อ ศปท.มท. เป็นรายไตรมาส", "to": ["ศปท.มท."], "every_months": 3}]},
        "linked_plans": [{"scope": "provincial_plan", "title": "แผนปฏิบัติการขับเคลื่อนระดับจังหวัด",
                          "first_year": 2566, "last_year": 2570}],
        "approval": {"body": "คณะกรรมการผลักดัน", "meeting": "๑/๒๕๖๖", "date": "2022-12-20", "resolution": "เห็นชอบ"}})");
  });
  EXPECT_TRUE(fine.empty()) << test::dump(fine);
  auto wrong = check_changed([&](auto& c) {
    c.as_object()["narrative"] = json::parse(R"({
        "committee": {"name": 5, "mandate": {"duties": ["ก", 2]}, "reporting": [{"to": "ป.ป.ช.", "every_months": 4}]},
        "linked_plans": [{"scope": "world_plan", "title": "ก", "first_year": 2570, "last_year": 2566}],
        "approval": {"date": "2566-13-01"}, "vision": ""})");
  });
  std::vector<code_and_path> expected = {
      {"invalid_type", "/narrative/committee/name"},
      {"invalid_type", "/narrative/committee/mandate/duties/1"},
      {"invalid_type", "/narrative/committee/reporting/0/to"},
      {"invalid_value", "/narrative/committee/reporting/0/every_months"},
      {"invalid_value", "/narrative/linked_plans/0/scope"},
      {"invalid_value", "/narrative/linked_plans/0/last_year"},
      {"invalid_value", "/narrative/approval/date"},
  };
  EXPECT_EQ(test::codes(wrong, "error"), expected) << test::dump(wrong);
  EXPECT_FINDING(wrong, "unknown_field", "/narrative/vision");
}

TEST(validate, keeps_the_budget_source_an_officer_records) {
  auto content = valid_plan();
  at(content, path(k_a0, "/budget")).as_object()["source"] = "งบประมาณจาก สำนักงาน ป.ป.ช.";
  EXPECT_TRUE(check(content).empty()) << test::dump(check(content));
  EXPECT_EQ(json::value(to_json(read_plan(content, nullptr))).at_pointer(path(k_a0, "/budget/source")),
            "งบประมาณจาก สำนักงาน ป.ป.ช.");
  // Not said is not written: the seeds never say.
  EXPECT_FALSE(json::value(to_json(read_plan(valid_plan(), nullptr)))
                   .at_pointer(path(k_a0, "/budget"))
                   .as_object()
                   .contains("source"));
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "/budget")).as_object()["source"] = 5; }),
                 "invalid_type", path(k_a0, "/budget/source"));
}

TEST(validate, reports_a_malformed_target_where_it_is) {
  auto findings = check_changed([&](auto& c) {
    at(c, path(k_a0, "/target")) = json::parse(R"({"direction":"down","measures":[
        {"value":"many","unit":"คน","comparator":"at_least"},{"value":3,"unit":"คน","comparator":"about"},7],
        "base_year":2023})");
  });
  std::vector<code_and_path> expected = {
      {"invalid_value", path(k_a0, "/target/direction")},
      {"invalid_type", path(k_a0, "/target/measures/0/value")},
      {"invalid_value", path(k_a0, "/target/measures/1/comparator")},
      {"invalid_type", path(k_a0, "/target/measures/2")},
      {"invalid_value", path(k_a0, "/target/base_year")},
  };
  EXPECT_EQ(test::codes(findings, "error"), expected) << test::dump(findings);
  EXPECT_FINDING(check_changed([&](auto& c) { at(c, path(k_a0, "")).as_object().erase("target"); }), "missing_field",
                 path(k_a0, "/target"));
}

TEST(progress, names_the_linked_agencies_main_first_each_once) {
  auto content = valid_plan();
  auto& a = at(content, path(k_a0, "")).as_object();
  a["main_agencies"] = json::parse(R"([{"name": "สำนักงาน ป.ป.ช. ประจำจังหวัด", "agency_id": 7}])");
  a["supporting_agencies"] = json::parse(R"([{"name": "สำนักงานจังหวัด", "agency_id": 3},
      {"name": "หน่วยงานภาครัฐในจังหวัด", "collective": true}, {"name": "สนง.ป.ป.ช. จังหวัด", "agency_id": 7}])");
  auto items = anti_corruption_plan().progress_items(content);
  EXPECT_EQ(items[0].agency_ids, (std::vector<std::int64_t>{7, 3}));
  EXPECT_EQ(items[0].agencies.size(), 4u);
}

// --- key work items and the projects serving them -----------------------------------

TEST(validate, checks_the_key_work_items_a_project_serves) {
  // Many-to-many: two items, the project serves both; a second project serves one.
  auto content = valid_plan();
  auto& items = at(content, "/goals/0/indicators/0/key_work_items").as_array();
  items.push_back(json::parse(R"({"id":"w-2","number":"2","text":"พัฒนาระบบแจ้งเบาะแส"})"));
  at(content, "/goals/0/indicators/0/projects/0/key_work_items") = json::parse(R"(["w-1","w-2"])");
  EXPECT_TRUE(check(content).empty()) << test::dump(check(content));

  // A link to an item the indicator does not have is an error, at the link.
  at(content, "/goals/0/indicators/0/projects/0/key_work_items") = json::parse(R"(["w-1","w-404"])");
  auto findings = check(content);
  EXPECT_EQ(
      test::codes(findings, "error"),
      (std::vector<code_and_path>{{"unknown_key_work_item", "/goals/0/indicators/0/projects/0/key_work_items/1"}}))
      << test::dump(findings);
  // … and w-2, which no project serves now, is a warning.
  EXPECT_EQ(test::codes(findings, "warning"),
            (std::vector<code_and_path>{{"key_work_item_without_project", "/goals/0/indicators/0/key_work_items/1"}}))
      << test::dump(findings);
  const auto* unserved = test::find(findings, "key_work_item_without_project");
  ASSERT_NE(unserved, nullptr);
  EXPECT_NE(unserved->message_en.find("key work item 2"), std::string::npos) << unserved->message_en;

  // An item of another indicator is unknown too; a link that is not a string is mistyped.
  at(content, "/goals/0/indicators/0/projects/0/key_work_items") = json::parse(R"(["w-1","w-2","i-1",7])");
  findings = check(content);
  EXPECT_FINDING(findings, "unknown_key_work_item", "/goals/0/indicators/0/projects/0/key_work_items/2");
  EXPECT_FINDING(findings, "invalid_type", "/goals/0/indicators/0/projects/0/key_work_items/3");
  at(content, "/goals/0/indicators/0/projects/0/key_work_items") = "w-1";
  EXPECT_FINDING(check(content), "invalid_type", "/goals/0/indicators/0/projects/0/key_work_items");
}

// The shape stored before projects moved under the indicator: each project
// nested under the key work item the importer hung it on.
json::value old_shaped_plan() {
  auto content = valid_plan();
  auto& indicator = at(content, "/goals/0/indicators/0").as_object();
  auto projects = indicator.at("projects");
  indicator.erase("projects");
  for (auto& p : projects.as_array()) p.as_object().erase("key_work_items");
  indicator.at("key_work_items").at(0).as_object()["projects"] = projects;
  return content;
}

TEST(migration, reads_the_old_shape_into_the_new_model) {
  auto old = old_shaped_plan();
  ASSERT_TRUE(old.at_pointer("/goals/0/indicators/0/key_work_items/0").as_object().contains("projects"));
  finding_list issues;
  auto p = read_plan(old, &issues);
  EXPECT_TRUE(issues.items().empty()) << test::dump(issues.items());  // no unknown_field for the old "projects"
  const auto& ind = p.goals.at(0).indicators.at(0);
  ASSERT_EQ(ind.key_work_items.size(), 1u);
  ASSERT_EQ(ind.projects.size(), 1u);
  EXPECT_EQ(ind.projects[0].key_work_items, (std::vector<std::string>{"w-1"}));
  EXPECT_EQ(ind.projects[0].activities.size(), 2u);
  // Paths stay those of the stored content, so findings point at the data.
  EXPECT_EQ(ind.projects[0].activities[1].path, "/goals/0/indicators/0/key_work_items/0/projects/0/activities/1");
  // Written back, it is the new shape, the same as the plan made in it.
  EXPECT_EQ(json::value(to_json(p)), json::value(to_json(read_plan(valid_plan(), nullptr))));
  // Validation, totals, progress and ids read it as they read the new shape.
  EXPECT_TRUE(check(old).empty()) << test::dump(check(old));
  anti_corruption_plan type;
  EXPECT_EQ(type.compute_totals(old).json, type.compute_totals(valid_plan()).json);
  EXPECT_EQ(type.progress_items(old).size(), 2u);
  EXPECT_EQ(next_id(old, "p-"), "p-2");
  EXPECT_EQ(next_id(old, "a-"), "a-3");
  // A finding in the old shape points into it.
  at(old, "/goals/0/indicators/0/key_work_items/0/projects/0/activities/0/main_agencies") = json::array{};
  EXPECT_FINDING(check(old), "missing_agency",
                 "/goals/0/indicators/0/key_work_items/0/projects/0/activities/0/main_agencies");
}

// Agencies stored as a list of names (before references): split into
// references, unlinked, the first main, and nothing else touched.
TEST(migration, upgrades_agency_names_to_references) {
  auto stored = valid_plan();
  auto& a = at(stored, path(k_a0, "")).as_object();
  a.erase("main_agencies");
  a.erase("supporting_agencies");
  a["agencies"] = json::parse(R"json(["สำนักงานจังหวัดนราธิวาส หน่วยงานภาครัฐในจังหวัดนราธิวาส",
                                      "-สำนักงานจังหวัด (ศูนย์ดำรงธรรมจังหวัด)", 7])json");
  auto upgraded = upgrade_content(stored);
  const auto& u = upgraded.at_pointer(k_a0).as_object();
  EXPECT_FALSE(u.contains("agencies"));
  EXPECT_EQ(u.at("main_agencies"), json::parse(R"([{"name": "สำนักงานจังหวัดนราธิวาส"}])"));
  EXPECT_EQ(u.at("supporting_agencies"), json::parse(R"([{"name": "หน่วยงานภาครัฐในจังหวัดนราธิวาส", "collective": true},
                            {"name": "สำนักงานจังหวัด", "sub_unit": "ศูนย์ดำรงธรรมจังหวัด"}, 7])"));
  // Everything else as it was; the second activity, already references, untouched.
  auto rest = u;
  rest.erase("main_agencies");
  rest.erase("supporting_agencies");
  auto before = stored.at_pointer(k_a0).as_object();
  before.erase("agencies");
  EXPECT_EQ(rest, before);
  EXPECT_EQ(upgraded.at_pointer(k_a1), valid_plan().at_pointer(k_a1));
  EXPECT_EQ(upgrade_content(valid_plan()), valid_plan());
  // read_plan reads the stored shape as the upgraded one.
  EXPECT_EQ(json::value(to_json(read_plan(stored, nullptr))), json::value(to_json(read_plan(upgraded, nullptr))));
}

// --- ids and the plugin entry points ---------------------------------------------

TEST(ids, next_id_is_one_past_the_largest) {
  auto content = valid_plan();
  EXPECT_EQ(next_id(content, "a-"), "a-3");
  EXPECT_EQ(next_id(content, "g-"), "g-2");
  EXPECT_EQ(next_id(content, "p-"), "p-2");
  EXPECT_EQ(next_id(content, "w-"), "w-2");
  EXPECT_EQ(next_id(content, "z-"), "z-1");
  at(content, path(k_a1, "/id")) = "a-99999999999999999999";  // not a number we can read: ignored
  EXPECT_EQ(next_id(content, "a-"), "a-2");
  EXPECT_EQ(next_id(json::value("garbage"), "a-"), "a-1");
  EXPECT_TRUE(is_valid_id("a-17"));
  EXPECT_FALSE(is_valid_id("-a"));
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id(std::string(65, 'a')));
}

TEST(plugin, exports_the_entry_points) {
  EXPECT_EQ(planflow_plugin_abi_version(), plugin::k_abi_version);
  std::unique_ptr<plugin::plan_type> type(planflow_plugin_create());
  ASSERT_NE(type, nullptr);
  EXPECT_EQ(type->id(), "anti_corruption_action_plan");
  EXPECT_EQ(type->default_workflow(), "provincial_plan");
  EXPECT_FALSE(type->name_th().empty());
  auto sections = type->report_sections();
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[0].id, "goals");
  EXPECT_EQ(sections[1].id, "indicators");
  EXPECT_EQ(sections[2].id, "activities");
}

}  // namespace
}  // namespace planflow::plugins::anti_corruption
