#pragma once
/// Reading a whole file, for the few places that need one in memory
/// (documents to import, workflow definitions, web assets, built archives).

#include <filesystem>
#include <optional>
#include <string>

namespace planflow {

/// The file's bytes, or nullopt when it cannot be opened or read.
std::optional<std::string> read_file(const std::filesystem::path& path);

}  // namespace planflow
