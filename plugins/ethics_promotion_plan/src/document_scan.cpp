#include "document_scan.hpp"

#include "province_scan.hpp"
#include "text_util.hpp"

#include <planflow/text/thai.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace planflow::plugins::ethics {

namespace {

constexpr int k_min_year = 2400;
constexpr int k_max_year = 2799;
constexpr std::size_t k_title_block_lines = 5;  // the title and the lines under it

bool is_year_run(const number_run& run) {
  return run.digits == 4 && run.value >= k_min_year && run.value <= k_max_year;
}

// What may stand between the two years of a range.
bool is_range_joint(std::string_view between) {
  if (between.size() > 64) return false;  // far more than "  – พ.ศ. "
  std::string s = replace_all(replace_all(without_spaces(between), "พ.ศ.", ""), "พ.ศ", "");
  return s == "-" || s == "\u2013" || s == "\u2014" || s == "\u2212" || s == "ถึง";
}

bool starts_block_end(std::string_view cleaned) {
  return cleaned == "สารบัญ" || cleaned == "คำนำ" || cleaned.starts_with("ส่วนที่");
}

std::string_view skip_prefix(std::string_view s, std::string_view prefix) {
  return s.starts_with(prefix) ? trim_spaces(s.substr(prefix.size())) : s;
}

}  // namespace

std::optional<document_line> line_reader::next() {
  if (done_) return std::nullopt;
  std::size_t end = text_.find('\n', position_);
  if (end == std::string_view::npos) {
    end = text_.size();
    done_ = true;
  }
  std::string_view raw = text_.substr(position_, end - position_);
  if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
  position_ = end + 1;
  return document_line{++number_, raw, raw.find('\t') != std::string_view::npos};
}

std::optional<document_line> line_reader::peek() const {
  line_reader copy = *this;
  return copy.next();
}

std::vector<std::string_view> split_cells(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = out.size() + 1 < k_max_cells ? line.find('\t', start) : std::string_view::npos;
    if (end == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, end - start));
    start = end + 1;
  }
}

std::optional<strategy_heading> parse_strategy_heading(std::string_view cleaned) {
  constexpr std::string_view k_word = "ยุทธศาสตร์ที่";
  std::string_view s = trim_spaces(cleaned);
  for (std::string_view bullet : {"-", "\u2013", "\u2022", "*"}) s = skip_prefix(s, bullet);
  // A section number such as "๓.๒ " before the heading (the table of contents).
  if (!s.starts_with(k_word)) {
    std::size_t p = 0;
    while (p < s.size()) {
      auto d = digit_at(s, p);
      if (d.length != 0)
        p += d.length;
      else if (s[p] == '.')
        ++p;
      else
        break;
    }
    if (p == 0) return std::nullopt;
    s = trim_spaces(s.substr(p));
    if (!s.starts_with(k_word)) return std::nullopt;
  }
  s = trim_spaces(s.substr(k_word.size()));
  int number = 0;
  int digits = 0;
  std::size_t p = 0;
  while (p < s.size()) {
    auto d = digit_at(s, p);
    if (d.length == 0) break;
    if (++digits > 3) return std::nullopt;
    number = number * 10 + d.value;
    p += d.length;
  }
  if (digits == 0) return std::nullopt;
  std::string_view title = trim_spaces(s.substr(p));
  for (std::string_view punctuation : {":", ".", "-"}) title = skip_prefix(title, punctuation);
  constexpr std::string_view k_continued = "(ต่อ)";
  if (title.ends_with(k_continued)) title = trim_spaces(title.substr(0, title.size() - k_continued.size()));
  return strategy_heading{number, std::string(title)};
}

std::optional<year_range> find_year_range(std::string_view cleaned) {
  auto runs = number_runs(cleaned);
  for (std::size_t k = 0; k + 1 < runs.size(); ++k) {
    if (!is_year_run(runs[k]) || !is_year_run(runs[k + 1])) continue;
    if (!is_range_joint(cleaned.substr(runs[k].end, runs[k + 1].begin - runs[k].end))) continue;
    int first = static_cast<int>(runs[k].value);
    int last = static_cast<int>(runs[k + 1].value);
    if (last >= first && last - first < 10) return year_range{first, last};
  }
  return std::nullopt;
}

