#pragma once
// Files, commands and documents the tests share.

#include <boost/json/value.hpp>

#include <optional>
#include <string>

namespace planflow::test {

/// The whole file, bytes as they are ("" when it cannot be read).
std::string read_file(const std::string& path);

/// A seed document from tests/fixtures/seeds.
std::string seed_document(const std::string& name);

/// Runs a shell command and returns its standard output, or nullopt when it
/// cannot start or exits with a failure.
std::optional<std::string> run_command(const std::string& command);

/// Replaces every `from` by `to` in all the strings of a JSON document.
void replace_in_strings(boost::json::value& v, const std::string& from, const std::string& to);

}  // namespace planflow::test
