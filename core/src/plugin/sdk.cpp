// Pieces of the plugin API with code behind them; compiled into
// libplanflow_sdk, which both the server and every plugin link.
#include <planflow/plugin/plan_type.hpp>

#include <algorithm>

namespace planflow::plugin {

const province_name* plan_context::province() const {
  auto it = std::ranges::find_if(provinces, [&](const province_name& p) { return p.code == province_code; });
  return it == provinces.end() ? nullptr : &*it;
}

}  // namespace planflow::plugin
