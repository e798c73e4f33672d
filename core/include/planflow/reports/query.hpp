#pragma once
/// Computing the provincial report and the national roll-up with SQL over
/// the indexed report tables; the database aggregates, C++ only arranges rows.

#include <planflow/reports/report.hpp>

#include <soci/soci.h>

#include <string>

namespace planflow::reports {

struct report_query {
  std::string province_code;  ///< "" for the national roll-up
  std::string plan_type;      ///< "" for every type
  int fiscal_year = 0;        ///< Buddhist era
  int quarter = 0;            ///< 1..4, or 0 for the whole year so far
};

/// `today` (ISO date) decides what is late.
report build_report(soci::session& sql, const report_query& q, const std::string& today);

}  // namespace planflow::reports
