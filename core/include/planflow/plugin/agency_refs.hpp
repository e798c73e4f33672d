#pragma once
/// Agencies in plan content: references to the province's directory, with
/// the name as the document wrote it kept for the record. Both plan types
/// hold them the same way, so the server assigns report items and the web
/// editor offers the directory identically for every plan type:
///
///     {"name": "สำนักงาน ป.ป.ช. ประจำจังหวัด", "agency_id": 12}
///     {"name": "สำนักงานจังหวัด", "sub_unit": "ศูนย์ดำรงธรรมจังหวัด", "agency_id": 3}
///     {"name": "องค์กรปกครองส่วนท้องถิ่นในจังหวัด", "collective": true}
///     {"name": "สำนักงาน ราชการ"}                     (not linked yet: a finding)
///
/// `agency_id` is absent until the name is linked (at import, when the
/// directory has it, or by the officer in the editor). A collective name
/// ("every agency of the province") names no single agency and links to none.

#include <planflow/plugin/plan_type.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::plugin {

struct agency_ref {
  std::string name;      ///< as written (spacing tidied)
  std::string sub_unit;  ///< in parentheses after the name, "" when none
  bool collective = false;
  std::optional<std::int64_t> agency_id;
};

/// The agencies a cell names, split and, when the context carries the
/// province's directory, linked to the agency each one names exactly or by
/// its normalised spelling (a mere suggestion links nothing: the officer
/// decides).
std::vector<agency_ref> agency_refs_of(std::string_view cell, const plan_context& ctx);

/// Links the references of `refs` that have no agency_id yet, as
/// agency_refs_of does (exact or normalised match in ctx.agencies); leaves
/// everything else as it is. Nothing happens without a directory.
void link_agency_refs(boost::json::array& refs, const plan_context& ctx);

boost::json::object to_json(const agency_ref& ref);
boost::json::array to_json(const std::vector<agency_ref>& refs);

/// Reads a list of references leniently: objects with a string `name`
/// (other members taken when well-typed), and strings (the earlier shape)
/// as unlinked names. Anything else is skipped; never throws.
std::vector<agency_ref> read_agency_refs(const boost::json::value* list);

/// The earlier shape, a list of name strings (each possibly naming several
/// agencies), as references: split, unlinked (a migration decides nothing).
/// Entries that are not strings are kept as they are.
boost::json::array upgrade_agency_list(const boost::json::array& stored);

/// The JSON Schema of one reference, for a plugin's `$defs`. Its
/// `x-planflow-widget: "agency"` tells the editor to offer the province's
/// directory.
boost::json::object agency_ref_schema();
/// Thai and English labels of the reference's members, for the schema's
/// `x-labels` (the plugin adds `name` if it has no label for it yet).
boost::json::object agency_ref_labels();

/// Findings for the references listed at `path` (a JSON Pointer to the
/// array): an entry that is no object or has no name (invalid_type /
/// missing_field), an `agency_id` the province's directory does not have
/// (unknown_agency, an error: it would assign another province's agency),
/// and a single agency not linked yet (agency_not_linked, a warning naming
/// up to three suggestions from the directory). Directory checks need
/// ctx.agencies; without them only the shape is checked. Never throws.
std::vector<finding> check_agency_refs(const boost::json::value& list, std::string_view path, const plan_context& ctx);

/// The directory part of check_agency_refs for one well-formed reference at
/// `path`: unknown_agency or agency_not_linked, or nothing.
std::optional<finding> check_link(const agency_ref& ref, const std::string& path, const plan_context& ctx);

/// Appends the directory ids the references link that `ids` does not hold
/// yet, in order: main agencies added first stay first, each id once.
void add_linked_ids(std::vector<std::int64_t>& ids, const std::vector<agency_ref>& refs);

/// The names, in order (what progress_item::agencies carries).
std::vector<std::string> names_of(const std::vector<agency_ref>& refs);

}  // namespace planflow::plugin
