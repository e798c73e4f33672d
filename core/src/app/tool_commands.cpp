#include <planflow/api/import.hpp>
#include <planflow/app/paths.hpp>
#include <planflow/app/tool_commands.hpp>
#include <planflow/audit/checkpoint.hpp>
#include <planflow/audit/log.hpp>
#include <planflow/directory/provinces.hpp>
#include <planflow/http/problem.hpp>
#include <planflow/storage/migrations.hpp>
#include <planflow/util/file.hpp>
#include <planflow/util/json_text.hpp>

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
  // Converting a document stores nothing: the province names come from the
  // reference data built into the migrations, loaded into a private
  // in-memory database rather than the configured one (which it would
  // create and migrate).
  storage::database reference(storage::parse_database_url("sqlite://:memory:"), 1);
  storage::apply_migrations(reference);
  plugin::plan_context ctx;
  ctx.province_code = c.province;
  {
    storage::lease session(reference);
    for (auto& p : directory::list_provinces(*session)) ctx.provinces.push_back({p.code, p.name_th, p.name_en});
  }
  try {
    const auto document = api::document_text(*text, "", c.arguments[0]);
    auto outcome = api::import_document(types, document.utf8, c.plan_type, ctx, "--plan-type");
    outcome.json["detected"].as_object()["encoding"] = text::encoding_name(document.from);
    out << json_text(outcome.json) << std::endl;
    return 0;
  } catch (const error::problem& p) {
    const auto& fields = p.fields();
    std::cerr << "planflow import: "
              << (fields.empty() ? std::string(p.what())
                                 : error::render(fields[0].code, fields[0].params, error::language::en))
              << "\n";
    return 1;
  }
}

namespace {

void print_verification(const audit::verification& v, std::ostream& out) {
  if (v.intact) {
    out << "audit log intact: " << v.entries << " entries in " << v.chains << " chains";
    if (v.legacy_entries > 0) out << " and the legacy chain (" << v.legacy_entries << ")";
    out << ", " << v.checkpoints << " checkpoints";
    if (v.latest_checkpoint) {
      // Worth noting down elsewhere: only a copy kept outside the database
      // shows that the latest checkpoints were not removed.
      out << "; latest checkpoint " << v.latest_checkpoint->id << " at " << v.latest_checkpoint->at << ", digest "
          << v.latest_checkpoint->digest;
    }
    out << std::endl;
    return;
  }
  out << "audit log BROKEN at " << audit::describe(v.breaks.front()) << std::endl;
  for (std::size_t i = 1; i < v.breaks.size(); ++i) out << "  and at " << audit::describe(v.breaks[i]) << std::endl;
}

int audit_verify(const config& c, std::ostream& out) {
  // Read only: verifying never creates a key (one made now would distrust
  // every checkpoint already written).
  const auto key = audit::signing_key::load(audit_key_file(c.audit_key_file, c.db));
  storage::database db(storage::parse_database_url(c.db), 1);
  storage::lease session(db);
  auto v =
      audit::verify(*session, db.backend(), key ? std::optional<std::string>(key->public_key_hex()) : std::nullopt);
  print_verification(v, out);
  return v.intact ? 0 : 1;
}

int audit_checkpoint(const config& c, std::ostream& out) {
  const auto key = audit::signing_key::load_or_create(audit_key_file(c.audit_key_file, c.db));
  storage::database db(storage::parse_database_url(c.db), 1);
  auto written = audit::write_checkpoint(db, key);
  if (written.written) {
    out << "audit checkpoint " << written.id << ": " << written.moved << " chains moved of " << written.chains << ", "
        << written.entries << " entries; digest " << written.digest << std::endl;
  } else if (written.id == 0) {
    out << "audit checkpoint not needed: the log has no entries yet" << std::endl;
  } else {
    out << "audit checkpoint not needed: no chain moved since checkpoint " << written.id << std::endl;
  }
  return 0;
}

}  // namespace

int audit_command(const config& c, std::ostream& out) {
  const std::string sub = c.arguments.empty() ? "" : c.arguments[0];
  if (c.arguments.size() == 1 && sub == "verify") return audit_verify(c, out);
  if (c.arguments.size() == 1 && sub == "checkpoint") return audit_checkpoint(c, out);
  std::cerr << "planflow audit: expected `planflow audit verify` or `planflow audit checkpoint`\n";
  return 2;
}

}  // namespace planflow::app
