// The small Thai text readers (text_scan.hpp) and the table-row helpers.
#include "text_scan.hpp"

#include "findings.hpp"
#include "table_rows.hpp"
#include "test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace planflow::plugins::anti_corruption {
namespace {

TEST(split_item_number, reads_list_numbers_only) {
  EXPECT_EQ(scan::split_item_number("๑.กิจกรรมประสานงาน").number, "1");
  EXPECT_EQ(scan::split_item_number("๑.กิจกรรมประสานงาน").rest, "กิจกรรมประสานงาน");
  EXPECT_EQ(scan::split_item_number("๑๐. โครงการยกระดับ").number, "10");
  EXPECT_EQ(scan::split_item_number("๑๐. โครงการยกระดับ").rest, "โครงการยกระดับ");
  EXPECT_EQ(scan::split_item_number("2.2 จำนวน").number, "");  // a dotted number
  EXPECT_EQ(scan::split_item_number("๒๕๖๖. ปี").number, "");    // four digits
  EXPECT_EQ(scan::split_item_number("กิจกรรมผลิตสื่อ").number, "");
  EXPECT_EQ(scan::split_item_number("กิจกรรมผลิตสื่อ").rest, "กิจกรรมผลิตสื่อ");
  EXPECT_EQ(scan::split_item_number("").number, "");
}

TEST(read_dotted_number, reads_indicator_numbers) {
  auto n = scan::read_dotted_number("๒.๒.๑ จำนวน");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->number, "2.2.1");
  EXPECT_EQ(n->components, 3);
  EXPECT_EQ(std::string_view("๒.๒.๑ จำนวน").substr(n->length), " จำนวน");
  EXPECT_EQ(scan::read_dotted_number("๑ :")->number, "1");
  EXPECT_FALSE(scan::read_dotted_number("จำนวน"));
  EXPECT_FALSE(scan::read_dotted_number("1234.5"));
}

TEST(split_paragraphs, splits_at_closing_tags) {
  EXPECT_EQ(scan::split_paragraphs("<p>ก</p> <p>ข &amp; ค</p>"), (std::vector<std::string>{"ก", "ข & ค"}));
  EXPECT_EQ(scan::split_paragraphs("ก<br/>ข<BR>ค"), (std::vector<std::string>{"ก", "ข", "ค"}));
  EXPECT_EQ(scan::split_paragraphs("a < b"), (std::vector<std::string>{"a < b"}));
  EXPECT_TRUE(scan::split_paragraphs("<p></p>").empty());
}

TEST(split_numbered_pieces, splits_work_items_sharing_a_cell) {
  // seed 000:207, two work items in one cell without tags.
  auto pieces = scan::split_numbered_pieces("๑. ขับเคลื่อนมาตรการ ที่ชัดเจนและเป็นรูปธรรม ๒. จัดทำและพัฒนามาตรการ พ.ศ. ๒๕๕๘");
  EXPECT_EQ(pieces,
            (std::vector<std::string>{"๑. ขับเคลื่อนมาตรการ ที่ชัดเจนและเป็นรูปธรรม", "๒. จัดทำและพัฒนามาตรการ พ.ศ. ๒๕๕๘"}));
  // seed 000:129, the end of one item then the next.
  pieces = scan::split_numbered_pieces("<p>มาตรฐานทางจริยธรรม</p> <p>๓. พัฒนาแนวทาง</p>");
  EXPECT_EQ(pieces, (std::vector<std::string>{"มาตรฐานทางจริยธรรม", "๓. พัฒนาแนวทาง"}));
}

TEST(split_agencies, splits_at_bullets_and_paragraphs) {
  EXPECT_EQ(scan::split_agencies("-สำนักงาน ป.ป.ช. ประจำจังหวัด -ชมรม STRONG-จิตพอเพียงต้านทุจริต"),
            (std::vector<std::string>{"สำนักงาน ป.ป.ช. ประจำจังหวัด", "ชมรม STRONG-จิตพอเพียงต้านทุจริต"}));
  EXPECT_EQ(scan::split_agencies("<p>- เทศบาลตำบลหรือเสาะ</p>"), (std::vector<std::string>{"เทศบาลตำบลหรือเสาะ"}));
  EXPECT_EQ(scan::split_agencies("ชมรม STRONG - จิตพอเพียง"), (std::vector<std::string>{"ชมรม STRONG - จิตพอเพียง"}));
  EXPECT_EQ(scan::split_agencies("สำนักงานจังหวัดนราธิวาส หน่วยงานภาครัฐในจังหวัดนราธิวาส"),
            (std::vector<std::string>{"สำนักงานจังหวัดนราธิวาส หน่วยงานภาครัฐในจังหวัดนราธิวาส"}));
  EXPECT_TRUE(scan::split_agencies(" - ").empty());
}

