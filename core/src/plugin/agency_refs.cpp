#include <planflow/plugin/agency_refs.hpp>
#include <planflow/text/agency_names.hpp>
#include <planflow/util/json_util.hpp>

#include <boost/json/parse.hpp>

#include <algorithm>
#include <string>

namespace planflow::plugin {
namespace {

namespace json = boost::json;

std::string province_name_of(const plan_context& ctx) {
  const auto* p = ctx.province();
  return p ? p->name_th : std::string();
}

const text::directory_agency* directory_entry(const plan_context& ctx, std::int64_t id) {
  if (!ctx.agencies) return nullptr;
  auto it = std::ranges::find_if(*ctx.agencies, [&](const text::directory_agency& a) { return a.id == id; });
  return it == ctx.agencies->end() ? nullptr : &*it;
}

finding make(std::string severity, std::string code, std::string path, std::string th, std::string en) {
  return {std::move(severity), std::move(code), std::move(th), std::move(en), std::move(path)};
}

// "ก", "ก หรือ ข", "ก, ข หรือ ค" in the reader's language.
std::string either(const std::vector<std::string>& names, std::string_view or_word) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? std::string(" ") + std::string(or_word) + " " : std::string(", ");
    out += "\"" + names[i] + "\"";
  }
  return out;
}

finding not_linked(const agency_ref& ref, const std::string& path, const plan_context& ctx) {
  auto match = text::match_agency(ref.name, province_name_of(ctx), *ctx.agencies);
  std::vector<std::string> offered;
  if (match.links()) {
    match.suggestions = {match.agency_id};
  }
  for (auto id : match.suggestions) {
    if (const auto* a = directory_entry(ctx, id)) offered.push_back(a->name_th);
  }
  if (offered.empty()) {
    return make(
        "warning", "agency_not_linked", path,
        "หน่วยงาน \"" + ref.name + "\" ไม่ตรงกับหน่วยงานใดในทะเบียนของจังหวัด: เลือกหน่วยงานจากทะเบียน หรือเพิ่มหน่วยงานนี้ในทะเบียน",
        "the agency \"" + ref.name +
            "\" matches no agency in the province's directory: pick one, or add it to the directory");
  }
  return make("warning", "agency_not_linked", path,
              "หน่วยงาน \"" + ref.name + "\" ยังไม่ได้เชื่อมกับทะเบียนหน่วยงาน: อาจเป็น " + either(offered, "หรือ"),
              "the agency \"" + ref.name + "\" is not linked to the directory yet: it may be " + either(offered, "or"));
}

// One entry of a list: a string (the earlier shape) is an unlinked name; an
// object needs a string name, its other members taken when well-typed.
std::optional<agency_ref> read_agency_ref(const json::value& entry) {
  if (const auto* s = entry.if_string()) return agency_ref{std::string(*s), "", false, std::nullopt};
  const auto* o = entry.if_object();
  const auto* name = o ? o->if_contains("name") : nullptr;
  if (!name || !name->is_string()) return std::nullopt;
  agency_ref ref{std::string(name->get_string()), "", false, std::nullopt};
  if (const auto* unit = o->if_contains("sub_unit"); unit && unit->is_string()) ref.sub_unit = unit->get_string();
  if (const auto* c = o->if_contains("collective"); c && c->is_bool()) ref.collective = c->get_bool();
  if (const auto* id = o->if_contains("agency_id")) {
    if (auto n = integer_of(*id); n && *n > 0) ref.agency_id = *n;
  }
  return ref;
}

}  // namespace

std::vector<agency_ref> agency_refs_of(std::string_view cell, const plan_context& ctx) {
  std::vector<agency_ref> out;
  const std::string province = province_name_of(ctx);
  for (auto& mention : text::split_agencies(cell)) {
    agency_ref ref{mention.text, mention.unit, mention.collective, std::nullopt};
    if (!ref.collective && ctx.agencies) {
      auto match = text::match_agency(ref.name, province, *ctx.agencies);
      if (match.links()) {
        ref.agency_id = match.agency_id;
      }
    }
    out.push_back(std::move(ref));
  }
  return out;
}

void link_agency_refs(json::array& refs, const plan_context& ctx) {
  if (!ctx.agencies) return;
  const std::string province = province_name_of(ctx);
  for (auto& entry : refs) {
    auto* o = entry.if_object();
    const auto* name = o ? o->if_contains("name") : nullptr;
    if (!name || !name->is_string() || o->contains("agency_id")) continue;
    if (const auto* c = o->if_contains("collective"); c && c->is_bool() && c->get_bool()) continue;
    auto match = text::match_agency(name->get_string(), province, *ctx.agencies);
    if (match.links()) {
      (*o)["agency_id"] = match.agency_id;
    }
  }
}

