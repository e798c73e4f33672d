// libFuzzer target: a plan type's importer and validator on arbitrary bytes.
// Built once per plugin (planflow_add_plugin adds <plugin>_fuzzer when
// PLANFLOW_FUZZ is on); the plugin's own entry point creates the plan type.
#include <planflow/plugin/plan_type.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

extern "C" planflow::plugin::plan_type* planflow_plugin_create();

namespace {

const planflow::plugin::plan_type& type() {
  static std::unique_ptr<planflow::plugin::plan_type> instance(planflow_plugin_create());
  return *instance;
}

planflow::plugin::plan_context context() {
  planflow::plugin::plan_context ctx;
  ctx.province_code = "TH-96";
  ctx.fiscal_year = 2567;
  ctx.provinces = {{"TH-96", "นราธิวาส", "Narathiwat"},
                   {"TH-30", "นครราชสีมา", "Nakhon Ratchasima"},
                   {"TH-10", "กรุงเทพมหานคร", "Bangkok"}};
  return ctx;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const auto ctx = context();
  const auto& plugin = type();
  plugin.detect(text);
  auto imported = plugin.import_document(text, ctx);
  // Whatever the importer produced must be checkable and, when valid, total.
  auto findings = plugin.validate(imported.content, ctx);
  bool errors = false;
  for (const auto& f : findings) errors |= f.severity == "error";
  if (!errors) plugin.compute_totals(imported.content);
  plugin.progress_items(imported.content);
  return 0;
}