TEST(find_province_mentions, finds_whole_names_after_changwat) {
  auto provinces = test::all_provinces();
  auto names = [&](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& m : scan::find_province_mentions(text, provinces)) out.push_back(provinces[m.province].name_th);
    return out;
  };
  EXPECT_EQ(names("สำนักงานสาธารณสุขจังหวัดนครราชสีมา"), (std::vector<std::string>{"นครราชสีมา"}));
  EXPECT_EQ(names("สำนักงานจังหวัด นราธิวาส และจังหวัดยะลา"), (std::vector<std::string>{"นราธิวาส", "ยะลา"}));
  EXPECT_TRUE(names("ใน ๗๖ จังหวัด").empty());
  EXPECT_TRUE(names("จังหวัด...").empty());
  // "ตาก" followed by a vowel sign would be a longer word, not the province.
  EXPECT_TRUE(names("จังหวัดตากิ").empty());
  EXPECT_EQ(scan::standalone_province_name("จังหวัดนราธิวาส"), "นราธิวาส");
  EXPECT_EQ(scan::standalone_province_name("จังหวัด..."), "");
  EXPECT_EQ(scan::standalone_province_name("สำนักงานจังหวัดนราธิวาส"), "");
}

TEST(find_target, reads_quantified_numbers) {
  auto t = scan::find_target("ลงพื้นที่ไม่น้อยกว่า ๓ แห่ง");
  EXPECT_EQ(t.value, 3.0);
  EXPECT_EQ(t.unit, "แห่ง");
  EXPECT_EQ(t.text, "ไม่น้อยกว่า ๓ แห่ง");
  t = scan::find_target("ปี ๒๕๖๖ หน่วยงานที่ผ่านเกณฑ์ ไม่น้อยกว่าร้อยละ ๑๐๐");
  EXPECT_EQ(t.value, 100.0);
  EXPECT_EQ(t.unit, "ร้อยละ");
  EXPECT_EQ(t.text, "ไม่น้อยกว่าร้อยละ ๑๐๐");
  t = scan::find_target("ร้อยละ ๘๒ ผ่านเกณฑ์การประเมิน");
  EXPECT_EQ(t.value, 82.0);
  t = scan::find_target("มีแผนบริหาร ความเสี่ยงปี พ.ศ. ๒๕๖๖ จำนวน ๑ แผน");
  EXPECT_EQ(t.value, 1.0);
  EXPECT_EQ(t.unit, "แผน");
  t = scan::find_target("ลงพื้นที่ สังเกตการณ์ จำนวน ๔ โครงการ/เรื่อง/ ประเด็น");
  EXPECT_EQ(t.unit, "โครงการ/เรื่อง");
  t = scan::find_target("ผ่านเกณฑ์ 85%");
  EXPECT_EQ(t.value, 85.0);
  EXPECT_EQ(t.unit, "ร้อยละ");
  t = scan::find_target("ประชาชนเกิดเครือข่ายภาคประชาชน ๒๑ ชุมชน");
  EXPECT_EQ(t.value, 21.0);
  EXPECT_EQ(t.unit, "ชุมชน");
}

TEST(find_target, skips_years_ordinals_lists_and_descriptions) {
  EXPECT_FALSE(scan::find_target("ประจำปี พ.ศ.๒๕๖๖ ได้อย่างถูกต้อง").value);
  EXPECT_FALSE(scan::find_target("MOPH ITA ๒๐๒๓").value);
  EXPECT_FALSE(scan::find_target("ไตรมาสที่ ๑").value);
  EXPECT_FALSE(scan::find_target("๑.ร้อยละของหน่วยงาน ๒.ร้อยละของหน่วยงาน").value);
  EXPECT_FALSE(scan::find_target("มีคุณธรรมที่พึงประสงค์ ๕ ประการ คือ พอเพียง วินัย").value);
  EXPECT_FALSE(scan::find_target("MOIT5 ผ่าน").value);
  EXPECT_FALSE(scan::find_target("").value);
}

TEST(similarity, measures_shared_character_pairs) {
  EXPECT_DOUBLE_EQ(scan::similarity("จำนวนคดี", "ปี ๒๕๖๖ จำนวนคดีทุจริต"), 1.0);
  EXPECT_LT(scan::similarity("ร้อยละของเด็ก", "จำนวนคดี"), 0.3);
  EXPECT_EQ(scan::similarity("", "x"), 0.0);
  EXPECT_EQ(scan::similarity("\xFF\xFE", "\xFF\xFE"), 1.0);
}

