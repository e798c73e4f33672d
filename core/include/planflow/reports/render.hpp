#pragma once
/// Renders a report in the formats the ministries ask for.

#include <planflow/reports/report.hpp>

#include <boost/json/object.hpp>

#include <string>

namespace planflow::reports {

boost::json::object to_json(const report& r);

/// UTF-8 with a byte-order mark so that Excel shows Thai; one row per
/// activity (provincial) or per province (national), then a totals row.
std::string to_csv(const report& r);

/// An .xlsx workbook (bytes) written with libxlsxwriter: real numeric cells
/// (baht with two decimals, percentages), a totals row with formulas whose
/// cached values are the computed totals, Thai headers, frozen header row.
std::string to_xlsx(const report& r);

struct html_options {
  bool thai_digits = false;  ///< ๐-๙ instead of 0-9 in numbers and dates
};

/// A standalone HTML page printable on A4 (CSS @page), in Thai with a Thai
/// font stack that needs no network (TH Sarabun New, Sarabun, Garuda, Loma,
/// Norasi from the system), Buddhist-era dates.
std::string to_html(const report& r, const html_options& options = {});

/// The Content-Security-Policy of pages from to_html: nothing may load, run,
/// submit or frame it, and only the page's own style sheet applies (allowed by
/// its hash), so text typed into a plan cannot make the page do anything. The
/// page also carries it in a <meta> element (without frame-ancestors, which
/// a <meta> cannot set), for copies opened from a blob URL or a package.
std::string html_content_security_policy();

}  // namespace planflow::reports
