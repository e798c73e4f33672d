#include "narrative_scan.hpp"

#include "document_scan.hpp"
#include "text_util.hpp"

#include <planflow/text/thai.hpp>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace planflow::plugins::ethics {

namespace {

// Bounds that keep a hostile document cheap: far beyond any real plan.
constexpr std::size_t k_max_heading_bytes = 400;  // a longer line is a paragraph
constexpr std::size_t k_max_name_bytes = 300;     // a committee's name
constexpr std::size_t k_max_items = 100;          // missions, goals, standards, duties
constexpr std::size_t k_max_section_bytes = 64 * 1024;

std::string_view skip_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

bool skip_word(std::string_view& s, std::string_view word) {
  if (!s.starts_with(word)) return false;
  s = skip_spaces(s.substr(word.size()));
  return true;
}

// Digits (Thai or ASCII) at the start of `s`: their value (capped) and length.
struct leading_number {
  int value = 0;
  std::size_t length = 0;
};
leading_number number_at_start(std::string_view s) {
  leading_number n;
  while (n.length < s.size()) {
    auto d = digit_at(s, n.length);
    if (d.length == 0) break;
    n.value = std::min(n.value * 10 + d.value, 1'000'000);
    n.length += d.length;
  }
  return n;
}

// --- Headings -----------------------------------------------------------------

enum class section_kind {
  none,
  other,
  foreword,
  national_strategy,
  vision,
  missions,
  goals,
  implementation,
  monitoring,
  mandate,
  budget
};

struct section_heading {
  section_kind kind = section_kind::other;
  std::string title;
  std::string inline_body;  // "วิสัยทัศน์ : …" on the heading's own line
};

// A section number such as "๒.๑" or "4.2.1" and the text after it; nullopt
// when the line does not start with one (a list item "๑. …" is not one).
std::optional<std::string_view> after_section_number(std::string_view s) {
  std::size_t p = 0;
  int groups = 0;
  while (true) {
    auto n = number_at_start(s.substr(p));
    if (n.length == 0) break;
    ++groups;
    p += n.length;
    if (p < s.size() && s[p] == '.' && number_at_start(s.substr(p + 1)).length != 0) {
      ++p;
      continue;
    }
    break;
  }
  if (groups < 2) return std::nullopt;
  if (p < s.size() && s[p] == '.') ++p;
  if (p < s.size() && s[p] != ' ') return std::nullopt;
  return skip_spaces(s.substr(p));
}

section_kind kind_of_title(std::string_view title) {
  const std::string t = without_spaces(title);
  if (contains(t, "ติดตาม") && (contains(t, "ประเมินผล") || contains(t, "รายงาน"))) return section_kind::monitoring;
  if (contains(t, "ไปสู่การปฏิบัติ") || t.starts_with("การขับเคลื่อนแผน")) return section_kind::implementation;
  if (contains(t, "อำนาจหน้าที่") || contains(t, "บทบาทหน้าที่")) return section_kind::mandate;
  if (t.starts_with("งบประมาณ") || contains(t, "แหล่งงบประมาณ")) return section_kind::budget;
  if (t.starts_with("วิสัยทัศน์")) return section_kind::vision;
  if (t.starts_with("พันธกิจ")) return section_kind::missions;
  if (t.starts_with("เป้าหมาย") || t.starts_with("เป้าประสงค์")) return section_kind::goals;
  if (t.starts_with("ยุทธศาสตร์ด้าน")) return section_kind::national_strategy;
  return section_kind::other;
}

// Headings written without a number: the keyword alone on its line, or
// followed by ":" and the section's text.
constexpr std::array<std::string_view, 6> k_plain_headings = {"วิสัยทัศน์",       "พันธกิจ",     "เป้าหมาย",
                                                              "แหล่งงบประมาณ", "อำนาจหน้าที่", "การติดตามและประเมินผล"};

std::optional<section_heading> parse_section_heading(std::string_view cleaned) {
  if (cleaned.size() > k_max_heading_bytes) return std::nullopt;
  if (auto title = after_section_number(cleaned)) {
    if (title->empty()) return std::nullopt;
    return section_heading{kind_of_title(*title), std::string(*title), {}};
  }
  for (std::string_view word : k_plain_headings) {
    if (!cleaned.starts_with(word)) continue;
    std::string_view rest = skip_spaces(cleaned.substr(word.size()));
    if (word == "การติดตามและประเมินผล") {
      // "การติดตามและประเมินผลแผนปฏิบัติการ": a short line that names the section.
      if (cleaned.size() <= 150 && !contains(rest, " "))
        return section_heading{section_kind::monitoring, std::string(cleaned), {}};
      continue;
    }
    if (rest.empty()) return section_heading{kind_of_title(word), std::string(word), {}};
    if (rest.starts_with(":")) {
      return section_heading{kind_of_title(word), std::string(word), std::string(skip_spaces(rest.substr(1)))};
    }
  }
  return std::nullopt;
}

// Lines that end a section without starting one of ours.
bool ends_section(std::string_view cleaned) {
  return cleaned == "สารบัญ" || cleaned == "ภาคผนวก" || cleaned.starts_with("ส่วนที่") || cleaned.starts_with("บทที่") ||
         cleaned.starts_with("ยุทธศาสตร์ที่");
}

// --- Lists -------------------------------------------------------------------

// "๑. …", "(๑) …", "- …", "• …": the start of an item.
bool starts_item(std::string_view line) {
  if (line.starts_with("-") || line.starts_with("\u2022") || line.starts_with("\u2013")) return true;
  if (line.starts_with("(")) {
    auto n = number_at_start(line.substr(1));
    return n.length != 0 && line.substr(1 + n.length).starts_with(")");
  }
  return strip_item_number(line) != trim_spaces(line);
}

std::string without_bullet(std::string_view line) {
  for (std::string_view bullet : {"-", "\u2022", "\u2013"}) {
    if (line.starts_with(bullet)) return std::string(trim_spaces(line.substr(bullet.size())));
  }
  if (line.starts_with("(")) {
    auto n = number_at_start(line.substr(1));
    if (n.length != 0 && line.substr(1 + n.length).starts_with(")"))
      return std::string(trim_spaces(line.substr(2 + n.length)));
  }
  return strip_item_number(line);
}

void add_item(std::vector<std::string>& list, std::string item) {
  if (!item.empty() && list.size() < k_max_items) list.push_back(std::move(item));
}

// The items of a section: numbered or bulleted lines start an item (several
// on one line are split), other lines continue the item above or, in a list
// without numbers, are items of their own.
std::vector<std::string> items_of(const std::vector<std::string>& lines) {
  std::vector<std::string> items;
  bool numbered = false;
  for (const auto& line : lines) {
    if (starts_item(line)) {
      numbered = true;
      auto split = split_numbered_items(line);
      if (split.size() >= 2) {
        for (auto& item : split) add_item(items, std::move(item));
      } else {
        add_item(items, without_bullet(line));
      }
    } else if (numbered && !items.empty()) {
      if (items.back().size() < k_max_section_bytes) items.back() += " " + line;
    } else {
      add_item(items, line);
    }
  }
  return items;
}

std::string joined(const std::vector<std::string>& lines, std::string_view separator) {
  std::string out;
  for (const auto& line : lines) {
    if (out.size() >= k_max_section_bytes) break;
    if (!out.empty()) out += separator;
    out += line;
  }
  return out;
}

// A vision is often quoted: “เจ้าหน้าที่ของรัฐ…”.
std::string without_quotes(std::string s) {
  std::string_view v = trim_spaces(s);
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"\u201c", "\u201d"}, {"\"", "\""}}) {
    if (v.size() >= open.size() + close.size() && v.starts_with(open) && v.ends_with(close)) {
      v = trim_spaces(v.substr(open.size(), v.size() - open.size() - close.size()));
    }
  }
  return std::string(v);
}