TEST(find_fiscal_year, reads_the_year_after_the_keyword) {
  auto y = scan::find_fiscal_year("แผน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ และ", 0);
  ASSERT_TRUE(y);
  EXPECT_EQ(y->year, 2566);
  EXPECT_EQ(scan::find_fiscal_year("ปีงบประมาณ 2569", 0)->year, 2569);
  EXPECT_FALSE(scan::find_fiscal_year("ปีงบประมาณที่ผ่านมา", 0));
  EXPECT_FALSE(scan::find_fiscal_year("ปีงบประมาณ ๑๙๙๙", 0));
}

TEST(find_year_mention, reads_the_year_a_text_is_for) {
  // Seed 000:229, with the start taken back to "ประจำ".
  std::string title = "โครงการคัดเลือก ข้าราชการกรมที่ดินผู้มีคุณธรรม และจริยธรรมดีเด่นประจำปี พ.ศ.๒๕๖๕";
  auto at = scan::find_year_mention(title, 0);
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(at->year, 2565);
  EXPECT_EQ(title.substr(at->start, at->end - at->start), "ประจำปี พ.ศ.๒๕๖๕");
  EXPECT_EQ(at->end, title.size());
  // Seed 000:144 (ASCII digits) and 178 (a space inside ประจำปี งบประมาณ).
  EXPECT_EQ(scan::find_year_mention("ประจำปีงบประมาณ พ.ศ. 2566 และแจ้งเวียน", 0)->year, 2566);
  EXPECT_EQ(scan::find_year_mention("ระดับจังหวัดประจำปี งบประมาณ พ.ศ. ๒๕๖๖", 0)->year, 2566);
  EXPECT_EQ(scan::find_year_mention("ปี ๒๕๖๖ เด็กและเยาวชนไทย", 0)->year, 2566);
  // Each mention in turn.
  std::string two = "ปี ๒๕๖๖ และปี ๒๕๖๗";
  auto first = scan::find_year_mention(two, 0);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(scan::find_year_mention(two, first->end)->year, 2567);
  // An act's year, a range, a count of years and a CE year are not the year the text is for.
  EXPECT_FALSE(scan::find_year_mention("ตามพระราชบัญญัติการอำนวยความสะดวก พ.ศ. ๒๕๕๘", 0).has_value());
  EXPECT_FALSE(scan::find_year_mention("แผนปฏิบัติการ ปี ๒๕๖๖ - ๒๕๗๐", 0).has_value());
  EXPECT_FALSE(scan::find_year_mention("ดำเนินการ ๕ ปี ติดต่อกัน", 0).has_value());
  EXPECT_FALSE(scan::find_year_mention("ปี 2023", 0).has_value());
  EXPECT_FALSE(scan::find_year_mention("", 0).has_value());
}

TEST(find_national_scope, finds_the_national_plans_wording) {
  // Seed 000:130 and 133.
  std::string method = "ให้ครอบคลุมทุกอำเภอ ใน ๗๖ จังหวัด โดยมีกลุ่มเป้าหมาย";
  auto at = scan::find_national_scope(method);
  ASSERT_TRUE(at.has_value());
  EXPECT_TRUE(std::string_view(method).substr(*at).starts_with("๗๖ จังหวัด")) << method.substr(*at);
  EXPECT_TRUE(scan::find_national_scope("เครือข่ายภาคเยาวชนจังหวัดละ ๕๐ คน").has_value());
  EXPECT_TRUE(scan::find_national_scope("ดำเนินการในทุกจังหวัด").has_value());
  EXPECT_TRUE(scan::find_national_scope("76 จังหวัด").has_value());
  // The province's own name, one province, a year and districts are fine.
  EXPECT_FALSE(scan::find_national_scope("สำนักงานสาธารณสุขจังหวัด นราธิวาส ๑ แห่ง").has_value());
  EXPECT_FALSE(scan::find_national_scope("ทุกอำเภอในจังหวัดนราธิวาส").has_value());
  EXPECT_FALSE(scan::find_national_scope("ศึกษาดูงาน ๑ จังหวัด").has_value());
  EXPECT_FALSE(scan::find_national_scope("ประจำปี ๒๕๖๖ จังหวัด").has_value());
  EXPECT_FALSE(scan::find_national_scope("ทุกจังหวัดชายแดนภาคใต้").has_value());
}

