#include "text_scan.hpp"

#include <planflow/text/thai.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_set>

namespace planflow::plugins::anti_corruption::scan {

namespace {

using std::string_view;

constexpr string_view k_changwat = "จังหวัด";

unsigned char byte_at(string_view s, std::size_t p) { return static_cast<unsigned char>(s[p]); }

// A Thai letter or vowel sign (U+0E01..U+0E4E, the digits excluded) at `p`.
bool thai_letter_at(string_view s, std::size_t p) {
  if (p + 3 > s.size() || byte_at(s, p) != 0xE0) return false;
  unsigned char b1 = byte_at(s, p + 1), b2 = byte_at(s, p + 2);
  return (b1 == 0xB8 && b2 >= 0x81) || (b1 == 0xB9 && b2 <= 0x8E);
}

// One UTF-8 sequence, decoded loosely: bytes that do not form a sequence count
// as one character each, so any input is read to its end.
struct code_point {
  std::uint32_t value;
  std::size_t length;
};

code_point code_point_at(string_view s, std::size_t p) {
  unsigned char b = byte_at(s, p);
  std::size_t length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  if (p + length > s.size()) length = 1;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte_at(s, p + i) & 0xC0) != 0x80) length = 1;
  }
  if (length == 1) return {b, 1};
  std::uint32_t value = b & (0xFF >> (length + 1));
  for (std::size_t i = 1; i < length; ++i) value = (value << 6) | (byte_at(s, p + i) & 0x3F);
  return {value, length};
}

bool ends_with_word(string_view text, string_view word) { return text.ends_with(word); }

