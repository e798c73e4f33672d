#include <planflow/text/thai.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <string>
#include <utility>
#include <vector>

// Strings marked "seed NNN:line" are copied verbatim from the plan documents
// in shared/seeds (000 = the anti-corruption plan 2566, 002 = the ethics plan).

namespace planflow::text {
namespace {

using namespace std::chrono;

// --- digits -----------------------------------------------------------------

TEST(thai_digits, converts_both_ways) {
  EXPECT_EQ(thai_digits_to_arabic("๐๑๒๓๔๕๖๗๘๙"), "0123456789");
  EXPECT_EQ(arabic_digits_to_thai("0123456789"), "๐๑๒๓๔๕๖๗๘๙");
  EXPECT_EQ(thai_digits_to_arabic("พ.ศ. ๒๕๖๖"), "พ.ศ. 2566");
  EXPECT_EQ(arabic_digits_to_thai("ITA 2023 : ข้อ 1"), "ITA ๒๐๒๓ : ข้อ ๑");
  EXPECT_EQ(thai_digits_to_arabic(arabic_digits_to_thai("1,025,440")), "1,025,440");
}

TEST(thai_digits, leaves_everything_else_alone) {
  EXPECT_EQ(thai_digits_to_arabic(""), "");
  EXPECT_EQ(arabic_digits_to_thai(""), "");
  // U+0E4F (๏) and U+0E5A (๚) sit just outside the digit range.
  EXPECT_EQ(thai_digits_to_arabic("\u0E4F\u0E5A"), "\u0E4F\u0E5A");
  // A truncated Thai digit and stray bytes are copied, not dropped.
  EXPECT_EQ(thai_digits_to_arabic("\xE0\xB9"), "\xE0\xB9");
  EXPECT_EQ(thai_digits_to_arabic("a\xFF๕"),
            "a\xFF"
            "5");
  EXPECT_EQ(arabic_digits_to_thai("ไม่ใช้งบประมาณ"), "ไม่ใช้งบประมาณ");
}

// --- cells ------------------------------------------------------------------

TEST(thai_clean_cell, strips_paragraph_tags_from_seed_cells) {
  EXPECT_EQ(clean_cell("<p>๑๑๓,๐๐๐ บาท</p>"), "๑๑๓,๐๐๐ บาท");                             // seed 000:130
  EXPECT_EQ(clean_cell("<p>ไม่ใช้            งบประมาณ</p>"), "ไม่ใช้ งบประมาณ");              // seed 000:138
  EXPECT_EQ(clean_cell("<p>มกราคม – มีนาคม            ๒๕๖๖</p>"), "มกราคม – มีนาคม ๒๕๖๖");  // seed 000:138
  // Two paragraphs in one cell stay two words apart.
  EXPECT_EQ(clean_cell("<p>-สำนักงาน ป.ป.ช. ประจำ จังหวัด</p> <p>-สำนักงานศึกษาธิการ</p>"),
            "-สำนักงาน ป.ป.ช. ประจำ จังหวัด -สำนักงานศึกษาธิการ");
  EXPECT_EQ(clean_cell("<p>ก</p><p>ข</p>"), "ก ข");
  EXPECT_EQ(clean_cell("บรรทัดหนึ่ง<br>สอง<br/>สาม<BR />สี่"), "บรรทัดหนึ่ง สอง สาม สี่");
  EXPECT_EQ(clean_cell("<p class=\"x\" style='a:b'>ข้อความ</p>"), "ข้อความ");
  EXPECT_EQ(clean_cell("<!-- note -->ข้อความ"), "ข้อความ");
  EXPECT_EQ(clean_cell(""), "");
  EXPECT_EQ(clean_cell("<p></p>  <p> </p>"), "");
}

TEST(thai_clean_cell, inline_tags_do_not_split_thai_words) {
  EXPECT_EQ(clean_cell("ไม่<b>ใช้</b>งบประมาณ"), "ไม่ใช้งบประมาณ");
  EXPECT_EQ(clean_cell("<span lang=\"th\">งบ</span><strong>ประมาณ</strong>"), "งบประมาณ");
}

TEST(thai_clean_cell, decodes_entities) {
  EXPECT_EQ(clean_cell("(Watch &amp; Voice)"), "(Watch & Voice)");  // seed 000:133
  EXPECT_EQ(clean_cell("a&nbsp;&nbsp;b"), "a b");
  EXPECT_EQ(clean_cell("&lt;p&gt; &quot;x&quot; &apos;y&apos;"), "<p> \"x\" 'y'");
  EXPECT_EQ(clean_cell("&#3664;&#x0E51;&#X0e52;"), "๐๑๒");
  EXPECT_EQ(clean_cell("a&#160;b&#x200B;c"), "a b c");
  // Unknown, unterminated or out-of-range entities are text.
  EXPECT_EQ(clean_cell("&copy; & &amp &#; &#xD800; &#1114112; &#0;"), "&copy; & &amp &#; &#xD800; &#1114112; &#0;");
  // A decoded "<" is text, not the start of a tag.
  EXPECT_EQ(clean_cell("&lt;b&gt;ตัวหนา&lt;/b&gt;"), "<b>ตัวหนา</b>");
}

TEST(thai_clean_cell, keeps_angle_brackets_that_are_not_tags) {
  EXPECT_EQ(clean_cell("a < b > c"), "a < b > c");
  EXPECT_EQ(clean_cell("x<5"), "x<5");
  EXPECT_EQ(clean_cell("<p ไม่ปิด"), "<p ไม่ปิด");
  EXPECT_EQ(clean_cell("</>"), "</>");
}

TEST(thai_clean_cell, strips_markdown_bold_and_odd_spaces) {
  EXPECT_EQ(clean_cell("**ตัวชี้วัดที่ ๑.๑ :** ร้อยละ"), "ตัวชี้วัดที่ ๑.๑ : ร้อยละ");  // seed 000:104
  EXPECT_EQ(clean_cell("**จังหวัดนราธิวาส**"), "จังหวัดนราธิวาส");              // seed 000:6
  EXPECT_EQ(clean_cell("**หัวเรื่อง**  \n**บรรทัดต่อไป**"), "หัวเรื่อง บรรทัดต่อไป");
  EXPECT_EQ(clean_cell("*ข้อ*"), "*ข้อ*");
  EXPECT_EQ(clean_cell("\tก\u00A0\u00A0ข\u200Bค\r\n\u3000ง\uFEFF"), "ก ข ค ง");
}

TEST(thai_clean_cell, stays_linear_on_hostile_input) {
  std::string angles;
  for (int i = 0; i < (1 << 19); ++i) angles += "<a";
  EXPECT_EQ(clean_cell(angles), angles);
  std::string amps;
  for (int i = 0; i < (1 << 19); ++i) amps += "&#1";
  EXPECT_EQ(clean_cell(amps), amps);
  std::string spaces(1 << 20, ' ');
  EXPECT_EQ(clean_cell(spaces + "ก" + spaces), "ก");
}

TEST(thai_collapse_whitespace, collapses_and_trims) {
  EXPECT_EQ(collapse_whitespace("  ก \t\n ข\u00A0\u200B ค  "), "ก ข ค");
  EXPECT_EQ(collapse_whitespace("<p>ก</p>"), "<p>ก</p>");
  EXPECT_EQ(collapse_whitespace(""), "");
  EXPECT_EQ(collapse_whitespace(" \u00A0 "), "");
  EXPECT_EQ(collapse_whitespace("ไม่ใช้            งบประมาณ"), "ไม่ใช้ งบประมาณ");  // seed 000:138
}

// --- money ------------------------------------------------------------------

TEST(thai_baht, parses_seed_budgets) {
  EXPECT_EQ(parse_baht("๑,๐๒๕,๔๔๐"), 102544000);          // seed 000:187
  EXPECT_EQ(parse_baht("๓๐,๕๐๐ บาท"), 3050000);           // seed 000:124
  EXPECT_EQ(parse_baht("<p>๑๑๓,๐๐๐ บาท</p>"), 11300000);  // seed 000:130
  EXPECT_EQ(parse_baht("<p>๓๖๒,๔๒๐ บาท</p>"), 36242000);  // seed 000:135
  EXPECT_EQ(parse_baht("๒,๐๐๐ บาท"), 200000);             // seed 000:150
  EXPECT_EQ(parse_baht("๑๒๐,๔๐๐"), 12040000);             // seed 000:236
  EXPECT_EQ(parse_baht("๑,๑๔๕,๘๔๐"), 114584000);          // seed 000:237
}

TEST(thai_baht, seed_totals_add_up) {
  // Section 1 of seed 000 (rows 124..179) and section 2 (rows 208..212).
  std::int64_t first = 0;
  for (auto cell :
       {"๓๐,๕๐๐ บาท", "๖๑,๐๐๐ บาท", "<p>๑๑๓,๐๐๐ บาท</p>", "<p>๗๒,๙๐๐ บาท</p>", "<p>๒๒,๖๐๐ บาท</p>",
        "<p>๓๖๒,๔๒๐ บาท</p>", "๒๒,๖๐๐ บาท", "๒,๐๐๐ บาท", "๑๘๐,๐๐๐ บาท", "๑๓,๘๐๐ บาท", "๙๖,๐๐๐ บาท", "๔๘,๖๒๐ บาท"}) {
    auto amount = parse_baht(cell);
    ASSERT_TRUE(amount) << cell;
    first += *amount;
  }
  EXPECT_EQ(first, parse_baht("๑,๐๒๕,๔๔๐"));
  std::int64_t second = 0;
  for (auto cell : {"๓๕,๐๐๐ บาท", "๒๕,๐๐๐ บาท", "๖๐,๔๐๐ บาท"}) second += parse_baht(cell).value_or(-1);
  EXPECT_EQ(second, parse_baht("๑๒๐,๔๐๐"));
  EXPECT_EQ(first + second, parse_baht("๑,๑๔๕,๘๔๐"));
}

TEST(thai_baht, accepts_arabic_digits_decimals_and_marks) {
  EXPECT_EQ(parse_baht("20,000"), 2000000);
  EXPECT_EQ(parse_baht("20000"), 2000000);
  EXPECT_EQ(parse_baht("  20,000 บาท  "), 2000000);
  EXPECT_EQ(parse_baht("20,000บาท"), 2000000);
  EXPECT_EQ(parse_baht("12.5"), 1250);
  EXPECT_EQ(parse_baht("1,025,440.50 บาท"), 102544050);
  EXPECT_EQ(parse_baht("๐.๗๕"), 75);
  EXPECT_EQ(parse_baht("30,500.- บาท"), 3050000);
  EXPECT_EQ(parse_baht("฿1,000"), 100000);
  EXPECT_EQ(parse_baht("0"), 0);
  EXPECT_EQ(parse_baht("92233720368547758.07"), std::numeric_limits<std::int64_t>::max());
}

TEST(thai_baht, rejects_everything_else) {
  for (auto text : {"",
                    " ",
                    "บาท",
                    "ไม่ใช้งบประมาณ",
                    "-",
                    "-5",
                    "1,00",
                    "10,25,440",
                    "1,0000",
                    ",100",
                    "1,000,",
                    "1.",
                    ".5",
                    "1.234",
                    "12 34",
                    "1.2.3",
                    "๑๐ ล้านบาท",
                    "92233720368547758.08",
                    "999999999999999999999",
                    "มกราคม-มีนาคม ๒๕๖๖" /* seed 000:174, a period shifted into the budget column */}) {
    EXPECT_EQ(parse_baht(text), std::nullopt) << text;
  }
}

TEST(thai_no_budget, recognises_seed_spellings) {
  EXPECT_TRUE(is_no_budget("<p>ไม่ใช้งบประมาณ</p>"));              // seed 000:109
  EXPECT_TRUE(is_no_budget("<p>ไม่ใช้            งบประมาณ</p>"));  // seed 000:138
  EXPECT_TRUE(is_no_budget("ไม่ใช่ งบประมาณ"));                    // seed 000:144
  EXPECT_TRUE(is_no_budget("ไม่ใช้งบประมาณ"));                     // seed 000:172
  EXPECT_TRUE(is_no_budget("ไม่ใช้ งบประมาณ"));                    // seed 000:228
  EXPECT_TRUE(is_no_budget("-"));                                // seed 002:173
}

TEST(thai_no_budget, recognises_variants_only) {
  EXPECT_TRUE(is_no_budget("ไม่มีงบประมาณ"));
  EXPECT_TRUE(is_no_budget(" ไม่ ใช้ งบ ประมาณ "));
  EXPECT_TRUE(is_no_budget("ไม่ได้ใช้งบประมาณ"));
  EXPECT_TRUE(is_no_budget("ไม่ใช้งบ"));
  EXPECT_TRUE(is_no_budget("–"));
  EXPECT_TRUE(is_no_budget(" — "));
  EXPECT_TRUE(is_no_budget("ไม่ใช้&nbsp;งบประมาณ"));
  EXPECT_FALSE(is_no_budget(""));
  EXPECT_FALSE(is_no_budget("งบประมาณ"));
  EXPECT_FALSE(is_no_budget("ใช้งบประมาณ"));
  EXPECT_FALSE(is_no_budget("๒,๐๐๐ บาท"));
  EXPECT_FALSE(is_no_budget("0"));
  EXPECT_FALSE(is_no_budget("--"));
  EXPECT_FALSE(is_no_budget("ไม่ใช้งบประมาณ ๕,๐๐๐ บาท"));
  EXPECT_FALSE(is_no_budget("มกราคม-มีนาคม ๒๕๖๖"));  // seed 000:174
}

TEST(thai_format_baht, groups_thousands_and_shows_satang_when_any) {
  EXPECT_EQ(format_baht(102544000), "1,025,440");
  EXPECT_EQ(format_baht(102544050), "1,025,440.50");
  EXPECT_EQ(format_baht(102544005), "1,025,440.05");
  EXPECT_EQ(format_baht(0), "0");
  EXPECT_EQ(format_baht(5), "0.05");
  EXPECT_EQ(format_baht(99999), "999.99");
  EXPECT_EQ(format_baht(100000), "1,000");
  EXPECT_EQ(format_baht(-150), "-1.50");
  EXPECT_EQ(format_baht(std::numeric_limits<std::int64_t>::max()), "92,233,720,368,547,758.07");
  EXPECT_EQ(format_baht(std::numeric_limits<std::int64_t>::min()), "-92,233,720,368,547,758.08");
  EXPECT_EQ(parse_baht(format_baht(114584000)), 114584000);
}

// --- numbers ----------------------------------------------------------------

TEST(thai_number, parses_targets_and_percentages) {
  EXPECT_EQ(parse_number("ร้อยละ ๘๒"), 82.0);  // seed 000:186
  EXPECT_EQ(parse_number("๘๘"), 88.0);        // seed 002:173
  EXPECT_EQ(parse_number("๑๐๐"), 100.0);      // seed 002:173
  EXPECT_EQ(parse_number("ร้อยละ12.5"), 12.5);
  EXPECT_EQ(parse_number("82%"), 82.0);
  EXPECT_EQ(parse_number(" 82 % "), 82.0);
  EXPECT_EQ(parse_number("1,234.5"), 1234.5);
  EXPECT_EQ(parse_number("-3"), -3.0);
  EXPECT_EQ(parse_number("+๐.๕"), 0.5);
  EXPECT_EQ(parse_number("<p>๙๐</p>"), 90.0);
}

TEST(thai_number, rejects_non_numbers) {
  for (auto text : {"", "ร้อยละ", "%", "-", "abc", "1.2.3", "1,23", "๕ คน", "ร้อยละ ๙๐ ของ บุคลากร", "1e5", "๑๒/๓"}) {
    EXPECT_EQ(parse_number(text), std::nullopt) << text;
  }
}

TEST(thai_int, parses_whole_numbers_only) {
  EXPECT_EQ(parse_int("๒๕"), 25);
  EXPECT_EQ(parse_int("2566"), 2566);
  EXPECT_EQ(parse_int("1,000"), 1000);
  EXPECT_EQ(parse_int("-7"), -7);
  EXPECT_EQ(parse_int("2147483647"), std::numeric_limits<int>::max());
  EXPECT_EQ(parse_int("-2147483648"), std::numeric_limits<int>::min());
  for (auto text : {"", "1.5", "2147483648", "-2147483649", "๕ คน", "82%", "ร้อยละ ๘๒"}) {
    EXPECT_EQ(parse_int(text), std::nullopt) << text;
  }
}

// --- calendar ---------------------------------------------------------------

TEST(thai_calendar, converts_eras_and_expands_short_years) {
  static_assert(be_to_ce(2566) == 2023);
  static_assert(ce_to_be(2023) == 2566);
  EXPECT_EQ(be_to_ce(ce_to_be(1999)), 1999);
  EXPECT_EQ(expand_be_year(66), 2566);
  EXPECT_EQ(expand_be_year(5), 2505);
  EXPECT_EQ(expand_be_year(0), 2500);
  EXPECT_EQ(expand_be_year(99), 2599);
  EXPECT_EQ(expand_be_year(2566), 2566);
  EXPECT_EQ(expand_be_year(100), 100);
  EXPECT_EQ(expand_be_year(-1), -1);
}

TEST(thai_month, reads_full_names_and_round_trips) {
  for (int m = 1; m <= 12; ++m) {
    EXPECT_EQ(parse_thai_month(thai_month_name(m, false)), m) << m;
    EXPECT_EQ(parse_thai_month(thai_month_name(m, true)), m) << m;
  }
  EXPECT_EQ(thai_month_name(1, false), "มกราคม");
  EXPECT_EQ(thai_month_name(7, false), "กรกฎาคม");
  EXPECT_EQ(thai_month_name(12, true), "ธ.ค.");
  EXPECT_EQ(thai_month_name(0, false), "");
  EXPECT_EQ(thai_month_name(13, true), "");
}

TEST(thai_month, reads_abbreviations_with_or_without_dots) {
  EXPECT_EQ(parse_thai_month("ม.ค."), 1);
  EXPECT_EQ(parse_thai_month("มค"), 1);
  EXPECT_EQ(parse_thai_month("ม.ค"), 1);
  EXPECT_EQ(parse_thai_month("ม. ค."), 1);
  EXPECT_EQ(parse_thai_month(" มค. "), 1);
  EXPECT_EQ(parse_thai_month("มี.ค."), 3);
  EXPECT_EQ(parse_thai_month("มีค"), 3);
  EXPECT_EQ(parse_thai_month("เมย"), 4);
  EXPECT_EQ(parse_thai_month("มิ.ย."), 6);
  EXPECT_EQ(parse_thai_month("กย"), 9);
  EXPECT_EQ(parse_thai_month("ต.ค."), 10);
  EXPECT_EQ(parse_thai_month("พ.ย"), 11);
  EXPECT_EQ(parse_thai_month("ธค."), 12);
}

TEST(thai_month, reads_everyday_forms_and_a_common_misspelling) {
  EXPECT_EQ(parse_thai_month("มกรา"), 1);
  EXPECT_EQ(parse_thai_month("กุมภา"), 2);
  EXPECT_EQ(parse_thai_month("ตุลา"), 10);
  EXPECT_EQ(parse_thai_month("กรกฏาคม"), 7);
  EXPECT_EQ(parse_thai_month("เดือนมีนาคม"), 3);
  EXPECT_EQ(parse_thai_month("<p>เดือน เมษายน</p>"), 4);
}

TEST(thai_month, rejects_other_text) {
  for (auto text : {"", "มกราคม ๒๕๖๖", "มคา", "January", "สำนักงาน ก.พ.", "มกราคม มีนาคม", "ก.", "พ.ศ."}) {
    EXPECT_EQ(parse_thai_month(text), std::nullopt) << text;
  }
}

// --- fiscal year ------------------------------------------------------------

TEST(thai_fiscal, fiscal_year_turns_on_the_first_of_october) {
  EXPECT_EQ(fiscal_year_of(2022y / September / 30), 2565);
  EXPECT_EQ(fiscal_year_of(2022y / October / 1), 2566);
  EXPECT_EQ(fiscal_year_of(2023y / September / 30), 2566);
  EXPECT_EQ(fiscal_year_of(2023y / October / 1), 2567);
  EXPECT_EQ(fiscal_year_of(2022y / December), 2566);
  EXPECT_EQ(fiscal_year_of(2023y / January), 2566);
}

TEST(thai_fiscal, quarters_of_dates) {
  EXPECT_EQ(fiscal_quarter_of(2022y / October / 1), (fiscal_quarter{2566, 1}));
  EXPECT_EQ(fiscal_quarter_of(2022y / December / 31), (fiscal_quarter{2566, 1}));
  EXPECT_EQ(fiscal_quarter_of(2023y / January / 1), (fiscal_quarter{2566, 2}));
  EXPECT_EQ(fiscal_quarter_of(2023y / March / 31), (fiscal_quarter{2566, 2}));
  EXPECT_EQ(fiscal_quarter_of(2023y / April / 1), (fiscal_quarter{2566, 3}));
  EXPECT_EQ(fiscal_quarter_of(2023y / June / 30), (fiscal_quarter{2566, 3}));
  EXPECT_EQ(fiscal_quarter_of(2023y / July / 1), (fiscal_quarter{2566, 4}));
  EXPECT_EQ(fiscal_quarter_of(2023y / September / 30), (fiscal_quarter{2566, 4}));
}

TEST(thai_fiscal, quarter_bounds) {
  EXPECT_EQ(quarter_start(2566, 1), 2022y / October / 1);
  EXPECT_EQ(quarter_end(2566, 1), 2022y / December / 31);
  EXPECT_EQ(quarter_start(2566, 2), 2023y / January / 1);
  EXPECT_EQ(quarter_end(2566, 2), 2023y / March / 31);
  EXPECT_EQ(quarter_start(2566, 3), 2023y / April / 1);
  EXPECT_EQ(quarter_end(2566, 3), 2023y / June / 30);
  EXPECT_EQ(quarter_start(2566, 4), 2023y / July / 1);
  EXPECT_EQ(quarter_end(2566, 4), 2023y / September / 30);
  EXPECT_FALSE(quarter_start(2566, 0).ok());
  EXPECT_FALSE(quarter_end(2566, 5).ok());
  for (int q = 1; q <= 4; ++q) {
    EXPECT_EQ(fiscal_quarter_of(quarter_start(2569, q)), (fiscal_quarter{2569, q}));
    EXPECT_EQ(fiscal_quarter_of(quarter_end(2569, q)), (fiscal_quarter{2569, q}));
  }
}

TEST(thai_fiscal, month_indexes) {
  EXPECT_EQ(fiscal_month_index(10), 1);
  EXPECT_EQ(fiscal_month_index(12), 3);
  EXPECT_EQ(fiscal_month_index(1), 4);
  EXPECT_EQ(fiscal_month_index(9), 12);
  EXPECT_EQ(fiscal_month_index(0), 0);
  EXPECT_EQ(fiscal_month_index(13), 0);
  EXPECT_EQ(calendar_month(1), 10u);
  EXPECT_EQ(calendar_month(12), 9u);
  EXPECT_EQ(calendar_month(0), 0u);
  for (unsigned m = 1; m <= 12; ++m) EXPECT_EQ(calendar_month(fiscal_month_index(m)), m);
}

// --- periods ----------------------------------------------------------------

TEST(thai_period, reads_every_period_form_in_the_seeds) {
  const std::vector<std::pair<const char*, month_span>> cases = {
      {"<p>เมษายน -มิถุนายน ๒๕๖๖</p>", {7, 9}},             // seed 000:109
      {"เมษายน – มิถุนายน ๒๕๖๖", {7, 9}},                   // seed 000:124
      {"<p>เมษายน –มิถุนายน ๒๕๖๖</p>", {7, 9}},             // seed 000:130
      {"<p>มกราคม – มีนาคม            ๒๕๖๖</p>", {4, 6}},  // seed 000:138
      {"<p>ตุลาคม – ธันวาคม            ๒๕๖๕</p>", {1, 3}},  // seed 000:139
      {"ปีงบประมาณ พ.ศ. ๒๕๖๖", {1, 12}},                   // seed 000:144
      {"ตุลาคม ๒๕๖๕- มีนาคม ๒๕๖๖", {1, 6}},                 // seed 000:145
      {"ตุลาคม ธันวาคม ๒๕๖๕", {1, 3}},                      // seed 000:150, no dash
      {"ตุลาคม ๒๕๖๕-กันยายน ๒๕๖๖", {1, 12}},                // seed 000:166
      {"ตุลาคม-มีนาคม ๒๕๖๖", {1, 6}},                       // seed 000:167
      {"มกราคม-มีนาคม ๒๕๖๖", {4, 6}},                      // seed 000:168
      {"ตุลาคม -ธันวาคม ๒๕๖๕", {1, 3}},                     // seed 000:173
      {"มกราคม- มิถุนายน ๒๕๖๖", {4, 9}},                    // seed 000:178
      {"<p>มกราคม – เมษายน ๒๕๖๖</p>", {4, 7}},            // seed 000:183
      {"ตุลาคม ๒๕๖๕- มิถุนายน ๒๕๖๖", {1, 9}},                // seed 000:208
      {"มกราคม-กันยายน ๒๕๖๖", {4, 12}},                    // seed 000:223
      {"มกราคม - มิถุนายน ๒๕๖๖", {4, 9}},                   // seed 000:228
      {"มกราคม -มีนาคม ๒๕๖๖", {4, 6}},                     // seed 000:235
      {"ไตรมาสที่ ๑ - ไตรมาสที่ ๔", {1, 12}},                 // seed 000:186 (activity name)
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(parse_period(text), expected) << text;
}

TEST(thai_period, reads_abbreviations_quarters_and_whole_years) {
  EXPECT_EQ(parse_period("ต.ค. ๖๕ – ก.ย. ๖๖"), (month_span{1, 12}));
  EXPECT_EQ(parse_period("ม.ค.–มี.ค. 66"), (month_span{4, 6}));
  EXPECT_EQ(parse_period("มค - มีค"), (month_span{4, 6}));
  EXPECT_EQ(parse_period("มกราคม – มีนาคม"), (month_span{4, 6}));
  EXPECT_EQ(parse_period("ธันวาคม ถึง มกราคม"), (month_span{3, 4}));
  EXPECT_EQ(parse_period("ตั้งแต่เดือนตุลาคม จนถึง เดือนธันวาคม"), (month_span{1, 3}));
  EXPECT_EQ(parse_period("มกราคม ๒๕๖๖"), (month_span{4, 4}));
  EXPECT_EQ(parse_period("เดือนกันยายน"), (month_span{12, 12}));
  EXPECT_EQ(parse_period("ตลอดปีงบประมาณ"), (month_span{1, 12}));
  EXPECT_EQ(parse_period("ตลอดปี"), (month_span{1, 12}));
  EXPECT_EQ(parse_period("ทั้งปี"), (month_span{1, 12}));
  EXPECT_EQ(parse_period("ประจำปีงบประมาณ ๒๕๖๖"), (month_span{1, 12}));
  EXPECT_EQ(parse_period("ไตรมาส ๑-๒"), (month_span{1, 6}));
  EXPECT_EQ(parse_period("ไตรมาส ๒"), (month_span{4, 6}));
  EXPECT_EQ(parse_period("ไตรมาสที่ 3-4 ปีงบประมาณ 2566"), (month_span{7, 12}));
  EXPECT_EQ(parse_period("ตุลาคม – ธันวาคม ปีงบประมาณ ๒๕๖๖"), (month_span{1, 3}));
}

TEST(thai_period, rejects_reversed_ranges_and_other_text) {
  for (auto text : {"",
                    "มีนาคม – มกราคม",
                    "ก.ย. – ต.ค.",
                    "ไตรมาส ๓-๒",
                    "ไตรมาส ๕",
                    "ไตรมาส ๑๒",
                    "ไตรมาส",
                    "มีนาคม ๒๕๖๖ – มกราคม ๒๕๖๖",
                    "กรกฎาคม – ธันวาคม ๒๕๖๕",  // crosses 1 October
                    "มกราคม ๒๕๖๖ – มีนาคม ๒๕๖๗",
                    "ตุลาคม ๒๕๖๕ – กันยายน ๒๕๖๗",
                    "-สำนักงานสาธารณสุขจังหวัดนราธิวาส",  // seed 000:174, agency shifted into the period column
                    "มกราคม –",
                    "มกราคม ๑๒๓",
                    "มกราคม 2023",
                    "พ.ศ. ๒๕๖๖ - ๒๕๗๐",
                    "๒๕๖๖",
                    "ระยะเวลาดำเนินการ",
                    "มกราคม – มีนาคม ๒๕๖๖ (๓ เดือน)",
                    "ตุลาคม ๒๕๖๕ ปีงบประมาณ ๒๕๖๖"}) {
    EXPECT_EQ(parse_period(text), std::nullopt) << text;
  }
}

TEST(thai_period, dated_periods_carry_calendar_years) {
  using span = year_month_span;
  EXPECT_EQ(parse_dated_period("ตุลาคม-มีนาคม ๒๕๖๖"), (span{2022y / October, 2023y / March}));  // seed 000:167
  EXPECT_EQ(parse_dated_period("<p>ตุลาคม – ธันวาคม            ๒๕๖๕</p>"),                      // seed 000:139
            (span{2022y / October, 2022y / December}));
  EXPECT_EQ(parse_dated_period("ปีงบประมาณ พ.ศ. ๒๕๖๖"), (span{2022y / October, 2023y / September}));  // seed 000:144
  EXPECT_EQ(parse_dated_period("ตุลาคม ๒๕๖๕- มิถุนายน ๒๕๖๖"), (span{2022y / October, 2023y / June}));   // seed 000:208
  EXPECT_EQ(parse_dated_period("ต.ค. ๖๕ – ก.ย. ๗๐"), (span{2022y / October, 2027y / September}));
  EXPECT_EQ(parse_dated_period("กรกฎาคม – ธันวาคม ๒๕๖๕"), (span{2022y / July, 2022y / December}));
  EXPECT_EQ(parse_dated_period("ตุลาคม ๒๕๖๕ – มีนาคม"), (span{2022y / October, 2023y / March}));
  EXPECT_EQ(parse_dated_period("ไตรมาสที่ ๒ ปีงบประมาณ ๒๕๖๖"), (span{2023y / January, 2023y / March}));
  EXPECT_EQ(parse_dated_period("ไตรมาส ๑ ๒๕๖๗"), (span{2023y / October, 2023y / December}));
  EXPECT_EQ(parse_dated_period("ตลอดปีงบประมาณ ๒๕๖๙"), (span{2025y / October, 2026y / September}));
  EXPECT_EQ(parse_dated_period("ธันวาคม – มกราคม ปีงบประมาณ ๒๕๖๖"), (span{2022y / December, 2023y / January}));
  EXPECT_EQ(parse_dated_period("มกราคม ๒๕๖๖"), (span{2023y / January, 2023y / January}));
  // No year, no dated period.
  EXPECT_EQ(parse_dated_period("มกราคม – มีนาคม"), std::nullopt);
  EXPECT_EQ(parse_dated_period("ตลอดปีงบประมาณ"), std::nullopt);
  EXPECT_EQ(parse_dated_period("มีนาคม ๒๕๖๖ – มกราคม ๒๕๖๖"), std::nullopt);
}

TEST(thai_period, fiscal_month_span_needs_one_fiscal_year) {
  EXPECT_EQ(fiscal_month_span({2022y / October, 2023y / September}), (month_span{1, 12}));
  EXPECT_EQ(fiscal_month_span({2023y / January, 2023y / April}), (month_span{4, 7}));
  EXPECT_EQ(fiscal_month_span({2023y / April, 2023y / October}), std::nullopt);
  EXPECT_EQ(fiscal_month_span({2023y / March, 2023y / January}), std::nullopt);
  EXPECT_EQ(fiscal_month_span({2023y / month{13}, 2023y / month{13}}), std::nullopt);
  auto span = parse_dated_period("ตุลาคม ๒๕๖๕-กันยายน ๒๕๖๖");  // seed 000:166
  ASSERT_TRUE(span);
  EXPECT_EQ(fiscal_year_of(span->first), 2566);
  EXPECT_EQ(fiscal_month_span(*span), (month_span{1, 12}));
}

TEST(thai_period, stays_linear_on_long_input) {
  std::string months;
  for (int i = 0; i < 100000; ++i) months += "มกราคม ";
  EXPECT_EQ(parse_period(months), std::nullopt);
  std::string digits(1 << 20, '1');
  EXPECT_EQ(parse_period("มกราคม " + digits), std::nullopt);
  EXPECT_EQ(parse_baht(digits), std::nullopt);
  EXPECT_EQ(parse_thai_date(digits), std::nullopt);
}

// --- dates ------------------------------------------------------------------

TEST(thai_date, reads_be_dates) {
  EXPECT_EQ(parse_thai_date("15 มกราคม 2566"), 2023y / January / 15);
  EXPECT_EQ(parse_thai_date("15 ม.ค. 66"), 2023y / January / 15);
  EXPECT_EQ(parse_thai_date("๑๕ ม.ค. ๒๕๖๖"), 2023y / January / 15);
  EXPECT_EQ(parse_thai_date("๒๑ มกราคม ๒๕๖๔"), 2021y / January / 21);  // seed 002:77
  EXPECT_EQ(parse_thai_date("๕ เมษายน ๒๕๖๕"), 2022y / April / 5);      // seed 002:79
  EXPECT_EQ(parse_thai_date("วันที่ ๓๐ กันยายน พ.ศ. ๒๕๖๖"), 2023y / September / 30);
  EXPECT_EQ(parse_thai_date("29 ก.พ. 2567"), 2024y / February / 29);
  EXPECT_EQ(parse_thai_date("01 ต.ค.65"), 2022y / October / 1);
}

TEST(thai_date, rejects_impossible_or_incomplete_dates) {
  for (auto text : {"", "29 ก.พ. 2566", "31 เมษายน 2566", "0 มกราคม 2566", "32 มกราคม 2566", "15 มกราคม", "มกราคม 2566",
                    "15 มกราคม 2023", "15 มกราคม 2566 ถึง", "115 มกราคม 2566", "15/01/2566", "15 มกราคม 25666"}) {
    EXPECT_EQ(parse_thai_date(text), std::nullopt) << text;
  }
}

TEST(thai_date, formats_in_thai) {
  EXPECT_EQ(format_thai_date(2023y / January / 15, false, false), "15 มกราคม 2566");
  EXPECT_EQ(format_thai_date(2023y / January / 15, true, true), "๑๕ ม.ค. ๒๕๖๖");
  EXPECT_EQ(format_thai_date(2022y / October / 1, true, false), "1 ต.ค. 2565");
  EXPECT_EQ(format_thai_date(2023y / February / 29, false, false), "");
  for (auto date : {2023y / January / 15, 2024y / February / 29, 2022y / December / 31}) {
    EXPECT_EQ(parse_thai_date(format_thai_date(date, false, false)), date);
    EXPECT_EQ(parse_thai_date(format_thai_date(date, true, true)), date);
  }
}

TEST(thai_date, iso_dates) {
  EXPECT_EQ(iso_date(2023y / January / 15), "2023-01-15");
  EXPECT_EQ(iso_date(year{987} / December / 3), "0987-12-03");
  EXPECT_EQ(iso_date(2023y / February / 30), "");
  EXPECT_EQ(parse_iso_date("2023-01-15"), 2023y / January / 15);
  EXPECT_EQ(parse_iso_date("2024-02-29"), 2024y / February / 29);
  for (auto text : {"", "2023-1-15", "2023-01-15T00", "2023/01/15", "2023-02-29", "2023-13-01", "2023-00-10",
                    "๒๐๒๓-๐๑-๑๕", "+023-01-15"}) {
    EXPECT_EQ(parse_iso_date(text), std::nullopt) << text;
  }
  EXPECT_EQ(parse_iso_date(iso_date(2022y / October / 1)), 2022y / October / 1);
}

}  // namespace
}  // namespace planflow::text
