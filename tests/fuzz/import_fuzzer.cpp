// libFuzzer target: reading arbitrary bytes as a document (the encodings
// accepted, then a plan type's importer and validator on the text).
// Built once per plugin (planflow_add_plugin adds <plugin>_fuzzer when
// PLANFLOW_FUZZ is on); the plugin's own entry point creates the plan type.
#include <planflow/plugin/plan_type.hpp>
#include <planflow/text/encoding.hpp>
#include <planflow/util/utf8.hpp>

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
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const auto ctx = context();
  const auto& plugin = type();
  // What the server does first: whatever it decodes is valid UTF-8, and the
  // importer then sees that text (or, undecodable, the raw bytes, which a
  // plugin must survive too).
  auto decoded = planflow::text::to_utf8(bytes);
  if (decoded && !planflow::is_valid_utf8(decoded->utf8)) __builtin_trap();
  std::string_view text = decoded ? std::string_view(decoded->utf8) : bytes;
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
