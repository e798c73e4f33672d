#pragma once
/// Commands that work on data without serving: `import` and `audit verify|checkpoint`.

#include <planflow/app/config.hpp>

#include <iosfwd>

namespace planflow::app {

/// `planflow import FILE [--plan-type T] [--province CODE]`: prints
/// {plan_type, plan, totals, findings} as JSON. Exit 0 when imported (even
/// with findings), 1 when the type cannot be told or the file cannot be read.
int import_command(const config& c, std::ostream& out);

/// `planflow audit verify`: exit 0 when the log is intact, 1 naming every
/// break otherwise (the first first). `planflow audit checkpoint`: signs a
/// checkpoint of the chains that moved, creating the key file if need be.
int audit_command(const config& c, std::ostream& out);

}  // namespace planflow::app
