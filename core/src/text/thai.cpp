#include <planflow/text/thai.hpp>

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <limits>
#include <utility>
#include <vector>

namespace planflow::text {
namespace {

using std::string_view;

unsigned char byte_at(string_view s, std::size_t p) { return static_cast<unsigned char>(s[p]); }

using digit_match = digit_at_result;

digit_match read_digit(string_view s, std::size_t p) { return digit_at(s, p); }

// Byte length of the whitespace character at `p`, 0 when there is none.
std::size_t whitespace_length(string_view s, std::size_t p) {
  unsigned char c = byte_at(s, p);
  if (c == ' ' || (c >= '\t' && c <= '\r')) return 1;
  auto rest = s.substr(p);
  if (rest.starts_with("\xC2\xA0")) return 2;  // NBSP
  if (rest.size() < 3) return 0;
  unsigned char b1 = byte_at(rest, 1), b2 = byte_at(rest, 2);
  if (c == 0xE2 && b1 == 0x80 && b2 >= 0x80 && b2 <= 0x8B) return 3;  // U+2000..U+200B, zero-width space included
  if (c == 0xE2 && b1 == 0x80 && b2 == 0xAF) return 3;                // U+202F narrow NBSP
  if (c == 0xE2 && b1 == 0x81 && b2 == 0x9F) return 3;                // U+205F
  if (c == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3;                // U+3000
  if (c == 0xEF && b1 == 0xBB && b2 == 0xBF) return 3;                // U+FEFF, a stray BOM
  return 0;
}

// True when a Thai letter or vowel sign starts at `p` (U+0E01..U+0E4E, not the digits).
bool thai_letter_at(string_view s, std::size_t p) {
  if (p + 2 >= s.size() || byte_at(s, p) != 0xE0) return false;
  unsigned char b1 = byte_at(s, p + 1), b2 = byte_at(s, p + 2);
  return (b1 == 0xB8 && b2 >= 0x81) || (b1 == 0xB9 && b2 <= 0x8E);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Builds text in which whitespace runs become one space, with no space at
// either end: a space is only written once something follows it.
class collapsing_writer {
 public:
  explicit collapsing_writer(std::size_t capacity) { out_.reserve(capacity); }
  void space() { pending_space_ = !out_.empty(); }
  void append(string_view s) {
    if (s.empty()) return;
    if (pending_space_) out_ += ' ';
    pending_space_ = false;
    out_ += s;
  }
  std::string take() && { return std::move(out_); }

 private:
  std::string out_;
  bool pending_space_ = false;
};

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Tags that end a line in the source document; the others (b, span, font…)
// sit inside words, and Thai words are not separated by spaces.
bool is_block_tag(string_view name) {
  static constexpr std::array<string_view, 20> k_block = {"p",  "br", "div",   "li",    "ul",    "ol",        "tr",
                                                          "td", "th", "hr",    "h1",    "h2",    "h3",        "h4",
                                                          "h5", "h6", "table", "tbody", "thead", "blockquote"};
  for (auto block : k_block) {
    if (block.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < name.size() && same; ++i) same = ascii_lower(name[i]) == block[i];
    if (same) return true;
  }
  return false;
}

struct tag_match {
  std::size_t length;  // 0: '<' does not start a tag here
  bool block;
};

// `unclosed` remembers that no '>' follows, so a text full of '<' stays linear.
tag_match match_tag(string_view s, std::size_t p, bool& unclosed) {
  std::size_t name_start = p + 1;
  if (name_start < s.size() && (s[name_start] == '/' || s[name_start] == '!')) ++name_start;
  if (name_start >= s.size() || unclosed) return {0, false};
  if (!is_ascii_alpha(s[name_start]) && s[p + 1] != '!') return {0, false};
  auto close = s.find('>', name_start);
  if (close == string_view::npos) {
    unclosed = true;
    return {0, false};
  }
  std::size_t name_end = name_start;
  while (name_end < close && (is_ascii_alpha(s[name_end]) || (s[name_end] >= '0' && s[name_end] <= '9'))) ++name_end;
  return {close + 1 - p, is_block_tag(s.substr(name_start, name_end - name_start))};
}

struct entity_match {
  std::size_t length;  // 0: not an entity we know
  bool space;
  std::string text;
};

entity_match match_entity(string_view s, std::size_t p) {
  // The longest entity read here is "&#x10FFFF;"; looking no further keeps it linear.
  auto window = s.substr(p + 1, 10);
  auto semicolon = window.find(';');
  if (semicolon == string_view::npos || semicolon == 0) return {0, false, {}};
  auto name = window.substr(0, semicolon);
  std::size_t length = semicolon + 2;
  if (name == "nbsp") return {length, true, {}};
  if (name == "amp") return {length, false, "&"};
  if (name == "lt") return {length, false, "<"};
  if (name == "gt") return {length, false, ">"};
  if (name == "quot") return {length, false, "\""};
  if (name == "apos") return {length, false, "'"};
  if (name[0] != '#' || name.size() < 2) return {0, false, {}};
  bool hex = name[1] == 'x' || name[1] == 'X';
  auto digits = name.substr(hex ? 2 : 1);
  std::uint32_t cp = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size()) return {0, false, {}};
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, false, {}};
  std::string text;
  append_utf8(text, cp);
  bool space = whitespace_length(text, 0) == text.size();
  return {length, space, space ? std::string{} : std::move(text)};
}

string_view trim(string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool strip_prefix(string_view& s, string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s = trim(s.substr(prefix.size()));
  return true;
}

bool strip_suffix(string_view& s, string_view suffix) {
  if (!s.ends_with(suffix)) return false;
  s = trim(s.substr(0, s.size() - suffix.size()));
  return true;
}

// A number split into ASCII digit strings, separators checked.
struct decimal {
  bool negative = false;
  std::string integer;
  std::string fraction;
  bool has_point = false;
};

// Reads [sign] digits [, groups of three] [. digits], with nothing else around.
std::optional<decimal> read_decimal(string_view s, bool allow_sign) {
  decimal d;
  if (allow_sign && !s.empty() && (s.front() == '-' || s.front() == '+')) {
    d.negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::size_t group = 0;  // digits since the last separator
  bool grouped = false;
  for (std::size_t p = 0; p < s.size();) {
    if (auto digit = read_digit(s, p); digit.length != 0) {
      (d.has_point ? d.fraction : d.integer) += static_cast<char>('0' + digit.value);
      if (!d.has_point) ++group;
      p += digit.length;
    } else if (s[p] == ',' && !d.has_point) {
      if (group == 0 || group > 3 || (grouped && group != 3)) return std::nullopt;
      grouped = true;
      group = 0;
      ++p;
    } else if (s[p] == '.' && !d.has_point) {
      if (grouped && group != 3) return std::nullopt;
      d.has_point = true;
      ++p;
    } else {
      return std::nullopt;
    }
  }
  if (d.integer.empty() || (grouped && !d.has_point && group != 3)) return std::nullopt;
  if (d.has_point && d.fraction.empty()) return std::nullopt;
  return d;
}

// Month names, in the order of the calendar.
constexpr std::array<string_view, 12> k_month_names = {"มกราคม",  "กุมภาพันธ์", "มีนาคม",  "เมษายน", "พฤษภาคม",  "มิถุนายน",
                                                       "กรกฎาคม", "สิงหาคม",  "กันยายน", "ตุลาคม",  "พฤศจิกายน", "ธันวาคม"};

constexpr std::array<string_view, 12> k_month_abbreviations = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                                                               "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",  "พ.ย.", "ธ.ค."};

// Spellings met in real documents besides the official ones: the everyday
// short forms, and July with ฏ instead of ฎ (a frequent typing slip).
struct month_spelling {
  string_view text;
  int month;
};
constexpr auto k_month_variants = std::to_array<month_spelling>({{"มกรา", 1},
                                                                 {"กุมภา", 2},
                                                                 {"มีนา", 3},
                                                                 {"เมษา", 4},
                                                                 {"พฤษภา", 5},
                                                                 {"มิถุนา", 6},
                                                                 {"กรกฎา", 7},
                                                                 {"กรกฏาคม", 7},
                                                                 {"กรกฏา", 7},
                                                                 {"สิงหา", 8},
                                                                 {"กันยา", 9},
                                                                 {"ตุลา", 10},
                                                                 {"พฤศจิกา", 11},
                                                                 {"ธันวา", 12}});

// Length of the abbreviation `abbreviation` ("มี.ค.") at the start of `s`,
// written with or without its dots ("มีค", "มี.ค", "มี. ค."); 0 when absent.
std::size_t match_abbreviation(string_view s, string_view abbreviation) {
  auto dot = abbreviation.find('.');
  auto first = abbreviation.substr(0, dot);
  auto second = abbreviation.substr(dot + 1, abbreviation.size() - dot - 2);
  if (!s.starts_with(first)) return 0;
  std::size_t p = first.size();
  if (p < s.size() && s[p] == '.') {
    ++p;
    while (p < s.size() && s[p] == ' ') ++p;
  }
  if (!s.substr(p).starts_with(second)) return 0;
  p += second.size();
  if (p < s.size() && s[p] == '.') return p + 1;
  // Without the final dot, "มค" must not be the start of a longer word.
  return thai_letter_at(s, p) ? 0 : p;
}

struct month_match {
  int month;
  std::size_t length;  // 0: no month here
};

month_match match_month(string_view s, std::size_t p) {
  auto rest = s.substr(p);
  month_match best{0, 0};
  auto consider = [&](string_view spelling, int month) {
    if (spelling.size() > best.length && rest.starts_with(spelling)) best = {month, spelling.size()};
  };
  for (int m = 1; m <= 12; ++m) consider(k_month_names[m - 1], m);
  for (auto variant : k_month_variants) consider(variant.text, variant.month);
  if (best.length != 0) return best;
  for (int m = 1; m <= 12; ++m) {
    if (auto length = match_abbreviation(rest, k_month_abbreviations[m - 1])) return {m, length};
  }
  return best;
}

enum class token_kind { month, number, dash, fiscal_year, quarter, filler };

struct token {
  token_kind kind;
  int value;   // the month, or the number
  int digits;  // how many digits a number was written with
};

struct keyword {
  string_view text;
  token_kind kind;
};

constexpr auto k_keywords = std::to_array<keyword>({
    {"ตลอดทั้งปีงบประมาณ", token_kind::fiscal_year},
    {"ตลอดปีงบประมาณ", token_kind::fiscal_year},
    {"ทั้งปีงบประมาณ", token_kind::fiscal_year},
    {"ตลอดทั้งปี", token_kind::fiscal_year},
    {"ตลอดปี", token_kind::fiscal_year},
    {"ทั้งปี", token_kind::fiscal_year},
    {"ปีงบประมาณ", token_kind::fiscal_year},
    {"ปีงบฯ", token_kind::fiscal_year},
    {"ปีงบ", token_kind::fiscal_year},
    {"ไตรมาสที่", token_kind::quarter},
    {"ไตรมาส", token_kind::quarter},
    {"จนถึง", token_kind::dash},
    {"ถึง", token_kind::dash},
    {"-", token_kind::dash},
    {"~", token_kind::dash},
    {"\u2013", token_kind::dash},  // en dash, the usual one in the seeds
    {"\u2014", token_kind::dash},  // em dash
    {"\u2212", token_kind::dash},  // minus sign
    {"พ.ศ.", token_kind::filler},
    {"พ.ศ", token_kind::filler},
    {"เดือน", token_kind::filler},
    {"ระหว่าง", token_kind::filler},
    {"ตั้งแต่", token_kind::filler},
    {"ช่วง", token_kind::filler},
    {"ประจำ", token_kind::filler},
    {"วันที่", token_kind::filler},
    {"ใน", token_kind::filler},
    {"ปี", token_kind::filler},
});

const keyword* match_keyword(string_view s, std::size_t p) {
  auto rest = s.substr(p);
  const keyword* best = nullptr;
  for (const auto& k : k_keywords) {
    if (rest.starts_with(k.text) && (best == nullptr || k.text.size() > best->text.size())) best = &k;
  }
  return best;
}

// Splits cleaned period or date text into tokens; nullopt at the first text
// that is none of them, so a long unrelated text is rejected early.
std::optional<std::vector<token>> tokenize(string_view s) {
  std::vector<token> tokens;
  for (std::size_t p = 0; p < s.size();) {
    if (s[p] == ' ') {
      ++p;
    } else if (auto month = match_month(s, p); month.length != 0) {
      tokens.push_back({token_kind::month, month.month, 0});
      p += month.length;
    } else if (read_digit(s, p).length != 0) {
      token number{token_kind::number, 0, 0};
      for (auto digit = read_digit(s, p); digit.length != 0; digit = p < s.size() ? read_digit(s, p) : digit_match{}) {
        if (++number.digits > 9) return std::nullopt;
        number.value = number.value * 10 + digit.value;
        p += digit.length;
      }
      tokens.push_back(number);
    } else if (const keyword* k = match_keyword(s, p)) {
      if (k->kind != token_kind::filler) tokens.push_back({k->kind, 0, 0});
      p += k->text.size();
    } else {
      return std::nullopt;
    }
  }
  return tokens;
}

class token_reader {
 public:
  explicit token_reader(const std::vector<token>& tokens) : tokens_(tokens) {}
  bool done() const { return next_ == tokens_.size(); }
  bool next_is(token_kind kind) const { return !done() && tokens_[next_].kind == kind; }
  const token* take(token_kind kind) { return next_is(kind) ? &tokens_[next_++] : nullptr; }

 private:
  const std::vector<token>& tokens_;
  std::size_t next_ = 0;
};

// A year as written in a plan: two digits are short for 25xx, four are a full BE year.
std::optional<int> be_year(const token& t) {
  if (t.digits == 2) return expand_be_year(t.value);
  if (t.digits == 4 && t.value >= 2400 && t.value < 2800) return t.value;
  return std::nullopt;
}

// Calendar BE year of a calendar month within fiscal year `fiscal_year_be`.
int calendar_year_in_fiscal(unsigned month, int fiscal_year_be) {
  return month >= 10 ? fiscal_year_be - 1 : fiscal_year_be;
}

// What a period text says, before years are inferred: calendar months and
// calendar BE years, 0 where the text gives no year.
struct period_parts {
  unsigned first_month = 0;
  unsigned last_month = 0;
  int first_year_be = 0;
  int last_year_be = 0;

  void set_fiscal_year(int fiscal_year_be) {
    first_year_be = calendar_year_in_fiscal(first_month, fiscal_year_be);
    last_year_be = calendar_year_in_fiscal(last_month, fiscal_year_be);
  }
};

// An optional trailing "ปีงบประมาณ ๒๕๖๖": the fiscal year, 0 when absent, nullopt when malformed.
std::optional<int> read_fiscal_year_suffix(token_reader& r, bool allow_bare_year) {
  bool fiscal_word = r.take(token_kind::fiscal_year) != nullptr;
  if (!fiscal_word && !allow_bare_year) return 0;
  const token* year = r.take(token_kind::number);
  if (year == nullptr) return 0;
  return be_year(*year);
}

std::optional<int> read_optional_year(token_reader& r) {
  const token* year = r.take(token_kind::number);
  if (year == nullptr) return 0;
  return be_year(*year);
}

std::optional<period_parts> read_month_range(token_reader& r) {
  period_parts p;
  p.first_month = static_cast<unsigned>(r.take(token_kind::month)->value);
  auto first_year = read_optional_year(r);
  if (!first_year) return std::nullopt;
  p.first_year_be = *first_year;
  // The dash may be missing: "ตุลาคม ธันวาคม ๒๕๖๕" in a seed.
  bool dash = r.take(token_kind::dash) != nullptr;
  if (const token* last = r.take(token_kind::month)) {
    p.last_month = static_cast<unsigned>(last->value);
    auto last_year = read_optional_year(r);
    if (!last_year) return std::nullopt;
    p.last_year_be = *last_year;
  } else if (dash) {
    return std::nullopt;
  } else {
    p.last_month = p.first_month;
    p.last_year_be = p.first_year_be;
  }
  auto fiscal_year = read_fiscal_year_suffix(r, false);
  if (!fiscal_year) return std::nullopt;
  if (*fiscal_year != 0) {
    if (p.first_year_be != 0 || p.last_year_be != 0) return std::nullopt;
    p.set_fiscal_year(*fiscal_year);
  }
  return p;
}

std::optional<int> read_quarter_number(token_reader& r) {
  const token* q = r.take(token_kind::number);
  if (q == nullptr || q->digits != 1 || q->value < 1 || q->value > 4) return std::nullopt;
  return q->value;
}

std::optional<period_parts> read_quarter_range(token_reader& r) {
  r.take(token_kind::quarter);
  auto first = read_quarter_number(r);
  if (!first) return std::nullopt;
  auto last = first;
  if (r.take(token_kind::dash)) {
    r.take(token_kind::quarter);
    last = read_quarter_number(r);
    if (!last || *last < *first) return std::nullopt;
  }
  period_parts p;
  p.first_month = calendar_month((*first - 1) * 3 + 1);
  p.last_month = calendar_month(*last * 3);
  auto fiscal_year = read_fiscal_year_suffix(r, true);
  if (!fiscal_year) return std::nullopt;
  if (*fiscal_year != 0) p.set_fiscal_year(*fiscal_year);
  return p;
}

std::optional<period_parts> read_whole_year(token_reader& r) {
  while (r.take(token_kind::fiscal_year)) {
  }
  period_parts p;
  p.first_month = 10;
  p.last_month = 9;
  auto fiscal_year = read_optional_year(r);
  if (!fiscal_year) return std::nullopt;
  if (*fiscal_year != 0) p.set_fiscal_year(*fiscal_year);
  return p;
}

std::optional<period_parts> read_period(string_view text) {
  auto tokens = tokenize(clean_cell(text));
  if (!tokens) return std::nullopt;
  token_reader r(*tokens);
  std::optional<period_parts> parts;
  if (r.next_is(token_kind::month)) {
    parts = read_month_range(r);
  } else if (r.next_is(token_kind::quarter)) {
    parts = read_quarter_range(r);
  } else if (r.next_is(token_kind::fiscal_year)) {
    parts = read_whole_year(r);
  }
  if (!parts || !r.done()) return std::nullopt;
  return parts;
}

// Fills in the year of an end the text left without one and checks the order.
std::optional<year_month_span> dated(period_parts p) {
  if (p.first_year_be == 0 && p.last_year_be == 0) return std::nullopt;
  if (p.first_year_be == 0) p.first_year_be = p.first_month <= p.last_month ? p.last_year_be : p.last_year_be - 1;
  if (p.last_year_be == 0) p.last_year_be = p.last_month >= p.first_month ? p.first_year_be : p.first_year_be + 1;
  using namespace std::chrono;
  year_month_span span{year{be_to_ce(p.first_year_be)} / month{p.first_month},
                       year{be_to_ce(p.last_year_be)} / month{p.last_month}};
  if (span.last < span.first) return std::nullopt;
  return span;
}

}  // namespace

// Thai digits are U+0E50..U+0E59, encoded E0 B9 90..99.
digit_at_result digit_at(string_view s, std::size_t p) {
  if (p >= s.size()) return {0, 0};
  unsigned char c = static_cast<unsigned char>(s[p]);
  if (c >= '0' && c <= '9') return {c - '0', 1};
  if (c == 0xE0 && p + 2 < s.size() && static_cast<unsigned char>(s[p + 1]) == 0xB9 &&
      static_cast<unsigned char>(s[p + 2]) >= 0x90 && static_cast<unsigned char>(s[p + 2]) <= 0x99) {
    return {static_cast<unsigned char>(s[p + 2]) - 0x90, 3};
  }
  return {0, 0};
}

std::string thai_digits_to_arabic(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t p = 0; p < text.size();) {
    auto digit = read_digit(text, p);
    if (digit.length == 3) {
      out += static_cast<char>('0' + digit.value);
      p += 3;
    } else {
      out += text[p++];
    }
  }
  return out;
}

std::string arabic_digits_to_thai(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      out += "\xE0\xB9";
      out += static_cast<char>(0x90 + (c - '0'));
    } else {
      out += c;
    }
  }
  return out;
}

