#include "render_common.hpp"

#include <planflow/reports/render.hpp>
#include <planflow/text/thai.hpp>
#include <planflow/util/file.hpp>
#include <planflow/util/json_text.hpp>

#include <fmt/format.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <system_error>

namespace planflow::reports {
namespace {

constexpr const char* k_report_sheet = "รายงาน";
constexpr const char* k_summary_sheet = "สรุป";
constexpr const char* k_baht_format = "#,##0.00";
constexpr const char* k_percent_format = "0.00";
constexpr std::uint8_t k_paper_a4 = 9;

// libxlsxwriter can only write to a file. mkstemp makes the name unique and
// the file private (0600), as the workbook may hold unpublished figures.
class temp_file {
 public:
  temp_file() {
    auto pattern = (std::filesystem::temp_directory_path() / "planflow_report_XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot create a temporary workbook file");
    ::close(fd);
    path_ = std::move(pattern);
  }
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
  ~temp_file() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }

  const std::string& path() const { return path_; }

  std::string read() const {
    auto bytes = read_file(path_);
    if (!bytes) throw std::runtime_error("cannot read back the temporary workbook file");
    return std::move(*bytes);
  }

 private:
  std::string path_;
};

// Owns the workbook until workbook_close(), which frees it on success and
// failure alike; an exception before that must not leak it.
struct workbook_free {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using workbook_ptr = std::unique_ptr<lxw_workbook, workbook_free>;

[[noreturn]] void fail(std::string_view what, lxw_error error) {
  throw std::runtime_error(fmt::format("xlsx: {}: {}", what, lxw_strerror(error)));
}

std::string cell(lxw_row_t row, lxw_col_t col) {
  char name[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(name, row, col);
  return name;
}

std::string column_range(lxw_col_t col, lxw_row_t first_row, lxw_row_t last_row) {
  return cell(first_row, col) + ":" + cell(last_row, col);
}

struct formats {
  lxw_format* header;
  lxw_format* text;
  lxw_format* baht;
  lxw_format* percent;
  lxw_format* total_label;
  lxw_format* total_count;
  lxw_format* total_baht;
  lxw_format* total_percent;
  lxw_format* title;
  lxw_format* label;
};

formats make_formats(lxw_workbook* workbook) {
  auto add = [&] {
    auto* format = workbook_add_format(workbook);
    if (!format) throw std::bad_alloc();
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    return format;
  };
  formats f{};
  f.header = add();
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(f.header, 0xD9D9D9);
  format_set_border(f.header, LXW_BORDER_THIN);
  f.text = add();
  format_set_text_wrap(f.text);
  f.baht = add();
  format_set_num_format(f.baht, k_baht_format);
  f.percent = add();
  format_set_num_format(f.percent, k_percent_format);
  f.total_label = add();
  format_set_bold(f.total_label);
  format_set_top(f.total_label, LXW_BORDER_THIN);
  f.total_count = add();
  format_set_bold(f.total_count);
  format_set_top(f.total_count, LXW_BORDER_THIN);
  f.total_baht = add();
  format_set_bold(f.total_baht);
  format_set_top(f.total_baht, LXW_BORDER_THIN);
  format_set_num_format(f.total_baht, k_baht_format);
  f.total_percent = add();
  format_set_bold(f.total_percent);
  format_set_top(f.total_percent, LXW_BORDER_THIN);
  format_set_num_format(f.total_percent, k_percent_format);
  f.title = add();
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.label = add();
  format_set_bold(f.label);
  return f;
}

// Writes cells and keeps the first error, so that the layout code reads as
// a list of cells and one check at the end still catches, say, a title over
// Excel's 32,767-character limit.
class sheet_writer {
 public:
  sheet_writer(lxw_worksheet* sheet, const formats& f) : sheet_(sheet), formats_(f) {}

  lxw_worksheet* get() const { return sheet_; }
  const formats& format() const { return formats_; }

  void text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format = nullptr) {
    if (value.empty() && !format) return;
    check(worksheet_write_string(sheet_, row, col, std::string(value).c_str(), format));
  }
  void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format = nullptr) {
    check(worksheet_write_number(sheet_, row, col, value, format));
    exact_[cell(row, col)] = decimal_text(value);
  }
  void optional_number(lxw_row_t row, lxw_col_t col, const std::optional<double>& value, lxw_format* format = nullptr) {
    if (value) number(row, col, *value, format);
  }
  // The cached result is what readers without a calculation engine
  // (previewers, openpyxl, pandas) show, so it must be the real total.
  void formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached, lxw_format* format) {
    check(worksheet_write_formula_num(sheet_, row, col, formula.c_str(), format, cached));
    exact_[cell(row, col)] = decimal_text(cached);
  }
  void width(lxw_col_t col, double width, lxw_format* format = nullptr) {
    check(worksheet_set_column(sheet_, col, col, width, format));
  }
  void check(lxw_error error) {
    if (error != LXW_NO_ERROR && first_error_ == LXW_NO_ERROR) first_error_ = error;
  }