// What a reading says in one line: "decrease:10 ร้อยละ at_least".
std::string summary(const scan::target_reading& r) {
  std::string out = r.direction;
  for (const auto& m : r.measures) out += fmt::format(" {:g} {} {}", m.value, m.unit, m.comparator);
  if (r.baseline) out += fmt::format(" baseline {:g}", *r.baseline);
  if (r.base_year) out += fmt::format(" base_year {}", *r.base_year);
  return out;
}

TEST(read_target, tells_levels_ceilings_and_changes_apart) {
  // Seed 000:83, 79 and 124.
  EXPECT_EQ(summary(scan::read_target("ปี ๒๕๖๖ จำนวนคดีทุจริตในภาพรวมลดลงร้อยละ ๑๐")), "decrease 10 ร้อยละ at_least");
  EXPECT_EQ(summary(scan::read_target("ปี ๒๕๖๖ หน่วยงานที่ผ่านเกณฑ์ (ITA) ไม่น้อยกว่าร้อยละ ๑๐๐")), "level 100 ร้อยละ at_least");
  EXPECT_EQ(summary(scan::read_target("ผู้เข้าร่วมประชุมไม่น้อยกว่า ๒๕ คน")), "level 25 คน at_least");
  EXPECT_EQ(summary(scan::read_target("ข้อร้องเรียน ลดลง ไม่น้อยกว่าร้อยละ ๕")), "decrease 5 ร้อยละ at_least");
  EXPECT_EQ(summary(scan::read_target("ผู้ใช้บริการเพิ่มขึ้นร้อยละ ๒๐")), "increase 20 ร้อยละ at_least");
  EXPECT_EQ(summary(scan::read_target("เรื่องร้องเรียนไม่เกินร้อยละ ๕")), "level 5 ร้อยละ at_most");
  EXPECT_EQ(summary(scan::read_target("จำนวน ๔ โปสเตอร์")), "level 4 โปสเตอร์ at_least");
  EXPECT_EQ(summary(scan::read_target("จำนวนคดีทุจริตรายหน่วยงานลดลง")), "level");
  EXPECT_EQ(summary(scan::read_target("")), "level");
}

TEST(read_target, keeps_every_quantity_of_a_cell) {
  // Seed 000:145, once only the course was kept.
  auto course = scan::read_target("ข้าราชการผ่านการอบรมอย่างน้อย ๑ หลักสูตร จำนวน ๓ คน");
  EXPECT_EQ(summary(course), "level 1 หลักสูตร at_least 3 คน at_least");
  EXPECT_EQ(course.text, "อย่างน้อย ๑ หลักสูตร จำนวน ๓ คน");
  // Seed 000:230–233, two numbered indicators in one cell.
  auto two = scan::read_target("ร้อยละ ๙๐ ของ บุคลากรมีการบริหาร ๒. ร้อยละ ๙๐ ของบุคลากรมีทัศนคติ");
  EXPECT_EQ(summary(two), "level 90 ร้อยละ at_least 90 ร้อยละ at_least");
  EXPECT_EQ(two.text, "ร้อยละ ๙๐; ร้อยละ ๙๐");
  // A year and a list marker are no quantities.
  EXPECT_EQ(summary(scan::read_target("มีแผนบริหาร ความเสี่ยงปี พ.ศ. ๒๕๖๖ จำนวน ๑ แผน")), "level 1 แผน at_least");
  EXPECT_EQ(summary(scan::read_target("คุณธรรมที่พึงประสงค์ ๕ ประการ คือ พอเพียง วินัย")), "level");
}

TEST(read_target, reads_the_baseline_and_base_year_apart_from_the_target) {
  EXPECT_EQ(summary(scan::read_target("จำนวนคดีลดลงร้อยละ ๑๐ จากค่าฐาน ๑๒๐ คดี")),
            "decrease 10 ร้อยละ at_least baseline 120");
  EXPECT_EQ(summary(scan::read_target("ข้อร้องเรียนลดลงร้อยละ ๑๐ เมื่อเทียบกับปี พ.ศ. ๒๕๖๕")),
            "decrease 10 ร้อยละ at_least base_year 2565");
  EXPECT_EQ(summary(scan::read_target("ผู้ใช้บริการเพิ่มขึ้นร้อยละ ๕ จากปีงบประมาณ ๒๕๖๕ (ค่าฐาน ๔,๐๐๐ คน)")),
            "increase 5 ร้อยละ at_least baseline 4000 base_year 2565");
  EXPECT_EQ(summary(scan::read_target("ลดลงร้อยละ ๑๐ (ค่าฐานปี ๒๕๖๔ ร้อยละ ๓๐)")),
            "decrease 10 ร้อยละ at_least baseline 30 base_year 2564");
  EXPECT_EQ(summary(scan::read_target("ลดลงร้อยละ ๒๕ ปีฐาน ๒๕๖๔")), "decrease 25 ร้อยละ at_least base_year 2564");
}

