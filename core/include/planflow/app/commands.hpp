#pragma once
/// The `planflow` command-line entry point and its commands. main() only
/// forwards here, so the commands are in the library the tests link.

#include <planflow/app/config.hpp>

namespace planflow::app {

/// Parses the command line and environment and runs the command; returns the
/// process exit code (0 success, 1 failure, 2 usage error).
int run_command_line(int argc, const char* const* argv);

int serve(const config& c);
int migrate(const config& c);

}  // namespace planflow::app
