// The SDK's agency references: what both plan types store for an agency,
// how a cell becomes references, how they are linked and checked.
#include <planflow/plugin/agency_refs.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace planflow {
namespace {

namespace json = boost::json;

plugin::plan_context narathiwat() {
  plugin::plan_context ctx;
  ctx.province_code = "TH-96";
  ctx.provinces = {{"TH-96", "นราธิวาส", "Narathiwat"}, {"TH-30", "นครราชสีมา", "Nakhon Ratchasima"}};
  ctx.agencies = std::vector<text::directory_agency>{
      {1, "สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส"}, {8, "เทศบาลตำบลรือเสาะ"}, {10, "สำนักงานจังหวัดนราธิวาส"}};
  return ctx;
}

TEST(agency_refs, a_cell_becomes_references_linked_where_the_directory_has_the_agency) {
  auto refs = plugin::agency_refs_of(
      "สำนักงาน ป.ป.ช. ประจำ จังหวัด -สำนักงานจังหวัด (ศูนย์ดำรงธรรมจังหวัด) หน่วยงานภาครัฐในจังหวัด เทศบาลตำบลหรือเสาะ",
      narathiwat());
  EXPECT_EQ(json::serialize(plugin::to_json(refs)), json::serialize(json::parse(R"json([
              {"name": "สำนักงาน ป.ป.ช. ประจำ จังหวัด", "agency_id": 1},
              {"name": "สำนักงานจังหวัด", "sub_unit": "ศูนย์ดำรงธรรมจังหวัด", "agency_id": 10},
              {"name": "หน่วยงานภาครัฐในจังหวัด", "collective": true},
              {"name": "เทศบาลตำบลหรือเสาะ"}])json")));
  // Without a directory nothing is linked; the names are the same.
  auto offline = plugin::agency_refs_of("สำนักงาน ป.ป.ช. ประจำ จังหวัด", plugin::plan_context{});
  ASSERT_EQ(offline.size(), 1u);
  EXPECT_FALSE(offline[0].agency_id);
}

TEST(agency_refs, reading_is_lenient_and_upgrading_splits_names) {
  auto list = json::parse(R"([{"name": "ก", "agency_id": 3, "sub_unit": "ข", "collective": false},
                              "สำนักงานจังหวัดนราธิวาส หน่วยงานภาครัฐในจังหวัดนราธิวาส", 7, {"agency_id": 2},
                              {"name": "ค", "agency_id": "4", "collective": "yes"}])");
  auto refs = plugin::read_agency_refs(&list);
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_EQ(refs[0].agency_id, 3);
  EXPECT_EQ(refs[0].sub_unit, "ข");
  EXPECT_EQ(refs[1].name, "สำนักงานจังหวัดนราธิวาส หน่วยงานภาครัฐในจังหวัดนราธิวาส");  // a string is a name as it stands
  EXPECT_FALSE(refs[2].agency_id);                                            // "4" is no id
  EXPECT_FALSE(refs[2].collective);
  EXPECT_TRUE(plugin::read_agency_refs(nullptr).empty());

  auto upgraded = plugin::upgrade_agency_list(list.as_array());
  EXPECT_EQ(upgraded.size(), 6u);  // the string became two references; the rest kept as they are
  EXPECT_EQ(upgraded[1], json::parse(R"({"name": "สำนักงานจังหวัดนราธิวาส"})"));
  EXPECT_EQ(upgraded[2], json::parse(R"({"name": "หน่วยงานภาครัฐในจังหวัดนราธิวาส", "collective": true})"));
  EXPECT_EQ(upgraded[3], 7);
}

TEST(agency_refs, linking_sets_ids_only_for_unlinked_single_agencies) {
  auto list = json::parse(R"([{"name": "สำนักงานจังหวัด"}, {"name": "สำนักงานจังหวัดนราธิวาส", "agency_id": 99},
                              {"name": "ทุกส่วนราชการ", "collective": true}, {"name": "เทศบาลตำบลหรือเสาะ"}, 5])")
                  .as_array();
  plugin::link_agency_refs(list, narathiwat());
  EXPECT_EQ(list[0].at("agency_id"), 10);  // the province's name supplied
  EXPECT_EQ(list[1].at("agency_id"), 99);  // a choice already made is kept
  EXPECT_FALSE(list[2].as_object().contains("agency_id"));
  EXPECT_FALSE(list[3].as_object().contains("agency_id"));  // only close: the officer decides
  auto copy = list;
  plugin::link_agency_refs(copy, plugin::plan_context{});
  EXPECT_EQ(copy, list);
}

TEST(agency_refs, checks_name_the_problem_and_where_it_is) {
  auto list =
      json::parse(R"([{"name": "สำนักงานจังหวัด", "agency_id": 10}, {"name": "สำนักงานจังหวัดนราธิวาส", "agency_id": 99},
                              {"name": "เทศบาลตำบลหรือเสาะ"}, {"name": "ทุกส่วนราชการ", "collective": true},
                              "ก", {"name": ""}, {"name": "สหกรณ์ออมทรัพย์ครูนราธิวาส"}])");
  auto findings = plugin::check_agency_refs(list, "/p/main_agencies", narathiwat());
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& f : findings) got.emplace_back(f.code, f.path);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{{"unknown_agency", "/p/main_agencies/1/agency_id"},
                                                                   {"agency_not_linked", "/p/main_agencies/2"},
                                                                   {"invalid_type", "/p/main_agencies/4"},
                                                                   {"missing_field", "/p/main_agencies/5/name"},
                                                                   {"agency_not_linked", "/p/main_agencies/6"}}));
  EXPECT_EQ(findings[0].severity, "error");
  EXPECT_EQ(findings[1].severity, "warning");
  // The misspelt municipality is offered the right one, in both languages.
  EXPECT_NE(findings[1].message_en.find("\"เทศบาลตำบลรือเสาะ\""), std::string::npos) << findings[1].message_en;
  EXPECT_NE(findings[1].message_th.find("\"เทศบาลตำบลรือเสาะ\""), std::string::npos) << findings[1].message_th;
  // A name like nothing in the directory says to pick one or add it.
  EXPECT_NE(findings[4].message_en.find("matches no agency"), std::string::npos) << findings[4].message_en;
  // Without a directory only the shape is checked.
  auto offline = plugin::check_agency_refs(list, "/p/main_agencies", plugin::plan_context{});
  EXPECT_EQ(offline.size(), 2u);
  EXPECT_TRUE(plugin::check_agency_refs(json::value(3), "/x", narathiwat()).empty());
}

TEST(agency_refs, linked_ids_are_in_order_and_once_each) {
  std::vector<plugin::agency_ref> refs = {
      {"ก", "", false, 4}, {"ข", "", true, std::nullopt}, {"ค", "", false, 2}, {"ง", "", false, 4}};
  std::vector<std::int64_t> ids;
  plugin::add_linked_ids(ids, refs);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{4, 2}));
  // Supporting agencies after the main ones: only the ids not held yet.
  plugin::add_linked_ids(ids, {{"จ", "", false, 2}, {"ฉ", "", false, 9}});
  EXPECT_EQ(ids, (std::vector<std::int64_t>{4, 2, 9}));
  EXPECT_EQ(plugin::names_of(refs), (std::vector<std::string>{"ก", "ข", "ค", "ง"}));
}

}  // namespace
}  // namespace planflow