// "งบพัฒนาจังหวัด, งบประมาณของหน่วยงาน และงบ อปท.": one source per item.
std::vector<std::string> sources_of(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const auto& item : items_of(lines)) {
    std::string marked = replace_all(replace_all(item, " และ", ","), " หรือ", ",");
    std::string_view rest = marked;
    while (!rest.empty() && out.size() < k_max_items) {
      std::size_t end = std::min(rest.find(','), rest.size());
      std::string_view part = trim_spaces(rest.substr(0, end));
      if (!part.empty() && std::find(out.begin(), out.end(), part) == out.end()) out.emplace_back(part);
      rest = end < rest.size() ? rest.substr(end + 1) : std::string_view();
    }
  }
  return out;
}

// --- Standards table ---------------------------------------------------------

// "- ยุทธศาสตร์ด้านความมั่นคง - ยุทธศาสตร์ด้าน…" or one per paragraph.
std::vector<std::string> alignment_of(std::string_view raw) {
  std::string marked;
  marked.reserve(raw.size());
  for (std::size_t p = 0; p < raw.size(); ++p) {
    if (raw[p] == '<' && p + 2 < raw.size()) {
      const char a = static_cast<char>(raw[p + 1] | 0x20), b = static_cast<char>(raw[p + 2] | 0x20);
      if ((a == 'p' && (raw[p + 2] == '>' || raw[p + 2] == ' ')) || (a == 'b' && b == 'r')) marked += " - ";
    }
    marked.push_back(raw[p]);
  }
  std::string cleaned = " " + text::clean_cell(marked);
  std::vector<std::string> out;
  std::string_view rest = cleaned;
  while (!rest.empty() && out.size() < k_max_items) {
    std::size_t end = std::min(rest.find(" - "), rest.size());
    std::string_view part = trim_spaces(rest.substr(0, end));
    if (part.starts_with("-")) part = trim_spaces(part.substr(1));
    if (!part.empty()) out.emplace_back(part);
    rest = end < rest.size() ? rest.substr(end + 3) : std::string_view();
  }
  return out;
}

