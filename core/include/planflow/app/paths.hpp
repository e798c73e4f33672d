#pragma once

#include <string>

namespace planflow::app {

/// `folder` beside the executable's own folder (build/plugins and
/// build/workflows beside build/core), or "" when it does not exist.
std::string beside_executable(const std::string& folder);

/// Where the audit signing key lives unless --audit-key-file says: beside the
/// data for SQLite (so that a copied data folder carries its key), in the
/// working directory for MySQL. Throws std::invalid_argument for a bad URL.
std::string default_audit_key_file(const std::string& db_url);

/// `configured`, or default_audit_key_file(db_url) when it is empty.
std::string audit_key_file(const std::string& configured, const std::string& db_url);

}  // namespace planflow::app
