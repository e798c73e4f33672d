#pragma once
/// `planflow user add`: creating users from the command line, which is how the
/// first administrator comes to exist (there is no built-in account).

#include <planflow/app/config.hpp>
#include <planflow/directory/users.hpp>

#include <istream>
#include <string>

namespace planflow::app {

/// Parses "role[:province[:plan_type]]"; throws std::invalid_argument for an
/// unknown role or a malformed scope.
directory::role_grant parse_role_grant(const std::string& text);

/// Runs `user add` with the password read from `password_in`; returns the exit code.
int user_command(const config& c, std::istream& password_in);

}  // namespace planflow::app