bool is_standards_header(const std::vector<std::string_view>& row) {
  return row.size() >= 2 && without_spaces(text::clean_cell(row[0])).starts_with("มาตรฐานทางจริยธรรม") &&
         contains(without_spaces(text::clean_cell(row[1])), "ยุทธศาสตร์");
}

// --- Paragraph rules ---------------------------------------------------------

// A committee or working group named in `s` from `pos` on, up to the words
// that follow a name in these sentences.
std::string committee_name_at(std::string_view s, std::size_t pos) {
  std::string_view rest = s.substr(pos);
  std::size_t end = rest.size();
  for (std::string_view stop :
       {" ครั้งที่",      "ครั้งที่", " ในการประชุม", "ในการประชุม",    " ในคราวประชุม", " เมื่อ",   "เมื่อวันที่", " ได้",
        " มีมติ",       "มีมติ",  " มติ",         " ให้ความเห็นชอบ", "ให้ความเห็นชอบ", " มีหน้าที่", "มีหน้าที่",  " มีอำนาจ",
        "มีอำนาจหน้าที่", " (",   ",",           " รายงาน"}) {
    if (auto at = rest.find(stop); at != std::string_view::npos && at > 0) end = std::min(end, at);
  }
  std::string_view name = trim_spaces(rest.substr(0, end));
  return name.size() <= k_max_name_bytes ? std::string(name) : std::string();
}

std::size_t find_committee(std::string_view s) { return std::min(s.find("คณะกรรมการ"), s.find("คณะทำงาน")); }

// What this plan is called when a sentence approves it.
bool names_this_plan(std::string_view s) {
  s = skip_spaces(s);
  for (std::string_view draft : {"(ร่าง)", "ร่าง"}) skip_word(s, draft);
  return s.starts_with("แผนปฏิบัติการ") || s.starts_with("แผนฯ") || s.starts_with("แผนนี้") || s.starts_with("แผนดังกล่าว");
}

}  // namespace

