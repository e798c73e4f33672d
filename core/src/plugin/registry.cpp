#include <planflow/plugin/registry.hpp>
#include <planflow/util/log.hpp>

#include <boost/dll/shared_library.hpp>

#include <algorithm>

namespace planflow::plugin {

// The library must outlive the object it created: members are destroyed in
// reverse order, so `type` goes before `library`.
struct registry::entry {
  boost::dll::shared_library library;
  std::shared_ptr<plan_type> type;
};

registry::registry() = default;
registry::~registry() = default;

std::vector<load_outcome> registry::load_directory(const std::filesystem::path& dir) {
  std::vector<load_outcome> outcomes;
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& item : std::filesystem::directory_iterator(dir, ec)) {
    if (item.path().extension() == ".so") files.push_back(item.path());
  }
  if (ec) {
    log::error("plugins directory unreadable", {{"dir", dir.string()}, {"error", ec.message()}});
    return outcomes;
  }
  std::ranges::sort(files);
  for (const auto& path : files) {
    load_outcome outcome{path.filename().string(), false, {}, {}};
    try {
      auto e = std::make_unique<entry>();
      e->library.load(path.string(), boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
      if (!e->library.has("planflow_plugin_abi_version") || !e->library.has("planflow_plugin_create")) {
        outcome.reason = "not a planflow plugin (missing planflow_plugin_abi_version or planflow_plugin_create)";
      } else if (int abi = e->library.get<int()>("planflow_plugin_abi_version")(); abi != k_abi_version) {
        outcome.reason = "built for plugin ABI " + std::to_string(abi) + ", this server speaks ABI " +
                         std::to_string(k_abi_version) + "; rebuild the plugin";
      } else {
        e->type.reset(e->library.get<plan_type*()>("planflow_plugin_create")());
        if (find(e->type->id())) {
          outcome.reason = "plan type " + e->type->id() + " is already loaded";
        } else {
          outcome.loaded = true;
          outcome.plan_type = e->type->id();
          entries_.push_back(std::move(e));
        }
      }
    } catch (const std::exception& ex) {
      outcome.reason = ex.what();
    }
    if (outcome.loaded) {
      log::info("plugin loaded", {{"file", outcome.file}, {"plan_type", outcome.plan_type}});
    } else {
      log::error("plugin refused", {{"file", outcome.file}, {"reason", outcome.reason}});
    }
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

void registry::add(std::shared_ptr<plan_type> type) {
  auto e = std::make_unique<entry>();
  e->type = std::move(type);
  entries_.push_back(std::move(e));
}

const plan_type* registry::find(std::string_view id) const {
  for (const auto& e : entries_) {
    if (e->type->id() == id) return e->type.get();
  }
  return nullptr;
}

std::vector<const plan_type*> registry::all() const {
  std::vector<const plan_type*> out;
  for (const auto& e : entries_) out.push_back(e->type.get());
  return out;
}

const plan_type* registry::detect(std::string_view document_text) const {
  const plan_type* best = nullptr;
  double best_score = 0.0;
  for (const auto& e : entries_) {
    double score = e->type->detect(document_text);
    if (score > best_score) {
      best = e->type.get();
      best_score = score;
    }
  }
  return best_score >= 0.5 ? best : nullptr;
}

}  // namespace planflow::plugin