  void throw_if_failed(std::string_view what) const {
    if (first_error_ != LXW_NO_ERROR) fail(what, first_error_);
  }

  /// The shortest exact spelling of each number cell, by cell name.
  const std::map<std::string, std::string>& exact_numbers() const { return exact_; }

 private:
  lxw_worksheet* sheet_;
  formats formats_;
  lxw_error first_error_ = LXW_NO_ERROR;
  std::map<std::string, std::string> exact_;
};

template <std::size_t N>
void header_row(sheet_writer& sheet, const std::array<std::string_view, N>& headers) {
  for (std::size_t c = 0; c < N; ++c) sheet.text(0, static_cast<lxw_col_t>(c), headers[c], sheet.format().header);
  // The header stays in view while scrolling and on every printed page.
  worksheet_freeze_panes(sheet.get(), 1, 0);
  sheet.check(worksheet_repeat_rows(sheet.get(), 0, 0));
}

// A4 as Thai offices print; the wide report sheet across, one page wide.
void page_setup(lxw_worksheet* sheet, bool wide) {
  worksheet_set_paper(sheet, k_paper_a4);
  if (!wide) return;
  worksheet_set_landscape(sheet);
  worksheet_fit_to_pages(sheet, 1, 0);
}

// A sum over the data rows, or the plain value when there are none: a range
// such as G2:G1 would run backwards into the header.
void total_cell(sheet_writer& sheet, lxw_row_t total_row, lxw_col_t col, std::string_view function, double value,
                lxw_format* format) {
  if (total_row <= 1) {
    sheet.number(total_row, col, value, format);
    return;
  }
  sheet.formula(total_row, col, fmt::format("={}({})", function, column_range(col, 1, total_row - 1)), value, format);
}

void percent_total(sheet_writer& sheet, lxw_row_t total_row, lxw_col_t col, lxw_col_t planned, lxw_col_t disbursed,
                   const std::optional<double>& value) {
  if (!value) return;  // nothing planned: no percentage, as in the rows
  sheet.formula(total_row, col, fmt::format("={}/{}*100", cell(total_row, disbursed), cell(total_row, planned)), *value,
                sheet.format().total_percent);
}