std::string collapse_whitespace(std::string_view text) {
  collapsing_writer out(text.size());
  for (std::size_t p = 0; p < text.size();) {
    if (auto n = whitespace_length(text, p)) {
      out.space();
      p += n;
    } else {
      out.append(text.substr(p++, 1));
    }
  }
  return std::move(out).take();
}

std::string clean_cell(std::string_view cell) {
  collapsing_writer out(cell.size());
  bool unclosed = false;
  for (std::size_t p = 0; p < cell.size();) {
    char c = cell[p];
    if (c == '<') {
      if (auto tag = match_tag(cell, p, unclosed); tag.length != 0) {
        if (tag.block) out.space();
        p += tag.length;
        continue;
      }
    } else if (c == '&') {
      if (auto entity = match_entity(cell, p); entity.length != 0) {
        if (entity.space) out.space();
        out.append(entity.text);
        p += entity.length;
        continue;
      }
    } else if (c == '*' && p + 1 < cell.size() && cell[p + 1] == '*') {
      p += 2;
      continue;
    } else if (auto n = whitespace_length(cell, p)) {
      out.space();
      p += n;
      continue;
    }
    out.append(cell.substr(p++, 1));
  }
  return std::move(out).take();
}

std::optional<std::int64_t> parse_baht(std::string_view text) {
  std::string cleaned = clean_cell(text);
  string_view s = cleaned;
  strip_prefix(s, "฿");
  strip_suffix(s, "บาท");
  // "30,500.-" is how bookkeeping writes "no satang".
  if (!strip_suffix(s, ".-")) strip_suffix(s, ".\u2013");
  auto d = read_decimal(s, false);
  if (!d || d->fraction.size() > 2) return std::nullopt;
  std::string digits = d->integer + d->fraction + std::string(2 - d->fraction.size(), '0');
  std::int64_t satang = 0;
  for (char c : digits) {
    if (satang > (std::numeric_limits<std::int64_t>::max() - (c - '0')) / 10) return std::nullopt;
    satang = satang * 10 + (c - '0');
  }
  return satang;
}

