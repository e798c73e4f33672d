#pragma once
// Finding codes and a collector. The codes are the plugin's stable interface
// to forms and reports (README.md lists each with its severity), so they are
// spelled once, here.

#include <planflow/plugin/plan_type.hpp>

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planflow::plugins::ethics {

namespace codes {
// structure
inline constexpr std::string_view missing_field = "missing_field";
inline constexpr std::string_view invalid_type = "invalid_type";
inline constexpr std::string_view invalid_value = "invalid_value";
inline constexpr std::string_view duplicate_id = "duplicate_id";
// plan
inline constexpr std::string_view fiscal_year_outside_span = "fiscal_year_outside_span";
inline constexpr std::string_view fiscal_year_mismatch = "fiscal_year_mismatch";
inline constexpr std::string_view other_province = "other_province";
inline constexpr std::string_view strategy_missing = "strategy_missing";
inline constexpr std::string_view unknown_strategy = "unknown_strategy";
inline constexpr std::string_view strategy_title_mismatch = "strategy_title_mismatch";
inline constexpr std::string_view empty_strategy = "empty_strategy";
// targets
inline constexpr std::string_view target_years_mismatch = "target_years_mismatch";
inline constexpr std::string_view missing_target = "missing_target";
inline constexpr std::string_view percentage_over_100 = "percentage_over_100";
inline constexpr std::string_view suspicious_target = "suspicious_target";
// consistency (issue 14 item 5): what the document says against itself
inline constexpr std::string_view unit_contradicts_indicator = "unit_contradicts_indicator";
inline constexpr std::string_view indicator_not_measurable = "indicator_not_measurable";
inline constexpr std::string_view relative_target_without_baseline = "relative_target_without_baseline";
inline constexpr std::string_view target_below_indicator = "target_below_indicator";
inline constexpr std::string_view year_outside_span = "year_outside_span";
inline constexpr std::string_view national_template_text = "national_template_text";
inline constexpr std::string_view garbled_agency_name = "garbled_agency_name";
// narrative, linkage and approval (issue 14 item 4)
inline constexpr std::string_view span_not_five_years = "span_not_five_years";
inline constexpr std::string_view span_outside_national_strategy = "span_outside_national_strategy";
inline constexpr std::string_view invalid_date = "invalid_date";
inline constexpr std::string_view approved_after_fiscal_year = "approved_after_fiscal_year";
// projects
inline constexpr std::string_view unparseable_budget = "unparseable_budget";
inline constexpr std::string_view missing_agency = "missing_agency";
inline constexpr std::string_view misplaced_value = "misplaced_value";
// import repairs (the importer reports them; the content no longer shows them)
inline constexpr std::string_view target_header_mismatch = "target_header_mismatch";
inline constexpr std::string_view target_value_dropped = "target_value_dropped";
inline constexpr std::string_view header_copied_into_data = "header_copied_into_data";
inline constexpr std::string_view no_plan_table = "no_plan_table";

/// Every code above, for documentation checks.
inline constexpr std::array all{missing_field,
                                invalid_type,
                                invalid_value,
                                duplicate_id,
                                fiscal_year_outside_span,
                                fiscal_year_mismatch,
                                other_province,
                                strategy_missing,
                                unknown_strategy,
                                strategy_title_mismatch,
                                empty_strategy,
                                target_years_mismatch,
                                missing_target,
                                percentage_over_100,
                                suspicious_target,
                                unparseable_budget,
                                missing_agency,
                                misplaced_value,
                                target_header_mismatch,
                                target_value_dropped,
                                header_copied_into_data,
                                no_plan_table,
                                unit_contradicts_indicator,
                                indicator_not_measurable,
                                relative_target_without_baseline,
                                target_below_indicator,
                                year_outside_span,
                                national_template_text,
                                garbled_agency_name,
                                span_not_five_years,
                                span_outside_national_strategy,
                                invalid_date,
                                approved_after_fiscal_year};
}  // namespace codes

/// Collects findings in the order they are found.
class finding_list {
 public:
  void error(std::string_view code, std::string path, std::string message_th, std::string message_en);
  void warning(std::string_view code, std::string path, std::string message_th, std::string message_en);
  void add(plugin::finding f) { items_.push_back(std::move(f)); }

  const std::vector<plugin::finding>& items() const { return items_; }
  std::vector<plugin::finding> take() { return std::move(items_); }

 private:
  std::vector<plugin::finding> items_;
};

}  // namespace planflow::plugins::ethics