void provincial_sheet(sheet_writer& sheet, const report& r) {
  using col = detail::activity_column;
  auto c = [](col column) { return static_cast<lxw_col_t>(detail::index(column)); };
  const auto& f = sheet.format();
  header_row(sheet, detail::k_activity_headers);

  auto lines = detail::activity_lines(r);
  lxw_row_t row = 1;
  for (const auto& line : lines) {
    const auto& a = *line.activity;
    sheet.text(row, c(col::plan), line.plan->title, f.text);
    sheet.text(row, c(col::goal), line.goal->goal, f.text);
    sheet.text(row, c(col::indicator), line.indicator->indicator, f.text);
    sheet.text(row, c(col::activity), a.title, f.text);
    sheet.text(row, c(col::agency), a.agency, f.text);
    sheet.text(row, c(col::status), detail::status_label(a.status));
    if (a.planned_satang) sheet.number(row, c(col::planned), detail::to_baht(*a.planned_satang), f.baht);
    sheet.number(row, c(col::disbursed), detail::to_baht(a.disbursed_satang), f.baht);
    sheet.optional_number(row, c(col::disbursed_percent), detail::disbursed_percent(a), f.percent);
    sheet.optional_number(row, c(col::target), a.target_value);
    sheet.optional_number(row, c(col::result), a.result_value);
    sheet.text(row, c(col::unit), a.unit);
    sheet.text(row, c(col::target_met), detail::target_met_label(a.target_met));
    sheet.optional_number(row, c(col::progress), a.percent_complete, f.percent);
    sheet.text(row, c(col::late), detail::late_label(a.late));
    ++row;
  }

  auto sums = detail::sum_activities(lines);
  lxw_row_t total = row;
  sheet.text(total, c(col::plan), detail::k_total_label, f.total_label);
  // ROWS rather than COUNTA: an activity without a title is still an activity.
  total_cell(sheet, total, c(col::activity), "ROWS", sums.activities, f.total_count);
  total_cell(sheet, total, c(col::planned), "SUM", detail::to_baht(sums.planned_satang), f.total_baht);
  total_cell(sheet, total, c(col::disbursed), "SUM", detail::to_baht(sums.disbursed_satang), f.total_baht);
  percent_total(sheet, total, c(col::disbursed_percent), c(col::planned), c(col::disbursed), sums.disbursed_percent());
  if (total > 1) {
    sheet.formula(total, c(col::target_met),
                  fmt::format("=COUNTIF({},\"{}\")", column_range(c(col::target_met), 1, total - 1),
                              detail::target_met_label(true)),
                  sums.targets_met, f.total_count);
    sheet.formula(
        total, c(col::late),
        fmt::format("=COUNTIF({},\"{}\")", column_range(c(col::late), 1, total - 1), detail::late_label(true)),
        sums.late, f.total_count);
    sheet.check(worksheet_autofilter(sheet.get(), 0, 0, total - 1, c(col::late)));
  } else {
    sheet.number(total, c(col::target_met), sums.targets_met, f.total_count);
    sheet.number(total, c(col::late), sums.late, f.total_count);
  }

  constexpr std::array<double, detail::k_activity_headers.size()> widths{30, 30, 30, 40, 25, 18, 16, 16,
                                                                         11, 11, 13, 12, 12, 11, 8};
  for (std::size_t i = 0; i < widths.size(); ++i) {
    bool wraps = i <= detail::index(col::agency);
    sheet.width(static_cast<lxw_col_t>(i), widths[i], wraps ? f.text : nullptr);
  }
}

void national_sheet(sheet_writer& sheet, const report& r) {
  using col = detail::province_column;
  auto c = [](col column) { return static_cast<lxw_col_t>(detail::index(column)); };
  const auto& f = sheet.format();
  header_row(sheet, detail::k_province_headers);

  lxw_row_t row = 1;
  for (const auto& p : r.provinces) {
    sheet.text(row, c(col::code), p.province_code);
    sheet.text(row, c(col::name), p.province_name_th);
    sheet.number(row, c(col::plans), p.plans);
    sheet.number(row, c(col::activities), p.totals.activities);
    auto counts = detail::status_counts(p.totals);
    for (std::size_t i = 0; i < counts.size(); ++i) {
      sheet.number(row, static_cast<lxw_col_t>(c(col::not_started) + i), counts[i]);
    }
    sheet.number(row, c(col::planned), detail::to_baht(p.totals.planned_satang), f.baht);
    sheet.number(row, c(col::disbursed), detail::to_baht(p.totals.disbursed_satang), f.baht);
    sheet.optional_number(row, c(col::disbursed_percent), p.totals.disbursed_percent(), f.percent);
    sheet.number(row, c(col::late_agencies), p.late_agencies);
    ++row;
  }

  auto sums = detail::sum_provinces(r.provinces);
  lxw_row_t total = row;
  sheet.text(total, c(col::code), detail::k_total_label, f.total_label);
  total_cell(sheet, total, c(col::plans), "SUM", sums.plans, f.total_count);
  total_cell(sheet, total, c(col::activities), "SUM", sums.activities, f.total_count);
  for (std::size_t i = 0; i < sums.statuses.size(); ++i) {
    total_cell(sheet, total, static_cast<lxw_col_t>(c(col::not_started) + i), "SUM", sums.statuses[i], f.total_count);
  }
  total_cell(sheet, total, c(col::planned), "SUM", detail::to_baht(sums.planned_satang), f.total_baht);
  total_cell(sheet, total, c(col::disbursed), "SUM", detail::to_baht(sums.disbursed_satang), f.total_baht);
  percent_total(sheet, total, c(col::disbursed_percent), c(col::planned), c(col::disbursed), sums.disbursed_percent());
  total_cell(sheet, total, c(col::late_agencies), "SUM", sums.late, f.total_count);
  if (total > 1) sheet.check(worksheet_autofilter(sheet.get(), 0, 0, total - 1, c(col::late_agencies)));

  constexpr std::array<double, detail::k_province_headers.size()> widths{12, 22, 10, 12, 12, 14, 12,
                                                                         10, 12, 18, 18, 11, 12};
  for (std::size_t i = 0; i < widths.size(); ++i) sheet.width(static_cast<lxw_col_t>(i), widths[i]);
}

