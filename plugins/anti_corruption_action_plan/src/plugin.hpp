#pragma once
/// The plan type "anti_corruption_action_plan": the provincial action plan
/// under the national master plan on anti-corruption (แผนปฏิบัติการขับเคลื่อน
/// ระดับจังหวัด ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ).

#include <planflow/plugin/plan_type.hpp>

namespace planflow::plugins::anti_corruption {

class anti_corruption_plan final : public plugin::plan_type {
 public:
  std::string id() const override;
  std::string name_th() const override;
  std::string name_en() const override;
  std::string default_workflow() const override;

  /// Province and fiscal year from `ctx`, the standard title, no goals.
  boost::json::object empty_content(const plugin::plan_context& ctx) const override;
  boost::json::object content_schema() const override;
  boost::json::value upgrade_content(boost::json::value stored) const override;
  /// The province's five-year plan the narrative links; see years.hpp.
  std::optional<plugin::plan_span> span_of(const boost::json::value& content) const override;
  std::vector<plugin::indicator_target> indicator_targets(const boost::json::value& content,
                                                          int fiscal_year) const override;

  std::vector<plugin::finding> validate(const boost::json::value& content,
                                        const plugin::plan_context& ctx) const override;
  /// {"overall":{…},"goals":[{"id","number",…}]}; see totals.hpp.
  plugin::totals compute_totals(const boost::json::value& content) const override;
  std::vector<plugin::progress_item> progress_items(const boost::json::value& content) const override;
  /// Goals, indicators and targets, then activities.
  std::vector<plugin::report_section> report_sections() const override;

  double detect(std::string_view document_text) const override;
  plugin::import_result import_document(std::string_view document_text, const plugin::plan_context& ctx) const override;
};

}  // namespace planflow::plugins::anti_corruption