std::optional<frequency_info> find_frequency(std::string_view s) {
  struct number_word {
    std::string_view word;
    int value;
  };
  constexpr std::array<number_word, 7> k_number_words{
      {{"สิบสอง", 12}, {"หนึ่ง", 1}, {"สอง", 2}, {"สาม", 3}, {"สี่", 4}, {"หก", 6}, {"สิบ", 10}}};
  // A count at the start of `rest` (digits or a number word) and its length.
  auto count_at = [&](std::string_view rest, std::size_t& length) -> int {
    auto n = number_at_start(rest);
    if (n.length != 0) {
      length = n.length;
      return n.value;
    }
    for (const auto& w : k_number_words) {
      if (rest.starts_with(w.word)) {
        length = w.word.size();
        return w.value;
      }
    }
    return 0;
  };
  // Where `rest` (a view into `s`) ends once `word` is taken after optional spaces.
  auto end_after = [&](std::string_view rest, std::string_view word) -> std::size_t {
    rest = skip_spaces(rest);
    if (!rest.starts_with(word)) return 0;
    return static_cast<std::size_t>(rest.data() - s.data()) + word.size();
  };
  // "ครั้ง" or "๑ ครั้ง" after "ไตรมาสละ" / "เดือนละ" / "ปีละ": how many times.
  auto times_at = [&](std::string_view rest, std::size_t& end) -> int {
    if ((end = end_after(rest, "ครั้ง")) != 0) return 1;
    rest = skip_spaces(rest);
    std::size_t length = 0;
    int times = count_at(rest, length);
    if (times > 0 && (end = end_after(rest.substr(length), "ครั้ง")) != 0) return times;
    return 0;
  };
  auto result = [&](std::size_t begin, std::size_t end, int months) -> std::optional<frequency_info> {
    if (months < 1 || months > 60) return std::nullopt;
    return frequency_info{months, std::string(trim_spaces(s.substr(begin, end - begin)))};
  };
  for (std::size_t p = 0; p < s.size(); ++p) {
    if (const auto b = static_cast<unsigned char>(s[p]); b >= 0x80 && b < 0xC0) continue;  // inside a character
    std::string_view here = s.substr(p);
    for (std::string_view lead : {"ทุกๆ", "ทุก", "ราย", "รอบ"}) {
      if (!here.starts_with(lead)) continue;
      std::string_view rest = skip_spaces(here.substr(lead.size()));
      std::size_t length = 0;
      if (int n = count_at(rest, length); n != 0) {
        if (auto end = end_after(rest.substr(length), "เดือน")) return result(p, end, n);
        if (auto end = end_after(rest.substr(length), "ปี")) return result(p, end, 12 * n);
        break;
      }
      if (lead == "รอบ") break;  // "รอบปีที่ผ่านมา" is no frequency; "รอบ ๖ เดือน" is
      if (auto end = end_after(rest, "ไตรมาส")) return result(p, end, 3);
      if (auto end = end_after(rest, "ครึ่งปี")) return result(p, end, 6);
      if (auto end = end_after(rest, "เดือน")) return result(p, end, 1);
      if (auto end = end_after(rest, "ปี")) return result(p, end, 12);
      break;
    }
    for (auto [lead, months] : {std::pair<std::string_view, int>{"ไตรมาสละ", 3}, {"เดือนละ", 1}, {"ปีละ", 12}}) {
      if (!here.starts_with(lead)) continue;
      std::size_t end = 0;
      int times = times_at(here.substr(lead.size()), end);
      if (times > 0 && months % times == 0) return result(p, end, months / times);
    }
  }
  return std::nullopt;
}

std::optional<std::string> find_iso_date(std::string_view cleaned) {
  std::vector<std::string_view> words;
  std::string_view rest = cleaned;
  while (!rest.empty()) {
    rest = skip_spaces(rest);
    std::size_t end = std::min(rest.find(' '), rest.size());
    if (end > 0) words.push_back(rest.substr(0, end));
    rest = rest.substr(end);
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (number_at_start(words[i]).length == 0) continue;
    std::string candidate;
    for (std::size_t k = i; k < words.size() && k < i + 4; ++k) {
      if (!candidate.empty()) candidate += ' ';
      candidate += words[k];
      if (auto date = text::parse_thai_date(candidate)) return text::iso_date(*date);
    }
  }
  return std::nullopt;
}