void summary_sheet(sheet_writer& sheet, const report& r) {
  const auto& f = sheet.format();
  sheet.text(0, 0, detail::report_title(r), f.title);
  lxw_row_t row = 2;
  auto label = [&](std::string_view text) { sheet.text(row, 0, text, f.label); };
  auto text_line = [&](std::string_view name, std::string_view value) {
    label(name);
    sheet.text(row++, 1, value);
  };
  auto number_line = [&](std::string_view name, double value, lxw_format* format = nullptr) {
    label(name);
    sheet.number(row++, 1, value, format);
  };

  bool national = detail::is_national(r);
  text_line("จังหวัด", national ? std::string_view("ทุกจังหวัด") : std::string_view(r.province_name_th));
  if (!national) text_line("รหัสจังหวัด", r.province_code);
  text_line("ประเภทแผน", r.plan_type.empty() ? std::string_view("ทุกประเภทแผน") : std::string_view(r.plan_type));
  number_line("ปีงบประมาณ (พ.ศ.)", r.fiscal_year);
  text_line("ไตรมาส", detail::period_label(r.quarter));
  auto day = detail::generated_day(r.generated_at);
  text_line("วันที่จัดทำ", day.ok() ? text::format_thai_date(day, false, false) : r.generated_at);
  ++row;

  int plans = national ? detail::sum_provinces(r.provinces).plans : static_cast<int>(r.plans.size());
  number_line("จำนวนแผน", plans);
  number_line("จำนวนโครงการ/กิจกรรม", r.totals.activities);
  auto counts = detail::status_counts(r.totals);
  for (std::size_t i = 0; i < counts.size(); ++i) number_line(detail::k_status_headers[i], counts[i]);
  number_line("งบประมาณที่ได้รับ (บาท)", detail::to_baht(r.totals.planned_satang), f.baht);
  number_line("เบิกจ่าย (บาท)", detail::to_baht(r.totals.disbursed_satang), f.baht);
  label("ร้อยละการเบิกจ่าย");
  sheet.optional_number(row++, 1, r.totals.disbursed_percent(), f.percent);

  sheet.width(0, 26);
  sheet.width(1, 40);
}

// libxlsxwriter spells each number with printf's %.16G: one digit more
// than a double reliably holds, so 9570.06 baht is stored as
// 9570.059999999999 (a different double for whoever reads it) and a small
// percentage as 1E-07. Each number cell's <v> is respelled here with the
// shortest digits of the value written, the same as in the JSON.
std::string respell_numbers(std::string_view xml, const std::map<std::string, std::string>& exact) {
  std::string out;
  out.reserve(xml.size());
  std::size_t at = 0;
  for (auto open = xml.find("<c r=\""); open != std::string_view::npos; open = xml.find("<c r=\"", at)) {
    const auto name_begin = open + 6;
    const auto name_end = xml.find('"', name_begin);
    const auto tag_end = xml.find('>', name_begin);
    if (name_end == std::string_view::npos || tag_end == std::string_view::npos) break;
    // A blank cell with a format only (<c r="A1" s="2"/>) has no value.
    const auto found =
        xml[tag_end - 1] == '/' ? exact.end() : exact.find(std::string(xml.substr(name_begin, name_end - name_begin)));
    if (found == exact.end()) {
      out.append(xml.substr(at, tag_end + 1 - at));
      at = tag_end + 1;
      continue;
    }
    const auto cell_end = xml.find("</c>", tag_end);
    const auto value_begin = xml.find("<v>", tag_end);
    const auto value_end = xml.find("</v>", tag_end);
    if (cell_end == std::string_view::npos || value_begin > cell_end || value_end > cell_end) {
      throw std::runtime_error("xlsx: number cell " + found->first + " has no value");
    }
    out.append(xml.substr(at, value_begin + 3 - at));
    out += found->second;
    at = value_end;
  }
  out.append(xml.substr(at));
  return out;
}

