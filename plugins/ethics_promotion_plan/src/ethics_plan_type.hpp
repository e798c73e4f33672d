#pragma once
// The plan type "ethics_promotion_plan": the provincial ethics promotion plan
// (แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม) under the public-sector ethics strategy.

#include <planflow/plugin/plan_type.hpp>

namespace planflow::plugins::ethics {

class ethics_plan_type final : public plugin::plan_type {
 public:
  std::string id() const override { return "ethics_promotion_plan"; }
  std::string name_th() const override { return "แผนปฏิบัติการส่งเสริมคุณธรรม จริยธรรม"; }
  std::string name_en() const override { return "Ethics promotion action plan"; }
  std::string default_workflow() const override { return "provincial_plan"; }

  /// The host's province and fiscal year, the five-year span holding that
  /// year and the five strategies of the master plan, without goals.
  boost::json::object empty_content(const plugin::plan_context& ctx) const override;
  boost::json::object content_schema() const override;
  boost::json::value upgrade_content(boost::json::value stored) const override;
  /// The plan's own five-year span; see years.hpp.
  std::optional<plugin::plan_span> span_of(const boost::json::value& content) const override;
  std::vector<plugin::indicator_target> indicator_targets(const boost::json::value& content,
                                                          int fiscal_year) const override;
  std::vector<plugin::finding> validate(const boost::json::value& content,
                                        const plugin::plan_context& ctx) const override;
  plugin::totals compute_totals(const boost::json::value& content) const override;
  std::vector<plugin::progress_item> progress_items(const boost::json::value& content) const override;
  /// Strategies, indicators with their targets, projects.
  std::vector<plugin::report_section> report_sections() const override;
  double detect(std::string_view document_text) const override;
  plugin::import_result import_document(std::string_view document_text, const plugin::plan_context& ctx) const override;
};

}  // namespace planflow::plugins::ethics
