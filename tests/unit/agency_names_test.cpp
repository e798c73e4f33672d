// Agency cells as the seed documents write them, read into mentions and
// matched against a province's directory.
#include <planflow/text/agency_names.hpp>

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace planflow::test {
namespace {

using text::agency_key;
using text::split_agencies;

std::vector<std::string> names_of(const std::string& cell) {
  std::vector<std::string> out;
  for (const auto& m : split_agencies(cell))
    out.push_back(m.text + (m.unit.empty() ? "" : " [" + m.unit + "]") + (m.collective ? " *" : ""));
  return out;
}

using list = std::vector<std::string>;

TEST(agency_names, a_cell_naming_several_agencies_is_split_where_a_name_starts) {
  // seed 000 (responsible agencies; * marks a group, not one agency)
  EXPECT_EQ(names_of("สำนักงานจังหวัดนราธิวาส ราชการส่วนภูมิภาค ทุกส่วน องค์กรปกครองส่วนท้องถิ่นในจังหวัด"),
            (list{"สำนักงานจังหวัดนราธิวาส", "ราชการส่วนภูมิภาค ทุกส่วน *", "องค์กรปกครองส่วนท้องถิ่นในจังหวัด *"}));
  EXPECT_EQ(names_of("สนง.ประชาสัมพันธ์จังหวัดนราธิวาส หน่วยงานภาครัฐในจังหวัดนราธิวาส"),
            (list{"สนง.ประชาสัมพันธ์จังหวัดนราธิวาส", "หน่วยงานภาครัฐในจังหวัดนราธิวาส *"}));
  EXPECT_EQ(names_of("สำนักงานจังหวัด นราธิวาส หน่วยงานภาครัฐใน จังหวัดนราธิวาส"),
            (list{"สำนักงานจังหวัด นราธิวาส", "หน่วยงานภาครัฐใน จังหวัดนราธิวาส *"}));
  // One agency, however it is spaced; "every agency" is one group.
  EXPECT_EQ(names_of("สำนักงาน ป.ป.ช. ประจำ จังหวัด"), (list{"สำนักงาน ป.ป.ช. ประจำ จังหวัด"}));
  EXPECT_EQ(names_of("สำนักงานเขตพื้นที่ การศึกษา"), (list{"สำนักงานเขตพื้นที่ การศึกษา"}));
  EXPECT_EQ(names_of("ส่วนราชการภูมิภาคทุก ส่วนราชการ"), (list{"ส่วนราชการภูมิภาคทุก ส่วนราชการ *"}));
  EXPECT_EQ(names_of("<p>ชมรม STRONG-จิต พอเพียงต้านทุจริต</p>"), (list{"ชมรม STRONG-จิต พอเพียงต้านทุจริต"}));
  // seed 002: a sub-unit in parentheses belongs to the agency before it.
  EXPECT_EQ(names_of("สำนักงาน จังหวัด นครราชสีมา (กลุ่มงานบริหารทรัพยากรบุคคล)"),
            (list{"สำนักงาน จังหวัด นครราชสีมา [กลุ่มงานบริหารทรัพยากรบุคคล]"}));
  EXPECT_EQ(names_of("ทุกส่วนราชการ"), (list{"ทุกส่วนราชการ *"}));
  EXPECT_EQ(names_of("สำนักงาน ราชการ"), (list{"สำนักงาน ราชการ"}));  // garbled, but one cell, not two names
  EXPECT_TRUE(split_agencies("").empty());
  // Bullets glued to a name start one; a dash standing alone is text.
  EXPECT_EQ(names_of("-สำนักงาน ป.ป.ช. ประจำจังหวัด -สำนักงานจังหวัด (ศูนย์ดำรงธรรมจังหวัด) •คณะธรรมภิบาลจังหวัด"),
            (list{"สำนักงาน ป.ป.ช. ประจำจังหวัด", "สำนักงานจังหวัด [ศูนย์ดำรงธรรมจังหวัด]", "คณะธรรมภิบาลจังหวัด"}));
  EXPECT_EQ(names_of("ชมรม STRONG - จิตพอเพียงต้านทุจริต"), (list{"ชมรม STRONG - จิตพอเพียงต้านทุจริต"}));
  EXPECT_EQ(names_of("- -"), (list{"- -"}));
}

TEST(agency_names, spellings_of_one_agency_share_a_key) {
  const std::string narathiwat = "นราธิวาส";
  EXPECT_EQ(agency_key("สำนักงาน ป.ป.ช. ประจำ จังหวัด", narathiwat), agency_key("สำนักงาน ป.ป.ช. ประจำจังหวัด", narathiwat));
  EXPECT_EQ(agency_key("สำนักงาน ป.ป.ช. ประจำจังหวัด", narathiwat), "สำนักงานป.ป.ช.ประจำจังหวัดนราธิวาส");
  EXPECT_EQ(agency_key("สำนักงานสาธารณสุขจังหวัด นราธิวาส", narathiwat), "สำนักงานสาธารณสุขจังหวัดนราธิวาส");
  EXPECT_EQ(agency_key("สนง.ประชาสัมพันธ์จังหวัดนราธิวาส", narathiwat), "สำนักงานประชาสัมพันธ์จังหวัดนราธิวาส");
  EXPECT_EQ(agency_key("สำนักงานจังหวัด (ศูนย์ดำรงธรรมจังหวัด)", narathiwat), "สำนักงานจังหวัดนราธิวาส");
  EXPECT_EQ(agency_key("ชมรม STRONG-จิต พอเพียงต้านทุจริต", narathiwat),
            agency_key("ชมรม STRONG-จิตพอเพียงต้านทุจริต", narathiwat));
  // Another province's agency stays another province's.
  EXPECT_NE(agency_key("สำนักงานสาธารณสุขจังหวัดนครราชสีมา", narathiwat), agency_key("สำนักงานสาธารณสุขจังหวัด", narathiwat));
}

// Every agency cell of seed 000 (as its importer reads them today: 29
// different strings), split and keyed: the agencies the plan names.
TEST(agency_names, the_anti_corruption_seed_names_its_agencies_once_each) {
  const std::vector<std::string> cells = {"สำนักงาน ป.ป.ช. ประจำจังหวัด",
                                          "สำนักงานสาธารณสุขจังหวัดนราธิวาส",
                                          "ชมรม STRONG-จิตพอเพียงต้านทุจริต",
                                          "สำนักงาน ป.ป.ช. ประจำ จังหวัด",
                                          "สำนักงานจังหวัด (ศูนย์ดำรงธรรมจังหวัด)",
                                          "สำนักงานศึกษาธิการ จังหวัด",
                                          "สำนักงานเขตพื้นที่ การศึกษา",
                                          "สำนักงานส่งเสริมการ ปกครองท้องถิ่นจังหวัด",
                                          "สำนักงานจังหวัดนราธิวาส หน่วยงานภาครัฐในจังหวัดนราธิวาส",
                                          "สำนักงานสาธารณสุขจังหวัด นราธิวาส",
                                          "สำนักงานสาธารณสุขจังหวัดนครราชสีมา",
                                          "ประธานอาชีวศึกษา จังหวัด",
                                          "เทศบาลตำบลหรือเสาะ",
                                          "สำนักงานจังหวัดนราธิวาส ราชการส่วนภูมิภาค ทุกส่วน องค์กรปกครองส่วนท้องถิ่นในจังหวัด",
                                          "สำนักงานการท่องเที่ยวกีฬาจังหวัดนราธิวาส",
                                          "สนง.ประชาสัมพันธ์จังหวัดนราธิวาส หน่วยงานภาครัฐในจังหวัดนราธิวาส",
                                          "หน่วยงานภาครัฐ ภายในจังหวัด",
                                          "สำนักงานจังหวัด",
                                          "สำนักงานจังหวัดนราธิวาส",
                                          "หน่วยงานที่ได้รับมอบหมายตามมติคณะรัฐมนตรี",
                                          "ชมรม STRONG-จิต พอเพียงต้านทุจริต",
                                          "คณะธรรมภิบาลจังหวัด",
                                          "คณะกรรมการกบิลจังหวัด",
                                          "สำนักงานคลังจังหวัดนราธิวาส",
                                          "สำนักงานจังหวัด นราธิวาส หน่วยงานภาครัฐใน จังหวัดนราธิวาส",
                                          "สำนักงานที่ดินจังหวัด นราธิวาส",
                                          "สำนักงานพัฒนาชุมชน จังหวัดนราธิวาส",
                                          "สำนักงานพาณิชย์จังหวัด นราธิวาส",
                                          "ส่วนราชการภูมิภาคทุก ส่วนราชการ"};
  ASSERT_EQ(cells.size(), 29u);
  std::set<std::string> agencies, groups;
  for (const auto& cell : cells) {
    for (const auto& m : split_agencies(cell)) (m.collective ? groups : agencies).insert(agency_key(m.text, "นราธิวาส"));
  }
  const std::set<std::string> expected = {
      "สำนักงานป.ป.ช.ประจำจังหวัดนราธิวาส",
      "สำนักงานสาธารณสุขจังหวัดนราธิวาส",
      "ชมรมSTRONG-จิตพอเพียงต้านทุจริต",
      "สำนักงานจังหวัดนราธิวาส",
      "สำนักงานศึกษาธิการจังหวัดนราธิวาส",
      "สำนักงานเขตพื้นที่การศึกษา",
      "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนราธิวาส",
      "สำนักงานสาธารณสุขจังหวัดนครราชสีมา",  // another province's: the importer flags it
      "ประธานอาชีวศึกษาจังหวัดนราธิวาส",
      "เทศบาลตำบลหรือเสาะ",
      "สำนักงานการท่องเที่ยวกีฬาจังหวัดนราธิวาส",
      "สำนักงานประชาสัมพันธ์จังหวัดนราธิวาส",
      "คณะธรรมภิบาลจังหวัดนราธิวาส",
      "คณะกรรมการกบิลจังหวัดนราธิวาส",
      "สำนักงานคลังจังหวัดนราธิวาส",
      "สำนักงานที่ดินจังหวัดนราธิวาส",
      "สำนักงานพัฒนาชุมชนจังหวัดนราธิวาส",
      "สำนักงานพาณิชย์จังหวัดนราธิวาส",
  };
  EXPECT_EQ(agencies, expected);
  EXPECT_EQ(groups.size(), 6u);  // every agency, local governments, the cabinet's choice, ...
}

TEST(agency_names, a_mention_is_matched_exactly_then_by_key_then_offered) {
  const std::vector<text::directory_agency> directory = {
      {1, "สำนักงานจังหวัดนราธิวาส"},
      {2, "สำนักงาน ป.ป.ช. ประจำจังหวัดนราธิวาส"},
      {3, "สำนักงานสาธารณสุขจังหวัดนราธิวาส"},
      {4, "สำนักงานเขตพื้นที่การศึกษาประถมศึกษานราธิวาส เขต 1"},
  };
  using kind = text::agency_match::kind;
  auto exact = text::match_agency("สำนักงานจังหวัดนราธิวาส", "นราธิวาส", directory);
  EXPECT_EQ(exact.how, kind::exact);
  EXPECT_EQ(exact.agency_id, 1);
  auto spaced = text::match_agency("สำนักงาน ป.ป.ช. ประจำ จังหวัด", "นราธิวาส", directory);
  EXPECT_EQ(spaced.how, kind::normalised);
  EXPECT_EQ(spaced.agency_id, 2);
  auto short_name = text::match_agency("สำนักงานจังหวัด", "นราธิวาส", directory);
  EXPECT_EQ(short_name.how, kind::normalised);
  EXPECT_EQ(short_name.agency_id, 1);
  auto close = text::match_agency("สำนักงานเขตพื้นที่ การศึกษา", "นราธิวาส", directory);
  EXPECT_EQ(close.how, kind::suggested);
  ASSERT_FALSE(close.suggestions.empty());
  EXPECT_EQ(close.suggestions.front(), 4);
  auto none = text::match_agency("เทศบาลตำบลหรือเสาะ", "นราธิวาส", directory);
  EXPECT_EQ(none.how, kind::none);
  EXPECT_TRUE(none.suggestions.empty());
}

}  // namespace
}  // namespace planflow::test
