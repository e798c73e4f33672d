#pragma once

#include <string>

namespace planflow::app {

/// `folder` beside the executable's own folder (build/plugins and
/// build/workflows beside build/core), or "" when it does not exist.
std::string beside_executable(const std::string& folder);

}  // namespace planflow::app