std::optional<approval_info> read_approval(std::string_view s) {
  constexpr std::string_view k_approve = "เห็นชอบ";
  if (!contains(s, k_approve)) return std::nullopt;
  if (!contains(s, "ประชุม") && !contains(s, "ครั้งที่") && !contains(s, "มติ") && !contains(s, "วันที่")) return std::nullopt;
  // The last place of `word` in `text` plus one, 0 when it is not there.
  // Only the words just before are read, so that a line of many approvals
  // costs linear time.
  auto last = [](std::string_view text, std::string_view word) -> std::size_t {
    constexpr std::size_t k_window = 600;
    const std::size_t offset = text.size() > k_window ? text.size() - k_window : 0;
    auto at = text.substr(offset).rfind(word);
    if (at != std::string_view::npos) at += offset;
    return at == std::string_view::npos ? 0 : at + 1;
  };
  std::optional<std::size_t> approving;  // where the approving words start
  for (auto pos = s.find(k_approve); pos != std::string_view::npos; pos = s.find(k_approve, pos + 1)) {
    std::string_view head = s.substr(0, pos);
    while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
    std::string_view passive;
    for (std::string_view word : {"ผ่านความ", "ได้รับความ"}) {
      if (head.ends_with(word)) passive = word;
    }
    if (!passive.empty()) {
      // "แผนปฏิบัติการ… ได้รับความเห็นชอบจาก…" or a cover line "ผ่านความเห็นชอบ…":
      // the subject is this plan, not a national strategy named before it.
      const std::size_t strategy = last(head, "ยุทธศาสตร์");
      const std::size_t plan = std::max({last(head, "แผนปฏิบัติการ"), last(head, "แผนฯ"), last(head, "แผนนี้")});
      if (strategy == 0 || plan > strategy) {
        approving = head.size() - passive.size();
        break;
      }
      continue;
    }
    if (names_this_plan(s.substr(pos + k_approve.size()))) {
      approving = head.ends_with("ให้ความ") ? head.size() - std::string_view("ให้ความ").size() : pos;
      break;
    }
  }
  if (!approving) return std::nullopt;
  // The Cabinet and the national committee approve national plans, never a
  // province's: "คณะรัฐมนตรีมีมติเห็นชอบแผนปฏิบัติการด้าน… ระยะที่ ๓".
  const std::string_view before_approving = s.substr(0, *approving);
  for (std::string_view national : {"คณะรัฐมนตรี", "ครม.", "ก.ม.จ."}) {
    if (contains(before_approving, national)) return std::nullopt;
  }

  approval_info a;
  a.text = std::string(s);
  if (auto c = find_committee(s); c != std::string_view::npos) a.body = committee_name_at(s, c);
  if (auto m = s.find("ครั้งที่"); m != std::string_view::npos) {
    std::string_view rest = skip_spaces(s.substr(m + std::string_view("ครั้งที่").size()));
    auto first = number_at_start(rest);
    if (first.length != 0) {
      std::string number(rest.substr(0, first.length));
      std::string_view after = skip_spaces(rest.substr(first.length));
      if (after.starts_with("/")) {
        std::string_view year = skip_spaces(after.substr(1));
        auto second = number_at_start(year);
        if (second.length != 0) number += "/" + std::string(year.substr(0, second.length));
      }
      a.meeting = text::thai_digits_to_arabic(number);
    }
  }
  if (auto date = find_iso_date(s)) a.date = *date;
  const auto resolution = s.find("มติ");
  a.resolution = std::string(trim_spaces(s.substr(resolution != std::string_view::npos ? resolution : *approving)));
  return a;
}

std::optional<national_strategy_info> read_under_line(std::string_view s) {
  constexpr std::string_view k_under = "ภายใต้";
  if (!s.starts_with(k_under)) return std::nullopt;
  std::string_view rest = skip_spaces(s.substr(k_under.size()));
  if (!rest.starts_with("ยุทธศาสตร์") && !rest.starts_with("แผน")) return std::nullopt;
  national_strategy_info out;
  std::size_t cut = std::min(rest.find('('), rest.find("พ.ศ"));
  out.title = std::string(trim_spaces(rest.substr(0, std::min(cut, rest.size()))));
  if (auto range = find_year_range(rest)) {
    out.first_year = range->first;
    out.last_year = range->last;
  }
  out.text = std::string(s);
  return out;
}

namespace {

class narrative_reader {
 public:
  narrative_node read(std::string_view text);