// Only the right end: trimming a long prefix from the left for every number
// would make find_target quadratic on text that was not whitespace-collapsed.
string_view trim_right(string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

bool is_bullet_at(string_view s, std::size_t p) {
  if (p >= s.size()) return false;
  if (s[p] == '-') return true;
  auto rest = s.substr(p);
  return rest.starts_with("–") || rest.starts_with("•");
}

std::size_t bullet_length(string_view s, std::size_t p) { return s[p] == '-' ? 1 : 3; }

// Reads digits with "," groups and one decimal point; ASCII out.
struct number_token {
  std::string ascii;
  std::size_t end;
  int integer_digits;
  bool grouped;
};

number_token read_number(string_view s, std::size_t p) {
  number_token t{{}, p, 0, false};
  bool in_fraction = false;
  while (t.end < s.size()) {
    auto d = digit_at(s, t.end);
    if (d.length) {
      t.ascii.push_back(static_cast<char>('0' + d.value));
      if (!in_fraction) ++t.integer_digits;
      t.end += d.length;
      continue;
    }
    char c = s[t.end];
    bool digit_follows = t.end + 1 < s.size() && digit_at(s, t.end + 1).length > 0;
    if (c == ',' && !in_fraction && digit_follows) {
      t.grouped = true;
      t.ascii.push_back(',');
      ++t.end;
      continue;
    }
    if (c == '.' && !in_fraction && digit_follows) {
      in_fraction = true;
      t.ascii.push_back('.');
      ++t.end;
      continue;
    }
    break;
  }
  return t;
}

constexpr std::array<string_view, 7> k_quantifiers = {"ไม่น้อยกว่า", "อย่างน้อย", "ไม่ต่ำกว่า", "ไม่มากกว่า",
                                                      "ไม่เกิน",    "จำนวน",   "ร้อยละ"};
constexpr std::array<string_view, 2> k_directions = {"ลดลง", "เพิ่มขึ้น"};
// Longest unit word looked for after a number: "โครงการ/เรื่อง/" is 45 bytes.
constexpr std::size_t k_unit_window = 96;

constexpr std::array<string_view, 6> k_year_words = {"ปีงบประมาณ", "พ.ศ.", "พ.ศ", "ค.ศ.", "ค.ศ", "ปี"};

// The quantifier `text` ends with, or "".
string_view ending_quantifier(string_view text, bool directions_too) {
  for (auto q : k_quantifiers) {
    if (ends_with_word(text, q)) return q;
  }
  if (directions_too) {
    for (auto q : k_directions) {
      if (ends_with_word(text, q)) return q;
    }
  }
  return {};
}

std::size_t skip_spaces(string_view s, std::size_t p) {
  while (p < s.size() && s[p] == ' ') ++p;
  return p;
}

// Past `word` at `p` (and the spaces after it) when it is there; `p` otherwise.
std::size_t skip_word(string_view s, std::size_t p, string_view word) {
  return s.substr(p).starts_with(word) ? skip_spaces(s, p + word.size()) : p;
}

// A dash or "ถึง" then a digit at `p`: the second year of a range.
bool range_continues_at(string_view s, std::size_t p) {
  p = skip_spaces(s, p);
  for (string_view dash : {"-", "–", "—", "ถึง"}) {
    if (s.substr(p).starts_with(dash)) return digit_at(s, skip_spaces(s, p + dash.size())).length > 0;
  }
  return false;
}

// The value of the one to three digits `text` ends with, and where they start;
// nullopt when it does not end with a digit or ends with more than three.
struct trailing_number {
  int value;
  std::size_t start;
};
std::optional<trailing_number> read_trailing_number(string_view text) {
  std::size_t q = text.size();
  int value = 0;
  int scale = 1;
  int digits = 0;
  while (q > 0 && digits < 4) {
    std::size_t width = q >= 3 && digit_at(text, q - 3).length == 3 ? 3 : digit_at(text, q - 1).length == 1 ? 1 : 0;
    if (width == 0) break;
    value += digit_at(text, q - width).value * scale;
    scale *= 10;
    q -= width;
    ++digits;
  }
  if (digits == 0 || digits > 3) return std::nullopt;
  return trailing_number{value, q};
}

// A Buddhist-era year of exactly four digits (Thai or Arabic) at `p`,
// advancing `p` past the digits read; a fifth digit makes it no year.
std::optional<int> be_year_at(string_view text, std::size_t& p) {
  int year = 0;
  int digits = 0;
  while (digits < 5) {
    auto d = digit_at(text, p);
    if (!d.length) break;
    year = year * 10 + d.value;
    p += d.length;
    ++digits;
  }
  if (digits != 4 || year < 2400 || year > 2799) return std::nullopt;
  return year;
}

}  // namespace

