#include "ethics_plan_type.hpp"

#include "content_model.hpp"
#include "content_schema.hpp"
#include "detect.hpp"
#include "importer.hpp"
#include "totals.hpp"
#include "validation.hpp"
#include "years.hpp"

namespace planflow::plugins::ethics {

boost::json::object ethics_plan_type::empty_content(const plugin::plan_context& ctx) const {
  return to_json(empty_plan(ctx));
}

boost::json::object ethics_plan_type::content_schema() const { return content_schema_json(); }

boost::json::value ethics_plan_type::upgrade_content(boost::json::value stored) const {
  return ethics::upgrade_content(std::move(stored));
}

std::optional<plugin::plan_span> ethics_plan_type::span_of(const boost::json::value& content) const {
  return span_of_content(content);
}

std::vector<plugin::indicator_target> ethics_plan_type::indicator_targets(const boost::json::value& content,
                                                                          int fiscal_year) const {
  return indicator_targets_of(content, fiscal_year);
}

std::vector<plugin::finding> ethics_plan_type::validate(const boost::json::value& content,
                                                        const plugin::plan_context& ctx) const {
  return validate_content(content, ctx);
}

plugin::totals ethics_plan_type::compute_totals(const boost::json::value& content) const {
  return compute_plan_totals(content);
}

std::vector<plugin::progress_item> ethics_plan_type::progress_items(const boost::json::value& content) const {
  return plan_progress_items(content);
}

std::vector<plugin::report_section> ethics_plan_type::report_sections() const {
  return {{"strategies", "ยุทธศาสตร์", "Strategies"},
          {"indicators", "เป้าหมาย ตัวชี้วัด และค่าเป้าหมาย", "Goals, indicators and targets"},
          {"projects", "แผนงาน/โครงการ/กิจกรรม", "Plans, projects and activities"}};
}

double ethics_plan_type::detect(std::string_view document_text) const {
  try {
    return detect_score(document_text);
  } catch (const std::exception&) {
    return 0.0;  // out of memory on a huge document: not recognised
  }
}

plugin::import_result ethics_plan_type::import_document(std::string_view document_text,
                                                        const plugin::plan_context& ctx) const {
  return import_plan(document_text, ctx);
}

}  // namespace planflow::plugins::ethics

PLANFLOW_DEFINE_PLUGIN(planflow::plugins::ethics::ethics_plan_type)