std::optional<int> find_fiscal_year(std::string_view cleaned) {
  constexpr std::string_view k_word = "ปีงบประมาณ";
  for (auto pos = cleaned.find(k_word); pos != std::string_view::npos; pos = cleaned.find(k_word, pos + 1)) {
    std::string_view rest = trim_spaces(cleaned.substr(pos + k_word.size()));
    rest = skip_prefix(rest, "พ.ศ.");
    rest = skip_prefix(rest, "พ.ศ");
    auto runs = number_runs(rest);
    if (!runs.empty() && runs.front().begin == 0 && is_year_run(runs.front()))
      return static_cast<int>(runs.front().value);
  }
  return std::nullopt;
}

namespace {

// How far after a marker word its year may stand ("ปีงบประมาณ  พ.ศ. ๒๕๖๙"),
// and before it a baseline word: bounded, so that a text of many markers is
// still read in linear time.
constexpr std::size_t k_year_window = 48;

std::string_view without_leading_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

// `cleaned` up to `pos`, without the spaces just before it.
std::string_view before(std::string_view cleaned, std::size_t pos) {
  std::string_view head = cleaned.substr(0, pos);
  while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
  return head;
}

// The year standing at `from` of `cleaned` after an optional "พ.ศ.", with
// its offsets in `cleaned`; nullopt when there is none.
std::optional<number_run> year_at(std::string_view cleaned, std::size_t from) {
  std::string_view rest = without_leading_spaces(cleaned.substr(from, k_year_window));
  for (std::string_view era : {"พ.ศ.", "พ.ศ"}) {
    if (rest.starts_with(era)) {
      rest = without_leading_spaces(rest.substr(era.size()));
      break;
    }
  }
  auto runs = number_runs(rest);
  if (runs.empty() || runs.front().begin != 0 || !is_year_run(runs.front())) return std::nullopt;
  number_run run = runs.front();
  const std::size_t offset = static_cast<std::size_t>(rest.data() - cleaned.data());
  run.begin += offset;
  run.end += offset;
  return run;
}

// True when the year run `run` of `cleaned` is the first of a range.
bool starts_range(std::string_view cleaned, const number_run& run) {
  std::string_view after = cleaned.substr(run.end, k_year_window);
  auto runs = number_runs(after);
  return !runs.empty() && is_year_run(runs.front()) && is_range_joint(after.substr(0, runs.front().begin));
}

// True when the word before `pos` makes the year a baseline: "จาก", "กับ".
bool after_baseline_word(std::string_view cleaned, std::size_t pos) {
  std::string_view head = before(cleaned, pos);
  return head.ends_with("จาก") || head.ends_with("กับ");
}

}  // namespace

std::vector<named_year> years_of_work(std::string_view cleaned) {
  std::vector<named_year> out;
  std::set<std::size_t> seen;  // a year is reported once, whichever word led to it
  auto consider = [&](std::size_t marker, std::size_t from) {
    auto run = year_at(cleaned, from);
    if (!run || after_baseline_word(cleaned, marker) || starts_range(cleaned, *run)) return;
    if (seen.insert(run->begin).second) out.push_back({static_cast<int>(run->value), run->begin, run->end});
  };
  constexpr std::string_view k_year = "ปี";
  constexpr std::string_view k_budget = "งบประมาณ";
  for (auto pos = cleaned.find(k_year); pos != std::string_view::npos; pos = cleaned.find(k_year, pos + 1)) {
    std::size_t from = pos + k_year.size();
    if (cleaned.substr(from).starts_with(k_budget)) from += k_budget.size();
    consider(pos, from);
  }
  // "งบประมาณ พ.ศ. ๒๕๖๖" (budget year) only with the era written: "งบประมาณ
  // ๒๕๐๐" could be an amount.
  for (auto pos = cleaned.find(k_budget); pos != std::string_view::npos; pos = cleaned.find(k_budget, pos + 1)) {
    if (before(cleaned, pos).ends_with(k_year)) continue;  // ปีงบประมาณ: read above
    const std::size_t from = pos + k_budget.size();
    if (without_leading_spaces(cleaned.substr(from, k_year_window)).starts_with("พ.ศ")) consider(pos, from);
  }
  std::sort(out.begin(), out.end(), [](const named_year& a, const named_year& b) { return a.begin < b.begin; });
  return out;
}