TEST(find_target, stays_linear_on_text_without_spaces) {
  // Every number would otherwise rescan the rest of the text for its unit.
  std::string text;
  while (text.size() < 1024 * 1024) text += "1ก";
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(scan::find_target(text).value);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(excerpt, cuts_long_text_at_a_character_boundary) {
  EXPECT_EQ(excerpt("สั้น"), "สั้น");
  std::string thai;
  for (int i = 0; i < 100; ++i) thai += "ก";  // three bytes each
  auto cut = excerpt(thai, 10);
  EXPECT_EQ(cut, "กกก…");
}

TEST(table_rows, reads_header_layouts) {
  auto layout = read_header_layout(
      "ลักษณะสำคัญของงาน\tโครงการ/กิจกรรม\tวิธีการดำเนินงาน\tตัวชี้วัด\tงบประมาณ\tระยะเวลา ดำเนินการ\tหน่วยงาน รับผิดชอบ");
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->recognised, 7);
  EXPECT_EQ(layout->index, (std::array<int, k_columns>{0, 1, 2, 3, 4, 5, 6}));
  // Another order, one column missing.
  layout = read_header_layout("โครงการ/กิจกรรม\tงบประมาณ (บาท)\tตัวชี้วัด\tหน่วยงานรับผิดชอบ\tระยะเวลา");
  ASSERT_TRUE(layout);
  EXPECT_EQ(layout->index, (std::array<int, k_columns>{-1, 0, -1, 2, 1, 4, 3}));
  EXPECT_FALSE(read_header_layout("ก\tข\tค"));
}

TEST(table_rows, repairs_the_left_shifted_row) {
  // seed 000:174
  auto cells = split_cells(
      "๑๓.โครงการประชุม\tคณะกรรมการวิเคราะห์\tความเสี่ยงระดับต่ำ\tไม่ใช้งบประมาณ\tมกราคม-มีนาคม ๒๕๖๖\t"
      "-สำนักงานสาธารณสุขจังหวัดนราธิวาส\t");
  auto row = map_row(cells, header_layout{});
  ASSERT_TRUE(repair_left_shift(row));
  EXPECT_EQ(row.text(column::work_item), "");
  EXPECT_EQ(row.text(column::title), "๑๓.โครงการประชุม");
  EXPECT_EQ(row.text(column::budget), "ไม่ใช้งบประมาณ");
  EXPECT_EQ(row.text(column::period), "มกราคม-มีนาคม ๒๕๖๖");
  EXPECT_EQ(row.text(column::agency), "-สำนักงานสาธารณสุขจังหวัดนราธิวาส");
  // A normal row is left alone.
  auto normal = map_row(split_cells("\tกิจกรรม\tวิธี\tตัวชี้วัด\t๑๐ บาท\tมกราคม ๒๕๖๖\tหน่วยงาน"), header_layout{});
  EXPECT_FALSE(repair_left_shift(normal));
}

TEST(table_rows, reads_total_rows) {
  auto total = read_total_row(
      map_row(split_cells("รวม ๒ เป้าหมาย จำนวน ๓๑ โครงการ/กิจกรรม\t\t\t\t๑,๑๔๕,๘๔๐\t\t"), header_layout{}));
  ASSERT_TRUE(total);
  EXPECT_EQ(total->goals, 2);
  EXPECT_EQ(total->projects, 31);
  EXPECT_EQ(total->budget_satang, 114'584'000);
  EXPECT_TRUE(total->plan_level);
  total = read_total_row(map_row(split_cells("รวม ๕ กิจกรรม\t\t\t\tไม่ใช้งบประมาณ\t\t"), header_layout{}));
  ASSERT_TRUE(total);
  EXPECT_EQ(total->activities, 5);
  EXPECT_EQ(total->budget_satang, 0);
  EXPECT_FALSE(total->plan_level);
  // An activity named "รวมพลัง…" is not a total.
  EXPECT_FALSE(read_total_row(
      map_row(split_cells("\tรวมพลังต้านทุจริต\tจัดงาน\tคน ๕๐ คน\t๑๐ บาท\tมกราคม ๒๕๖๖\tหน่วยงาน"), header_layout{})));
}

}  // namespace
}  // namespace planflow::plugins::anti_corruption