// Rewrites the worksheets' XML in the closed workbook at `path`; sheets[i]
// is xl/worksheets/sheet{i+1}.xml, libxlsxwriter's names in order of adding.
void respell_workbook(const std::string& path, const std::vector<const sheet_writer*>& sheets) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), 0, &error);
  if (!archive) throw std::runtime_error("xlsx: cannot reopen the workbook");
  std::vector<std::string> rewritten;  // zip_close reads the buffers, so they live until then
  rewritten.reserve(sheets.size());
  try {
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      const auto name = fmt::format("xl/worksheets/sheet{}.xml", i + 1);
      zip_stat_t stat;
      zip_stat_init(&stat);
      if (zip_stat(archive, name.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
        throw std::runtime_error("xlsx: the workbook has no " + name);
      }
      std::string xml(stat.size, '\0');
      zip_file_t* file = zip_fopen_index(archive, stat.index, 0);
      if (!file) throw std::runtime_error("xlsx: cannot read " + name);
      auto read = zip_fread(file, xml.data(), xml.size());
      zip_fclose(file);
      if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
        throw std::runtime_error("xlsx: cannot read " + name);
      rewritten.push_back(respell_numbers(xml, sheets[i]->exact_numbers()));
      zip_source_t* source = zip_source_buffer(archive, rewritten.back().data(), rewritten.back().size(), 0);
      if (!source || zip_file_replace(archive, stat.index, source, 0) != 0) {
        if (source) zip_source_free(source);
        throw std::runtime_error("xlsx: cannot rewrite " + name);
      }
    }
  } catch (...) {
    zip_discard(archive);
    throw;
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    throw std::runtime_error("xlsx: cannot write the respelled workbook");
  }
}

lxw_worksheet* add_sheet(lxw_workbook* workbook, const char* name) {
  auto* sheet = workbook_add_worksheet(workbook, name);
  if (!sheet) throw std::runtime_error(fmt::format("xlsx: cannot add the sheet {}", name));
  return sheet;
}

}  // namespace

std::string to_xlsx(const report& r) {
  temp_file file;
  // libxlsxwriter keeps its own scratch files beside ours rather than in
  // tmpfile()'s directory, so TMPDIR governs both.
  auto scratch_dir = std::filesystem::path(file.path()).parent_path().string();
  lxw_workbook_options options{};
  options.tmpdir = scratch_dir.data();
  workbook_ptr workbook(workbook_new_opt(file.path().c_str(), &options));
  if (!workbook) throw std::runtime_error("xlsx: cannot create the workbook");

  auto title = detail::report_title(r);
  lxw_doc_properties properties{};
  properties.title = title.data();
  std::string author = "planflow";
  properties.author = author.data();
  if (auto error = workbook_set_properties(workbook.get(), &properties); error != LXW_NO_ERROR) {
    fail("document properties", error);
  }

  auto f = make_formats(workbook.get());
  sheet_writer report_sheet(add_sheet(workbook.get(), k_report_sheet), f);
  sheet_writer summary(add_sheet(workbook.get(), k_summary_sheet), f);
  page_setup(report_sheet.get(), true);
  page_setup(summary.get(), false);
  if (detail::is_national(r)) {
    national_sheet(report_sheet, r);
  } else {
    provincial_sheet(report_sheet, r);
  }
  summary_sheet(summary, r);
  report_sheet.throw_if_failed(k_report_sheet);
  summary.throw_if_failed(k_summary_sheet);

  if (auto error = workbook_close(workbook.release()); error != LXW_NO_ERROR) fail("writing the workbook", error);
  respell_workbook(file.path(), {&report_sheet, &summary});
  return file.read();
}

}  // namespace planflow::reports