document_frame scan_frame(std::string_view text, const plugin::plan_context& ctx) {
  document_frame frame;
  // The title: the first line that names a plan, else the first line with
  // text; the block is the title and the lines under it.
  std::vector<std::string> block;
  std::string first_text;
  {
    line_reader lines(text);
    while (auto line = lines.next()) {
      if (line->table) continue;
      std::string cleaned = text::clean_cell(line->raw);
      if (cleaned.empty()) continue;
      if (first_text.empty()) first_text = cleaned;
      if (!contains(cleaned, "แผน")) continue;
      frame.title = cleaned;
      block.push_back(std::move(cleaned));
      while (block.size() < k_title_block_lines) {
        auto below = lines.next();
        if (!below || below->table) break;
        std::string next = text::clean_cell(below->raw);
        if (next.empty()) continue;
        if (starts_block_end(next)) break;
        block.push_back(std::move(next));
      }
      break;
    }
  }
  if (frame.title.empty() && !first_text.empty()) {
    frame.title = first_text;
    block.push_back(std::move(first_text));
  }

  for (const auto& line : block) {
    if (!frame.span) frame.span = find_year_range(line);
    if (!frame.fiscal_year) frame.fiscal_year = find_fiscal_year(line);
    if (!frame.province) {
      auto named = provinces_named(line, ctx.provinces);
      if (!named.empty()) frame.province = named.front();
    }
  }

  // Fallbacks from the body, for documents whose title block says less.
  std::map<const plugin::province_name*, int> named_count;
  std::vector<const plugin::province_name*> named_order;
  line_reader lines(text);
  while (auto line = lines.next()) {
    if (line->table) continue;
    if (frame.span && frame.fiscal_year && frame.province) break;
    std::string cleaned = text::clean_cell(line->raw);
    if (cleaned.empty()) continue;
    if (!frame.span) {
      if (auto pos = cleaned.find("แผนปฏิบัติการ"); pos != std::string::npos) {
        std::string_view after = std::string_view(cleaned).substr(pos);
        // The master plan's own span (๒๕๖๕–๒๕๗๐) follows "ยุทธศาสตร์…" in the same sentences.
        if (auto other = after.find("ยุทธศาสตร์"); other != std::string_view::npos) after = after.substr(0, other);
        frame.span = find_year_range(after);
      }
    }
    if (!frame.fiscal_year && (cleaned.starts_with("ประจำปีงบประมาณ") || cleaned.starts_with("ปีงบประมาณ"))) {
      frame.fiscal_year = find_fiscal_year(cleaned);
    }
    if (!frame.province) {
      for (const auto* p : provinces_named(cleaned, ctx.provinces)) {
        if (named_count[p]++ == 0) named_order.push_back(p);
      }
    }
  }
  if (!frame.province && !named_order.empty()) {
    frame.province = *std::max_element(named_order.begin(), named_order.end(),
                                       [&](const auto* a, const auto* b) { return named_count[a] < named_count[b]; });
  }
  if (frame.province) {
    frame.province_name_th = frame.province->name_th;
  } else if (auto pos = frame.title.find("จังหวัด"); pos != std::string::npos) {
    // A province the host does not list: keep the name as written.
    std::string_view rest = trim_spaces(std::string_view(frame.title).substr(pos + std::string_view("จังหวัด").size()));
    frame.province_name_th = std::string(rest.substr(0, std::min(rest.find(' '), rest.find('('))));
  }
  return frame;
}

}  // namespace planflow::plugins::ethics