json::object to_json(const agency_ref& ref) {
  json::object out{{"name", ref.name}};
  if (!ref.sub_unit.empty()) out["sub_unit"] = ref.sub_unit;
  if (ref.collective) out["collective"] = true;
  if (ref.agency_id) out["agency_id"] = *ref.agency_id;
  return out;
}

json::array to_json(const std::vector<agency_ref>& refs) {
  json::array out;
  for (const auto& r : refs) out.emplace_back(to_json(r));
  return out;
}

std::vector<agency_ref> read_agency_refs(const json::value* list) {
  std::vector<agency_ref> out;
  const auto* array = list ? list->if_array() : nullptr;
  if (!array) return out;
  for (const auto& entry : *array) {
    if (auto ref = read_agency_ref(entry)) out.push_back(std::move(*ref));
  }
  return out;
}

json::array upgrade_agency_list(const json::array& stored) {
  json::array out;
  const plan_context no_directory;
  for (const auto& entry : stored) {
    if (const auto* s = entry.if_string()) {
      for (auto& ref : agency_refs_of(*s, no_directory)) out.emplace_back(to_json(ref));
    } else {
      out.push_back(entry);
    }
  }
  return out;
}

json::object agency_ref_schema() {
  return json::parse(R"({
    "type": "object",
    "required": ["name"],
    "additionalProperties": false,
    "x-planflow-widget": "agency",
    "properties": {
      "name": {"type": "string"},
      "agency_id": {"type": "integer", "minimum": 1},
      "sub_unit": {"type": "string"},
      "collective": {"type": "boolean"}
    }
  })")
      .as_object();
}

json::object agency_ref_labels() {
  return json::parse(R"({
    "name": {"th": "ชื่อ", "en": "Name"},
    "agency_id": {"th": "หน่วยงานในทะเบียน", "en": "Directory agency"},
    "sub_unit": {"th": "ส่วนงานย่อย", "en": "Sub-unit"},
    "collective": {"th": "หมายถึงหลายหน่วยงาน", "en": "Names a group of agencies"}
  })")
      .as_object();
}

std::vector<finding> check_agency_refs(const json::value& list, std::string_view path, const plan_context& ctx) {
  std::vector<finding> out;
  const auto* array = list.if_array();
  if (!array) return out;  // the schema and the plugin's reader report the wrong type
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string here = pointer_append(path, i);
    const auto* o = (*array)[i].if_object();
    if (!o) {
      out.push_back(make("error", "invalid_type", here, "หน่วยงานต้องเป็นออบเจกต์ที่มีชื่อหน่วยงาน",
                         "an agency must be an object with a name"));
      continue;
    }
    const auto* name = o->if_contains("name");
    if (!name || !name->is_string() || name->get_string().empty()) {
      out.push_back(
          make("error", "missing_field", pointer_append(here, "name"), "ยังไม่ได้ระบุชื่อหน่วยงาน", "the agency has no name"));
      continue;
    }
    if (auto f = check_link(*read_agency_ref((*array)[i]), here, ctx)) out.push_back(std::move(*f));
  }
  return out;
}

std::optional<finding> check_link(const agency_ref& ref, const std::string& path, const plan_context& ctx) {
  if (!ctx.agencies) return std::nullopt;
  if (ref.agency_id) {
    if (directory_entry(ctx, *ref.agency_id)) return std::nullopt;
    return make("error", "unknown_agency", pointer_append(path, "agency_id"),
                "หน่วยงานรหัส " + std::to_string(*ref.agency_id) + " ไม่อยู่ในทะเบียนหน่วยงานของจังหวัด",
                "agency " + std::to_string(*ref.agency_id) + " is not in the province's directory");
  }
  if (ref.collective) return std::nullopt;
  return not_linked(ref, path, ctx);
}

void add_linked_ids(std::vector<std::int64_t>& ids, const std::vector<agency_ref>& refs) {
  for (const auto& r : refs) {
    if (r.agency_id && std::ranges::find(ids, *r.agency_id) == ids.end()) ids.push_back(*r.agency_id);
  }
}

std::vector<std::string> names_of(const std::vector<agency_ref>& refs) {
  std::vector<std::string> out;
  out.reserve(refs.size());
  for (const auto& r : refs) out.push_back(r.name);
  return out;
}

}  // namespace planflow::plugin