bool is_no_budget(std::string_view text) {
  std::string cleaned = clean_cell(text);
  std::string compact;
  for (char c : cleaned) {
    if (c != ' ') compact += c;
  }
  static constexpr std::array<string_view, 9> k_spellings = {
      "ไม่ใช้งบประมาณ", "ไม่ใช่งบประมาณ", "ไม่มีงบประมาณ", "ไม่ได้ใช้งบประมาณ", "ไม่ใช้งบ", "ไม่มีงบ", "-", "\u2013", "\u2014"};
  for (auto spelling : k_spellings) {
    if (compact == spelling) return true;
  }
  return false;
}

std::string format_baht(std::int64_t satang) {
  // Unsigned, so that the most negative value has a magnitude too.
  std::uint64_t magnitude = satang < 0 ? 0 - static_cast<std::uint64_t>(satang) : static_cast<std::uint64_t>(satang);
  std::string digits = std::to_string(magnitude / 100);
  std::string out = satang < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  if (auto rest = magnitude % 100) out += fmt::format(".{:02d}", rest);
  return out;
}

std::optional<double> parse_number(std::string_view text) {
  std::string cleaned = clean_cell(text);
  string_view s = cleaned;
  strip_prefix(s, "ร้อยละ");
  strip_suffix(s, "%");
  auto d = read_decimal(s, true);
  if (!d) return std::nullopt;
  std::string ascii = (d->negative ? "-" : "") + d->integer + (d->has_point ? "." + d->fraction : "");
  double value = 0;
  auto [end, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
  if (ec != std::errc{} || end != ascii.data() + ascii.size()) return std::nullopt;
  return value;
}

std::optional<int> parse_int(std::string_view text) {
  std::string cleaned = clean_cell(text);
  auto d = read_decimal(cleaned, true);
  if (!d || d->has_point) return std::nullopt;
  std::string ascii = (d->negative ? "-" : "") + d->integer;
  int value = 0;
  auto [end, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
  if (ec != std::errc{} || end != ascii.data() + ascii.size()) return std::nullopt;
  return value;
}

int expand_be_year(int year) { return year >= 0 && year < 100 ? 2500 + year : year; }

std::optional<int> parse_thai_month(std::string_view text) {
  auto tokens = tokenize(clean_cell(text));
  if (!tokens || tokens->size() != 1 || tokens->front().kind != token_kind::month) return std::nullopt;
  return tokens->front().value;
}

std::string thai_month_name(int month, bool abbreviated) {
  if (month < 1 || month > 12) return {};
  return std::string(abbreviated ? k_month_abbreviations[month - 1] : k_month_names[month - 1]);
}

int fiscal_year_of(std::chrono::year_month ym) {
  int year = static_cast<int>(ym.year());
  return ce_to_be(static_cast<unsigned>(ym.month()) >= 10 ? year + 1 : year);
}

int fiscal_year_of(std::chrono::year_month_day date) { return fiscal_year_of(date.year() / date.month()); }

fiscal_quarter fiscal_quarter_of(std::chrono::year_month_day date) {
  int index = fiscal_month_index(static_cast<unsigned>(date.month()));
  return {fiscal_year_of(date), index == 0 ? 0 : (index - 1) / 3 + 1};
}

std::chrono::year_month_day quarter_start(int fiscal_year_be, int quarter) {
  using namespace std::chrono;
  if (quarter < 1 || quarter > 4) return {};
  unsigned m = calendar_month((quarter - 1) * 3 + 1);
  return year{be_to_ce(calendar_year_in_fiscal(m, fiscal_year_be))} / month{m} / day{1};
}

std::chrono::year_month_day quarter_end(int fiscal_year_be, int quarter) {
  using namespace std::chrono;
  if (quarter < 1 || quarter > 4) return {};
  unsigned m = calendar_month(quarter * 3);
  return year_month_day{year{be_to_ce(calendar_year_in_fiscal(m, fiscal_year_be))} / month{m} / last};
}

int fiscal_month_index(unsigned calendar_month) {
  if (calendar_month < 1 || calendar_month > 12) return 0;
  return static_cast<int>((calendar_month + 2) % 12) + 1;
}

unsigned calendar_month(int fiscal_month_index) {
  if (fiscal_month_index < 1 || fiscal_month_index > 12) return 0;
  return static_cast<unsigned>((fiscal_month_index + 8) % 12) + 1;
}

std::optional<month_span> parse_period(std::string_view text) {
  auto parts = read_period(text);
  if (!parts) return std::nullopt;
  if (parts->first_year_be != 0 || parts->last_year_be != 0) {
    auto span = dated(*parts);
    if (!span) return std::nullopt;
    return fiscal_month_span(*span);
  }
  month_span span{fiscal_month_index(parts->first_month), fiscal_month_index(parts->last_month)};
  if (span.last_month_index < span.first_month_index) return std::nullopt;
  return span;
}

std::optional<year_month_span> parse_dated_period(std::string_view text) {
  auto parts = read_period(text);
  if (!parts) return std::nullopt;
  return dated(*parts);
}

std::optional<month_span> fiscal_month_span(const year_month_span& span) {
  if (!span.first.ok() || !span.last.ok() || span.last < span.first) return std::nullopt;
  if (fiscal_year_of(span.first) != fiscal_year_of(span.last)) return std::nullopt;
  return month_span{fiscal_month_index(static_cast<unsigned>(span.first.month())),
                    fiscal_month_index(static_cast<unsigned>(span.last.month()))};
}

std::optional<std::chrono::year_month_day> parse_thai_date(std::string_view text) {
  using namespace std::chrono;
  auto tokens = tokenize(clean_cell(text));
  if (!tokens) return std::nullopt;
  token_reader r(*tokens);
  const token* d = r.take(token_kind::number);
  const token* m = r.take(token_kind::month);
  const token* y = r.take(token_kind::number);
  if (d == nullptr || m == nullptr || y == nullptr || !r.done() || d->digits > 2) return std::nullopt;
  auto be = be_year(*y);
  if (!be) return std::nullopt;
  year_month_day date{year{be_to_ce(*be)}, month{static_cast<unsigned>(m->value)},
                      day{static_cast<unsigned>(d->value)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_thai_date(std::chrono::year_month_day date, bool abbreviated, bool thai_digits) {
  if (!date.ok()) return {};
  auto text = fmt::format("{} {} {}", static_cast<unsigned>(date.day()),
                          thai_month_name(static_cast<int>(static_cast<unsigned>(date.month())), abbreviated),
                          ce_to_be(static_cast<int>(date.year())));
  return thai_digits ? arabic_digits_to_thai(text) : text;
}

std::string iso_date(std::chrono::year_month_day date) {
  if (!date.ok()) return {};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text) {
  using namespace std::chrono;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto field = [&](std::size_t from, std::size_t length) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  auto y = field(0, 4), m = field(5, 2), d = field(8, 2);
  if (!y || !m || !d) return std::nullopt;
  year_month_day date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace planflow::text
