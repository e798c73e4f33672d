#include <planflow/api/import.hpp>
#include <planflow/app/paths.hpp>
#include <planflow/app/tool_commands.hpp>
#include <planflow/audit/log.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/storage/migrations.hpp>
#include <planflow/util/file.hpp>

#include <boost/json/serialize.hpp>

#include <filesystem>
#include <iostream>

namespace planflow::app {
int import_command(const config& c, std::ostream& out) {
  if (c.arguments.size() != 1) {
    std::cerr << "planflow import: give exactly one FILE\n";
    return 2;
  }
  const auto text = read_file(c.arguments[0]);
  if (!text) {
    std::cerr << "planflow import: cannot read " << c.arguments[0] << "\n";
    return 1;
  }

  plugin::registry types;
  auto dir = c.plugins_dir.empty() ? beside_executable("plugins") : c.plugins_dir;
  if (!dir.empty()) types.load_directory(dir);
  // Province names come from the database's reference table.
  storage::database db(storage::parse_database_url(c.db), 1);
  storage::apply_migrations(db);
  plugin::plan_context ctx;
  ctx.province_code = c.province;
  {
    storage::lease session(db);
    for (auto& p : directory::list_provinces(*session)) ctx.provinces.push_back({p.code, p.name_th, p.name_en});
  }
  try {
    auto outcome = api::import_document(types, *text, c.plan_type, ctx, "--plan-type");
    out << boost::json::serialize(outcome.json) << std::endl;
    return 0;
  } catch (const http::problem_error& p) {
    std::cerr << "planflow import: " << (p.errors().empty() ? p.detail() : p.errors()[0].detail) << "\n";
    return 1;
  }
}

int audit_command(const config& c, std::ostream& out) {
  if (c.arguments.empty() || c.arguments[0] != "verify") {
    std::cerr << "planflow audit: expected `planflow audit verify`\n";
    return 2;
  }
  storage::database db(storage::parse_database_url(c.db), 1);
  storage::lease session(db);
  auto v = audit::verify(*session);
  if (v.intact) {
    out << "audit log intact: " << v.entries << " entries" << std::endl;
    return 0;
  }
  out << "audit log BROKEN at entry " << *v.first_broken << ": " << v.reason << std::endl;
  return 1;
}

}  // namespace planflow::app
