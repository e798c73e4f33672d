#include <planflow/plans/content_schema.hpp>
#include <planflow/util/json_util.hpp>

#include <boost/json/string.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <regex>

namespace planflow::plans {
namespace {

namespace json = boost::json;

constexpr std::size_t k_max_errors = 100;
constexpr int k_max_ref_chain = 16;

// A schema with its "$ref" chain followed: a keyword is looked up in the
// referring schema first, then in what it refers to.
struct schema_view {
  std::vector<const json::object*> layers;

  const json::value* get(std::string_view keyword) const {
    for (const auto* layer : layers) {
      if (const auto* v = layer->if_contains(keyword)) return v;
    }
    return nullptr;
  }
  const json::object* get_object(std::string_view keyword) const {
    const auto* v = get(keyword);
    return v ? v->if_object() : nullptr;
  }
  // No "type" allows every kind.
  bool allows(std::string_view kind) const {
    const auto* type = get("type");
    if (!type) return true;
    if (const auto* one = type->if_string()) return *one == kind;
    if (const auto* many = type->if_array()) {
      for (const auto& t : *many) {
        if (t.is_string() && t.get_string() == kind) return true;
      }
      return false;
    }
    return true;
  }
};

class checker {
 public:
  checker(const json::object& root, std::vector<error::field>& out) : root_(root), out_(out) {}

  void check(const json::value& value, const json::value& schema, const std::string& pointer) {
    if (schema.is_bool()) {
      if (!schema.get_bool()) reject(pointer);
      return;
    }
    if (const auto* object_schema = schema.if_object()) check(value, *object_schema, pointer);
  }

  void check(const json::value& value, const json::object& schema, const std::string& pointer) {
    if (out_.size() >= k_max_errors) return;
    const auto view = resolve(schema);
    if (const auto* object = value.if_object(); object && view.allows("object")) check_members(*object, view, pointer);
    if (const auto* array = value.if_array(); array && view.allows("array")) {
      const auto* items = view.get("items");
      if (!items) return;
      for (std::size_t i = 0; i < array->size(); ++i) check((*array)[i], *items, pointer_append(pointer, i));
    }
  }

 private:
  void check_members(const json::object& object, const schema_view& view, const std::string& pointer) {
    const auto* properties = view.get_object("properties");
    const auto* additional = view.get("additionalProperties");
    const auto* names = view.get_object("propertyNames");
    const auto* pattern = names ? names->if_contains("pattern") : nullptr;
    const bool open = additional && additional->is_bool() && additional->get_bool();
    const bool closed = !open && (properties || (additional && additional->is_bool()));
    for (const auto& member : object) {
      const std::string child = pointer_append(pointer, member.key());
      if (pattern && pattern->is_string() && !matches(pattern->get_string(), member.key())) {
        reject(child);
      } else if (const auto* known = properties ? properties->if_contains(member.key()) : nullptr) {
        check(member.value(), *known, child);
      } else if (additional && !additional->is_bool()) {
        check(member.value(), *additional, child);
      } else if (closed) {
        reject(child);
      }
    }
  }

  void reject(const std::string& pointer) {
    if (out_.size() < k_max_errors) out_.push_back({pointer.empty() ? "/" : pointer, error::messages::unknown_field});
  }

  schema_view resolve(const json::object& schema) const {
    schema_view view;
    const json::object* here = &schema;
    for (int i = 0; here && i < k_max_ref_chain; ++i) {
      view.layers.push_back(here);
      const auto* ref = here->if_contains("$ref");
      here = ref && ref->is_string() ? target(ref->get_string()) : nullptr;
    }
    return view;
  }

  // "#/$defs/goal" in the root schema; nullptr for anything else.
  const json::object* target(std::string_view ref) const {
    if (!ref.starts_with('#')) return nullptr;
    ref.remove_prefix(1);
    const json::object* here = &root_;
    while (here && !ref.empty()) {
      if (ref.front() != '/') return nullptr;
      ref.remove_prefix(1);
      const auto slash = ref.find('/');
      std::string token;
      for (std::size_t i = 0; i < std::min(slash, ref.size()); ++i) {
        if (ref[i] == '~' && i + 1 < ref.size() && (ref[i + 1] == '0' || ref[i + 1] == '1')) {
          token.push_back(ref[++i] == '0' ? '~' : '/');
        } else {
          token.push_back(ref[i]);
        }
      }
      ref.remove_prefix(std::min(slash, ref.size()));
      const auto* next = here->if_contains(token);
      here = next ? next->if_object() : nullptr;
    }
    return here;
  }

  // A pattern the regex library cannot read constrains nothing: the schema
  // is the plugin's, and its own findings still apply.
  bool matches(std::string_view pattern, std::string_view key) {
    auto [it, added] = patterns_.try_emplace(std::string(pattern));
    if (added) {
      try {
        it->second.emplace(it->first, std::regex::ECMAScript);
      } catch (const std::regex_error&) {
        it->second.reset();
      }
    }
    return !it->second || std::regex_search(key.begin(), key.end(), *it->second);
  }

  const json::object& root_;
  std::vector<error::field>& out_;
  std::map<std::string, std::optional<std::regex>> patterns_;
};

// Content a plugin made (an import) has not been through the body parser's
// number check: the same rule, on the value.
void check_numbers(const json::value& value, const std::string& pointer, std::vector<error::field>& out) {
  if (out.size() >= k_max_errors) return;
  if (const auto* d = value.if_double(); d && !std::isfinite(*d)) {
    out.push_back({pointer.empty() ? "/" : pointer, error::messages::not_finite});
  } else if (const auto* u = value.if_uint64(); u && *u > std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
    out.push_back({pointer.empty() ? "/" : pointer, error::messages::outside_int64});
  } else if (const auto* object = value.if_object()) {
    for (const auto& member : *object) check_numbers(member.value(), pointer_append(pointer, member.key()), out);
  } else if (const auto* array = value.if_array()) {
    for (std::size_t i = 0; i < array->size(); ++i) check_numbers((*array)[i], pointer_append(pointer, i), out);
  }
}

}  // namespace

std::vector<error::field> content_violations(const json::value& content, const json::object& schema,
                                             const std::string& pointer) {
  std::vector<error::field> out;
  check_numbers(content, pointer, out);
  checker(schema, out).check(content, schema, pointer);
  return out;
}

}  // namespace planflow::plans