string_view trim(string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::string without_spaces(string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

bool combining_mark_at(string_view s, std::size_t p) {
  if (p + 3 > s.size() || byte_at(s, p) != 0xE0) return false;
  unsigned char b1 = byte_at(s, p + 1), b2 = byte_at(s, p + 2);
  if (b1 == 0xB8) return b2 == 0xB0 || (b2 >= 0xB1 && b2 <= 0xBA);  // ะ ั า ำ ิ ี ึ ื ุ ู ฺ
  if (b1 == 0xB9) return b2 == 0x85 || (b2 >= 0x87 && b2 <= 0x8E);  // ๅ ็ ่ ้ ๊ ๋ ์ ํ ๎
  return false;
}

item_number split_item_number(string_view text) {
  text = trim(text);
  std::size_t p = 0;
  std::string number;
  while (number.size() < 4) {
    auto d = digit_at(text, p);
    if (!d.length) break;
    number.push_back(static_cast<char>('0' + d.value));
    p += d.length;
  }
  if (number.empty() || number.size() > 3 || p >= text.size() || text[p] != '.' || digit_at(text, p + 1).length > 0) {
    return {"", std::string(text)};
  }
  return {std::move(number), std::string(trim(text.substr(p + 1)))};
}

std::optional<dotted_number> read_dotted_number(string_view text) {
  dotted_number out;
  std::size_t p = 0;
  while (out.components < 8) {
    std::string component;
    while (component.size() < 4) {
      auto d = digit_at(text, p);
      if (!d.length) break;
      component.push_back(static_cast<char>('0' + d.value));
      p += d.length;
    }
    if (component.empty() || component.size() > 3) return std::nullopt;
    if (!out.number.empty()) out.number.push_back('.');
    out.number += component;
    ++out.components;
    if (p < text.size() && text[p] == '.') {
      ++p;
      if (digit_at(text, p).length) continue;
    }
    break;
  }
  out.length = p;
  return out;
}

std::vector<std::string> split_paragraphs(string_view raw) {
  std::vector<std::string> out;
  std::size_t start = 0;
  std::size_t p = 0;
  auto flush = [&](std::size_t end) {
    auto piece = text::clean_cell(raw.substr(start, end - start));
    if (!piece.empty()) out.push_back(std::move(piece));
  };
  while ((p = raw.find('<', p)) != string_view::npos) {
    // Only the short closing tags end a paragraph; looking a few bytes ahead
    // keeps a text full of '<' linear.
    auto window = raw.substr(p, 8);
    std::string lower;
    for (char c : window) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    auto close = lower.find('>');
    bool boundary = close != std::string::npos &&
                    (lower.starts_with("</p>") || lower.starts_with("</p ") || lower.starts_with("<br>") ||
                     lower.starts_with("<br/") || lower.starts_with("<br "));
    if (!boundary) {
      ++p;
      continue;
    }
    flush(p + close + 1);
    p += close + 1;
    start = p;
  }
  flush(raw.size());
  return out;
}

std::vector<std::string> split_numbered_pieces(string_view raw) {
  std::vector<std::string> out;
  for (const auto& paragraph : split_paragraphs(raw)) {
    string_view s = paragraph;
    std::size_t start = 0;
    for (std::size_t p = 1; p < s.size(); ++p) {
      if (s[p - 1] != ' ') continue;
      // "<1–2 digits>." then a Thai letter, optionally after one space.
      std::size_t q = p;
      int digits = 0;
      while (digits < 3) {
        auto d = digit_at(s, q);
        if (!d.length) break;
        q += d.length;
        ++digits;
      }
      if (digits == 0 || digits > 2 || q >= s.size() || s[q] != '.') continue;
      std::size_t after = q + 1;
      if (after < s.size() && s[after] == ' ') ++after;
      if (!thai_letter_at(s, after)) continue;
      auto piece = trim(s.substr(start, p - start));
      if (!piece.empty()) out.emplace_back(piece);
      start = p;
    }
    auto piece = trim(s.substr(start));
    if (!piece.empty()) out.emplace_back(piece);
  }
  return out;
}

std::vector<std::string> split_agencies(string_view raw) {
  std::vector<std::string> out;
  auto push = [&](string_view piece) {
    piece = trim(piece);
    while (!piece.empty() && is_bullet_at(piece, 0)) piece = trim(piece.substr(bullet_length(piece, 0)));
    if (!piece.empty()) out.emplace_back(piece);
  };
  for (const auto& paragraph : split_paragraphs(raw)) {
    string_view s = paragraph;
    std::size_t start = 0;
    for (std::size_t p = 1; p < s.size(); ++p) {
      // " -สำนักงาน…" starts an item; "STRONG-จิต" and "STRONG - จิต" do not.
      if (s[p - 1] != ' ' || !is_bullet_at(s, p)) continue;
      std::size_t after = p + bullet_length(s, p);
      if (after >= s.size() || s[after] == ' ') continue;
      push(s.substr(start, p - start));
      start = p;
    }
    push(s.substr(start));
  }
  return out;
}

std::vector<province_mention> find_province_mentions(string_view text,
                                                     const std::vector<plugin::province_name>& provinces) {
  std::vector<province_mention> out;
  std::size_t at = 0;
  while ((at = text.find(k_changwat, at)) != string_view::npos) {
    std::size_t p = at + k_changwat.size();
    while (p < text.size() && text[p] == ' ') ++p;
    std::size_t best = provinces.size();
    std::size_t best_length = 0;
    for (std::size_t i = 0; i < provinces.size(); ++i) {
      const auto& name = provinces[i].name_th;
      if (name.size() <= best_length || text.compare(p, name.size(), name) != 0) continue;
      if (combining_mark_at(text, p + name.size())) continue;
      best = i;
      best_length = name.size();
    }
    if (best < provinces.size()) out.push_back({best, at});
    at += k_changwat.size();
  }
  return out;
}

std::string standalone_province_name(string_view line) {
  line = trim(line);
  if (!line.starts_with(k_changwat)) return {};
  auto name = trim(line.substr(k_changwat.size()));
  // Province names are one Thai word of at most 15 letters (พระนครศรีอยุธยา).
  if (name.empty() || name.size() > 3 * 20) return {};
  for (std::size_t p = 0; p < name.size(); p += 3) {
    if (!thai_letter_at(name, p)) return {};
  }
  return std::string(name);
}

target_match find_target(string_view text) {
  target_match last_plain;
  std::size_t p = 0;
  while (p < text.size()) {
    auto d = digit_at(text, p);
    if (!d.length) {
      ++p;
      continue;
    }
    // "MOIT5", "ITA2": a digit glued to Latin letters is part of a name.
    if (p > 0) {
      char prev = text[p - 1];
      if ((prev >= 'A' && prev <= 'Z') || (prev >= 'a' && prev <= 'z')) {
        p += d.length;
        continue;
      }
    }
    std::size_t start = p;
    auto token = read_number(text, p);
    p = token.end;
    if (p < text.size() && (text[p] == '.' || text[p] == ')')) continue;  // a list marker "๑." or "๒)"
    auto before = trim_right(text.substr(0, start));
    if (ends_with_word(before, "ที่")) continue;  // an ordinal: "ไตรมาสที่ ๑"
    bool after_year_word = false;
    for (auto w : k_year_words) after_year_word = after_year_word || ends_with_word(before, w);
    if (after_year_word) continue;
    auto value = text::parse_number(token.ascii);
    if (!value) continue;
    if (!token.grouped && token.integer_digits == 4 &&
        ((*value >= 2400 && *value <= 2799) || (*value >= 1900 && *value <= 2199))) {
      continue;
    }

    auto quantifier = ending_quantifier(before, false);
    std::size_t text_start = start;
    if (!quantifier.empty()) {
      text_start = before.data() - text.data() + before.size() - quantifier.size();
      auto outer = trim_right(text.substr(0, text_start));
      auto outer_quantifier = ending_quantifier(outer, true);
      if (!outer_quantifier.empty()) text_start = outer.data() - text.data() + outer.size() - outer_quantifier.size();
    }

    auto after = text.substr(p);
    auto first_non_space = after.find_first_not_of(' ');
    std::size_t skipped = first_non_space == string_view::npos ? after.size() : first_non_space;
    auto rest = after.substr(skipped);
    // The unit is the next word; only a short window is searched for its end,
    // so that text without spaces is not rescanned for every number in it.
    auto window = rest.substr(0, k_unit_window);
    auto space = window.find(' ');
    bool closes_text = space == string_view::npos ? rest.size() <= k_unit_window
                                                  : rest.substr(space).find_first_not_of(' ') == string_view::npos;
    string_view word = space != string_view::npos ? window.substr(0, space) : closes_text ? rest : string_view{};

    std::string unit;
    std::size_t text_end = p;
    if (rest.starts_with("%")) {
      unit = "ร้อยละ";
      text_end = p + skipped + 1;
    } else if (quantifier == "ร้อยละ") {
      unit = "ร้อยละ";
    } else {
      while (!word.empty() && (word.back() == '/' || word.back() == ',' || word.back() == ')' || word.back() == '.' ||
                               word.back() == ':')) {
        word.remove_suffix(1);
      }
      if (!word.empty() && !digit_at(word, 0).length && word.front() != '(') {
        unit = std::string(word);
        text_end = p + skipped + word.size();
      }
    }

    target_match match{value, std::move(unit), std::string(trim(text.substr(text_start, text_end - text_start))),
                       text_end};
    if (!quantifier.empty()) return match;
    // Without a quantifier only a number closing the text is a target:
    // "… ๒๑ ชุมชน" is, "… ๕ ประการ คือ …" is not.
    if (closes_text) last_plain = std::move(match);
  }
  return last_plain;
}

double similarity(string_view a, string_view b) {
  auto pairs = [](string_view s) {
    std::unordered_set<std::uint64_t> out;
    std::uint32_t previous = 0;
    bool have_previous = false;
    for (std::size_t p = 0; p < s.size();) {
      auto cp = code_point_at(s, p);
      p += cp.length;
      if (cp.value == ' ') continue;
      if (have_previous) out.insert((std::uint64_t(previous) << 32) | cp.value);
      previous = cp.value;
      have_previous = true;
    }
    return out;
  };
  auto in_a = pairs(a);
  if (in_a.empty()) return 0.0;
  auto in_b = pairs(b);
  std::size_t shared = 0;
  for (auto pair : in_a) shared += in_b.count(pair);
  return double(shared) / double(in_a.size());
}

std::optional<year_match> find_fiscal_year(string_view text, std::size_t from) {
  constexpr string_view k_keyword = "ปีงบประมาณ";
  std::size_t at = from;
  while (at < text.size() && (at = text.find(k_keyword, at)) != string_view::npos) {
    std::size_t p = at + k_keyword.size();
    at = p;
    while (p < text.size() && text[p] == ' ') ++p;
    auto rest = text.substr(p);
    if (rest.starts_with("พ.ศ."))
      p += string_view("พ.ศ.").size();
    else if (rest.starts_with("พ.ศ"))
      p += string_view("พ.ศ").size();
    while (p < text.size() && text[p] == ' ') ++p;
    if (auto year = be_year_at(text, p)) return year_match{*year, p};
  }
  return std::nullopt;
}

std::optional<year_mention> find_year_mention(string_view text, std::size_t from) {
  constexpr string_view k_year = "ปี";
  constexpr string_view k_for = "ประจำ";
  std::size_t at = from;
  while (at < text.size() && (at = text.find(k_year, at)) != string_view::npos) {
    std::size_t start = at;
    at += k_year.size();
    std::size_t p = skip_spaces(text, at);
    p = skip_word(text, p, "งบประมาณ");
    p = skip_word(text, p, "พ.ศ.");
    p = skip_word(text, p, "พ.ศ");
    auto found = be_year_at(text, p);
    if (!found || range_continues_at(text, p)) continue;
    const int year = *found;
    if (start >= k_for.size() && text.substr(start - k_for.size(), k_for.size()) == k_for) start -= k_for.size();
    return year_mention{year, start, p};
  }
  return std::nullopt;
}

std::optional<std::size_t> find_national_scope(string_view text) {
  constexpr string_view k_every = "ทุก";
  std::size_t at = 0;
  while ((at = text.find(k_changwat, at)) != string_view::npos) {
    std::size_t after = at + k_changwat.size();
    if (text.substr(after).starts_with("ละ")) return at;  // "จังหวัดละ ๑๐๐ คน"
    // "จังหวัดนราธิวาส" names a province; only the bare word counts provinces.
    if (!thai_letter_at(text, after)) {
      auto before = trim_right(text.substr(0, at));
      if (before.ends_with(k_every)) return before.size() - k_every.size();  // "ทุกจังหวัด"
      // "๗๖ จังหวัด"; four digits would be a year ("ปี ๒๕๖๖ จังหวัด …").
      if (auto count = read_trailing_number(before); count && count->value >= 2) return count->start;
    }
    at = after;
  }
  return std::nullopt;
}

namespace {

// Where a clause about the starting point begins ("ค่าฐาน", "ปีฐาน", "จากปี",
// "เทียบกับปี"), or npos. Quantities after it are the baseline's, not the
// target's.
std::size_t baseline_clause_at(string_view text) {
  std::size_t first = string_view::npos;
  for (string_view word : {"ค่าฐาน", "ปีฐาน", "จากปี", "เทียบกับปี"}) {
    auto at = text.find(word);
    if (at == string_view::npos) continue;
    if (word == "เทียบกับปี" && at >= string_view("เมื่อ").size() &&
        text.substr(at - string_view("เมื่อ").size()).starts_with("เมื่อ")) {
      at -= string_view("เมื่อ").size();
    }
    first = std::min(first, at);
  }
  return first;
}

void read_baseline_clause(string_view clause, target_reading& out) {
  for (string_view word : {"ปีฐาน", "ค่าฐานปี", "จากปี", "เทียบกับปี"}) {
    auto at = clause.find(word);
    if (at == string_view::npos) continue;
    std::size_t p = skip_spaces(clause, at + word.size());
    p = skip_word(clause, p, "งบประมาณ");
    p = skip_word(clause, p, "พ.ศ.");
    p = skip_word(clause, p, "พ.ศ");
    if (auto year = be_year_at(clause, p)) {
      out.base_year = year;
      break;
    }
  }
  auto at = clause.find("ค่าฐาน");
  if (at == string_view::npos) return;
  auto rest = clause.substr(at + string_view("ค่าฐาน").size());
  // The first number of the clause that is not a year: "ค่าฐาน ๑๒๐ คดี",
  // "ค่าฐานร้อยละ ๗๐", "ค่าฐานปี ๒๕๖๔ ร้อยละ ๓๐".
  for (std::size_t p = 0; p < rest.size();) {
    if (!digit_at(rest, p).length) {
      ++p;
      continue;
    }
    auto token = read_number(rest, p);
    auto before = trim_right(rest.substr(0, p));
    p = token.end;
    bool year = !token.grouped && token.integer_digits == 4;
    for (auto w : k_year_words) year = year || ends_with_word(before, w);
    if (year) continue;
    if (auto value = text::parse_number(token.ascii)) {
      out.baseline = value;
      return;
    }
  }
}

}  // namespace

target_reading read_target(string_view text) {
  target_reading out;
  const auto clause = baseline_clause_at(text);
  const auto stated = clause == string_view::npos ? text : text.substr(0, clause);
  std::size_t last_end = 0;
  for (std::size_t p = 0; p < stated.size();) {
    auto rest = stated.substr(p);
    auto match = find_target(rest);
    if (!match.value || match.end == 0) break;
    const std::size_t start = p + match.end - match.text.size();
    string_view found = match.text;
    if (out.measures.empty()) {
      auto before = trim_right(stated.substr(0, start));
      // find_target keeps one word before its quantifier ("ลดลงร้อยละ ๑๐");
      // a direction before an inner comparator ("ลดลง ไม่น้อยกว่าร้อยละ ๑๐")
      // is just before it.
      auto says = [&](string_view word) { return found.starts_with(word) || before.ends_with(word); };
      if (says("ลดลง")) out.direction = "decrease";
      if (says("เพิ่มขึ้น")) out.direction = "increase";
    }
    // Quantities side by side read as one phrase ("อย่างน้อย ๑ หลักสูตร จำนวน
    // ๓ คน"); apart, each is kept without the words between them.
    if (!out.measures.empty()) out.text += trim(stated.substr(last_end, start - last_end)).empty() ? " " : "; ";
    out.text += found;
    auto ceiling = [&](string_view word) { return found.find(word) != string_view::npos; };
    out.measures.push_back(
        {*match.value, match.unit, ceiling("ไม่เกิน") || ceiling("ไม่มากกว่า") ? "at_most" : "at_least"});
    last_end = p + match.end;
    p = last_end;
  }
  if (clause != string_view::npos) read_baseline_clause(text.substr(clause), out);
  return out;
}

}  // namespace planflow::plugins::anti_corruption::scan
