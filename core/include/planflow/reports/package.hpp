#pragma once
/// The report package for bodies that take files: one ZIP holding the report
/// in every format and a manifest with the SHA-256 of each file.

#include <planflow/reports/report.hpp>

#include <string>

namespace planflow::reports {

/// ZIP bytes: report.json, report.csv, report.xlsx, report.html, manifest.json.
std::string to_package(const report& r, const std::string& name);

}  // namespace planflow::reports
