#include "plugin.hpp"

#include "content_model.hpp"
#include "detect.hpp"
#include "importer.hpp"
#include "progress.hpp"
#include "schema.hpp"
#include "totals.hpp"
#include "validation.hpp"
#include "years.hpp"

#include <exception>

namespace planflow::plugins::anti_corruption {

std::string anti_corruption_plan::id() const { return "anti_corruption_action_plan"; }

std::string anti_corruption_plan::name_th() const {
  return "แผนปฏิบัติการขับเคลื่อนระดับจังหวัด ด้านการต่อต้านการทุจริตและประพฤติมิชอบ";
}

std::string anti_corruption_plan::name_en() const { return "Provincial anti-corruption action plan"; }

std::string anti_corruption_plan::default_workflow() const { return "provincial_plan"; }

boost::json::object anti_corruption_plan::empty_content(const plugin::plan_context& ctx) const {
  return empty_content_json(ctx);
}

boost::json::object anti_corruption_plan::content_schema() const { return content_schema_json(); }

boost::json::value anti_corruption_plan::upgrade_content(boost::json::value stored) const {
  return anti_corruption::upgrade_content(std::move(stored));
}

std::optional<plugin::plan_span> anti_corruption_plan::span_of(const boost::json::value& content) const {
  return span_of_content(content);
}

std::vector<plugin::indicator_target> anti_corruption_plan::indicator_targets(const boost::json::value& content,
                                                                              int fiscal_year) const {
  return indicator_targets_of(content, fiscal_year);
}

std::vector<plugin::finding> anti_corruption_plan::validate(const boost::json::value& content,
                                                            const plugin::plan_context& ctx) const {
  return validate_content(content, ctx);
}

plugin::totals anti_corruption_plan::compute_totals(const boost::json::value& content) const {
  plugin::totals out;
  try {
    auto p = read_plan(content, nullptr);
    out.json = totals_json(p, sum_plan(p));
  } catch (const std::exception&) {
    out.json = {};  // only allocation can fail; an empty object says "no totals"
  }
  return out;
}

std::vector<plugin::progress_item> anti_corruption_plan::progress_items(const boost::json::value& content) const {
  return progress_items_of(content);
}

std::vector<plugin::report_section> anti_corruption_plan::report_sections() const {
  return {
      {"goals", "เป้าหมาย", "Goals"},
      {"indicators", "ตัวชี้วัดและค่าเป้าหมาย", "Indicators and targets"},
      {"activities", "โครงการ/กิจกรรม งบประมาณ และหน่วยงานรับผิดชอบ", "Projects, activities, budgets and agencies"},
  };
}

double anti_corruption_plan::detect(std::string_view document_text) const { return detect_score(document_text); }

plugin::import_result anti_corruption_plan::import_document(std::string_view document_text,
                                                            const plugin::plan_context& ctx) const {
  return import_plan(document_text, ctx);
}

}  // namespace planflow::plugins::anti_corruption

PLANFLOW_DEFINE_PLUGIN(planflow::plugins::anti_corruption::anti_corruption_plan)
