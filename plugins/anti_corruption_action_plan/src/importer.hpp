#pragma once
// Turning an exported plan document into content. README.md ("What the
// importer recognises") describes the rules.

#include <planflow/plugin/plan_type.hpp>

#include <string_view>

namespace planflow::plugins::anti_corruption {

/// Documents larger than this are read up to it, with a warning: real plans
/// are a few hundred kilobytes, and the host's request limit is 8 MiB.
inline constexpr std::size_t k_max_document_bytes = 8 * 1024 * 1024;

/// Content and findings for `document`: the importer's own (page headers
/// naming another province, shifted rows, unplaced text) followed by
/// validate_content's on the result. Never throws; any input gives a result.
plugin::import_result import_plan(std::string_view document, const plugin::plan_context& ctx);

}  // namespace planflow::plugins::anti_corruption
