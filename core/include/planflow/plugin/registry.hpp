#pragma once
/// The plan types loaded from the plugins directory.

#include <planflow/plugin/plan_type.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace planflow::plugin {

struct load_outcome {
  std::string file;
  bool loaded = false;
  std::string plan_type;  ///< when loaded
  std::string reason;     ///< when refused
};

class registry {
 public:
  registry();
  ~registry();
  registry(const registry&) = delete;
  registry& operator=(const registry&) = delete;

  /// Loads every shared library in `dir`. A library that cannot be opened,
  /// lacks the entry points, speaks another ABI version or repeats a loaded
  /// plan type id is refused with a log line; the others still load.
  std::vector<load_outcome> load_directory(const std::filesystem::path& dir);

  /// Adds a plan type built into the caller (tests).
  void add(std::shared_ptr<plan_type> type);

  const plan_type* find(std::string_view id) const;
  std::vector<const plan_type*> all() const;
  /// The plan type most confident about a document, or nullptr if none is.
  const plan_type* detect(std::string_view document_text) const;

 private:
  struct entry;
  std::vector<std::unique_ptr<entry>> entries_;
};

}  // namespace planflow::plugin
