#include <planflow/api/plan_json.hpp>

#include <algorithm>
#include <cmath>

namespace planflow::api {
namespace {

void null_non_finite(boost::json::value& v) {
  if (auto* d = v.if_double(); d && !std::isfinite(*d)) {
    v = nullptr;
  } else if (auto* object = v.if_object()) {
    for (auto& member : *object) null_non_finite(member.value());
  } else if (auto* array = v.if_array()) {
    for (auto& item : *array) null_non_finite(item);
  }
}

}  // namespace

boost::json::value totals_json(const plugin::plan_type& type, const boost::json::value& content) {
  boost::json::value out;
  try {
    out = type.compute_totals(content).json;
  } catch (const std::exception&) {
    return nullptr;  // content too broken to total; the findings say why
  }
  null_non_finite(out);
  return out;
}

boost::json::array findings_json(const std::vector<plugin::finding>& findings) {
  boost::json::array out;
  for (const auto& f : findings) {
    out.push_back({{"severity", f.severity},
                   {"code", f.code},
                   {"message_th", f.message_th},
                   {"message_en", f.message_en},
                   {"path", f.path}});
  }
  return out;
}

int count_errors(const std::vector<plugin::finding>& findings) {
  return int(std::ranges::count_if(findings, [](const plugin::finding& f) { return f.severity == "error"; }));
}

boost::json::object plan_type_json(const plugin::plan_type& type) {
  boost::json::array sections;
  for (const auto& s : type.report_sections()) {
    sections.push_back({{"id", s.id}, {"title_th", s.title_th}, {"title_en", s.title_en}});
  }
  return {{"id", type.id()},
          {"name_th", type.name_th()},
          {"name_en", type.name_en()},
          {"default_workflow", type.default_workflow()},
          {"report_sections", std::move(sections)}};
}

}  // namespace planflow::api