 private:
  void text_line(const std::string& cleaned);
  void table_row(std::string_view raw);
  void close_section();
  void paragraph(const std::string& cleaned);

  narrative_node out_;
  section_kind section_ = section_kind::none;
  std::string section_title_;
  std::vector<std::string> body_;
  std::size_t body_bytes_ = 0;
  bool in_standards_ = false;
  bool mandate_from_section_ = false;
  bool collecting_mandate_items_ = false;
  std::optional<national_strategy_info> heading_strategy_;  // the "๑.๓ ยุทธศาสตร์ด้าน…" heading form
  std::string signature_;                                   // the foreword's last committee line
};

narrative_node narrative_reader::read(std::string_view text) {
  line_reader lines(text);
  while (auto line = lines.next()) {
    if (line->table) {
      close_section();
      collecting_mandate_items_ = false;
      table_row(line->raw);
      continue;
    }
    std::string cleaned = text::clean_cell(line->raw);
    if (cleaned.empty()) continue;
    in_standards_ = false;
    text_line(cleaned);
  }
  close_section();
  if (!out_.national_strategy) out_.national_strategy = std::move(heading_strategy_);
  if (out_.committee.name.empty()) out_.committee.name = std::move(signature_);
  return std::move(out_);
}

void narrative_reader::table_row(std::string_view raw) {
  const auto row = split_cells(raw);
  if (is_standards_header(row)) {
    in_standards_ = true;  // a repeated header after a page break goes on with the list
    return;
  }
  if (!in_standards_) return;
  // The standards table has two columns; a wider row is another table's.
  if (std::count_if(row.begin(), row.end(), [](std::string_view c) { return !text::clean_cell(c).empty(); }) > 2) {
    in_standards_ = false;
    return;
  }
  const std::string first = text::clean_cell(row[0]);
  auto alignment = row.size() > 1 ? alignment_of(row[1]) : std::vector<std::string>{};
  auto& list = out_.ethical_standards;
  if (first.empty() || !starts_item(first)) {
    // A cell broken across pages: the rest of the standard above.
    if (list.empty()) {
      if (first.empty()) return;
      list.push_back({1, first, {}});
    } else if (!first.empty()) {
      list.back().text += " " + first;
    }
    for (auto& a : alignment) list.back().national_strategy_alignment.push_back(std::move(a));
    return;
  }
  if (list.size() >= k_max_items) return;
  auto n = number_at_start(first);
  int number = n.length != 0 ? n.value : static_cast<int>(list.size()) + 1;
  list.push_back({number, without_bullet(first), std::move(alignment)});
}

void narrative_reader::text_line(const std::string& cleaned) {
  if (cleaned == "คำนำ") {
    close_section();
    section_ = section_kind::foreword;
    return;
  }
  if (auto heading = parse_section_heading(cleaned)) {
    close_section();
    collecting_mandate_items_ = false;
    section_ = heading->kind;
    section_title_ = heading->title;
    if (heading->kind == section_kind::national_strategy && (!heading_strategy_ || !heading_strategy_->first_year)) {
      national_strategy_info ns;
      std::string_view title = heading->title;
      ns.title = std::string(trim_spaces(title.substr(0, std::min(title.find('('), title.size()))));
      if (auto range = find_year_range(title)) {
        ns.first_year = range->first;
        ns.last_year = range->last;
      }
      ns.text = heading->title;
      heading_strategy_ = std::move(ns);
    }
    if (!heading->inline_body.empty()) body_.push_back(std::move(heading->inline_body));
    return;
  }
  if (ends_section(cleaned)) {
    close_section();
    collecting_mandate_items_ = false;
    section_ = section_kind::none;
    return;
  }
  if (section_ != section_kind::none && body_bytes_ < k_max_section_bytes) {
    body_bytes_ += cleaned.size();
    body_.push_back(cleaned);
  }
  paragraph(cleaned);
}

void narrative_reader::close_section() {
  auto& n = out_;
  if (!body_.empty()) {
    switch (section_) {
      case section_kind::vision:
        if (n.vision.empty()) n.vision = without_quotes(joined(body_, " "));
        break;
      case section_kind::missions:
        if (n.missions.empty()) n.missions = items_of(body_);
        break;
      case section_kind::goals:
        if (n.plan_goals.empty()) n.plan_goals = items_of(body_);
        break;
      case section_kind::implementation:
        if (n.implementation.empty()) n.implementation = joined(body_, "\n");
        break;
      case section_kind::monitoring:
        if (!n.monitoring) {
          monitoring_info m;
          m.text = joined(body_, "\n");
          m.frequency = find_frequency(m.text);
          n.monitoring = std::move(m);
        }
        break;
      case section_kind::mandate:
        if (!mandate_from_section_) {
          n.committee.mandate = joined(body_, "\n");
          mandate_from_section_ = true;
          if (n.committee.name.empty()) {
            if (auto c = find_committee(section_title_); c != std::string::npos)
              n.committee.name = committee_name_at(section_title_, c);
          }
        }
        break;
      case section_kind::budget:
        if (n.budget_sources.empty()) n.budget_sources = sources_of(body_);
        break;
      case section_kind::foreword:
        // The foreword is signed by the committee that made the plan (seed line 62).
        for (auto it = body_.rbegin(); it != body_.rend(); ++it) {
          if (it->size() <= k_max_name_bytes && find_committee(*it) == 0) {
            signature_ = *it;
            break;
          }
        }
        break;
      default:
        break;
    }
  }
  body_.clear();
  body_bytes_ = 0;
  section_title_.clear();
}

void narrative_reader::paragraph(const std::string& cleaned) {
  auto& n = out_;
  if (!n.national_strategy) n.national_strategy = read_under_line(cleaned);
  if (!n.approval) n.approval = read_approval(cleaned);

  // A mandate stated in prose: "คณะกรรมการจริยธรรมประจำจังหวัด… มีหน้าที่ …"
  // and the items listed under it. Only the province's own committee: the
  // national committee's powers under the law (seed line 77, ก.ม.จ.) are not.
  if (collecting_mandate_items_ && starts_item(cleaned) && n.committee.mandate.size() < k_max_section_bytes) {
    n.committee.mandate += "\n" + cleaned;
  } else {
    collecting_mandate_items_ = false;
  }
  if (!mandate_from_section_ && n.committee.mandate.empty() && section_ != section_kind::mandate) {
    if (auto c = find_committee(cleaned); c != std::string::npos) {
      const std::string name = committee_name_at(cleaned, c);
      const bool own = contains(name, "จังหวัด") || (!signature_.empty() && name == signature_);
      if (own && (contains(cleaned, "มีหน้าที่") || contains(cleaned, "อำนาจหน้าที่") || contains(cleaned, "บทบาทหน้าที่"))) {
        n.committee.mandate = cleaned;
        if (n.committee.name.empty()) n.committee.name = name;
        collecting_mandate_items_ = true;
      }
    }
  }

  // Reporting duties: who reports to whom, and how often when the text says.
  if (auto r = cleaned.find("รายงาน"); r != std::string::npos && n.committee.reporting.size() < k_max_items) {
    auto frequency = find_frequency(cleaned);
    std::string_view after = std::string_view(cleaned).substr(r);
    if (frequency || contains(after, "ให้") || contains(after, "ต่อ") || contains(after, "ไปยัง") ||
        contains(after, "เสนอ")) {
      n.committee.reporting.push_back({without_bullet(cleaned), std::move(frequency)});
    }
  }

  // "แหล่งงบประมาณ ได้แก่ …" in a sentence of its own.
  if (n.budget_sources.empty() && section_ != section_kind::budget) {
    std::string_view s = cleaned;
    if (skip_word(s, "แหล่งงบประมาณ") || skip_word(s, "แหล่งที่มาของงบประมาณ")) {
      if (skip_word(s, ":") || skip_word(s, "ได้แก่") || skip_word(s, "คือ") || skip_word(s, "จาก")) {
        if (!s.empty()) n.budget_sources = sources_of({std::string(s)});
      }
    }
  }
}

}  // namespace

narrative_node scan_narrative(std::string_view text) { return narrative_reader().read(text); }

}  // namespace planflow::plugins::ethics
