#pragma once
// Collecting findings with Thai and English messages, and building the JSON
// Pointers that locate them.

#include <planflow/plugin/plan_type.hpp>
#include <planflow/util/json_util.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planflow::plugins::anti_corruption {

/// `pointer` + "/" + `key`, with "~" and "/" escaped as RFC 6901 requires.
using planflow::pointer_append;

/// At most `max_bytes` of `text`, cut at a character boundary, with "…"
/// when cut: what messages quote from the content stays short.
std::string excerpt(std::string_view text, std::size_t max_bytes = 120);

/// Findings in the order they are reported. Capped, so that a document or a
/// JSON value built to produce millions of findings cannot exhaust memory.
class finding_list {
 public:
  static constexpr std::size_t k_max_findings = 2000;

  void error(std::string path, std::string_view code, std::string message_th, std::string message_en);
  void warning(std::string path, std::string_view code, std::string message_th, std::string message_en);
  void add(plugin::finding f);
  void append(std::vector<plugin::finding> more);

  const std::vector<plugin::finding>& items() const { return items_; }
  std::vector<plugin::finding> take() && { return std::move(items_); }

 private:
  std::vector<plugin::finding> items_;
  bool truncated_ = false;
};

}  // namespace planflow::plugins::anti_corruption
