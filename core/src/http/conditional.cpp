#include <planflow/http/conditional.hpp>
#include <planflow/http/field_list.hpp>
#include <planflow/http/problem.hpp>

#include <algorithm>
#include <cctype>

namespace planflow::http {
namespace {

// etagc = "!" / %x23-7E / obs-text: any visible byte but the quote, and no space.
bool is_etagc(unsigned char c) { return c == 0x21 || (c >= 0x23 && c != 0x7F); }

}  // namespace

bool tag_condition::matches_strongly(std::string_view etag) const {
  if (any) return true;
  if (etag.starts_with("W/")) return false;
  return std::ranges::any_of(tags, [&](const entity_tag& t) { return !t.weak && t.opaque == etag; });
}

bool tag_condition::matches_weakly(std::string_view etag) const {
  if (any) return true;
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  return std::ranges::any_of(tags, [&](const entity_tag& t) { return t.opaque == etag; });
}

std::optional<tag_condition> parse_tag_condition(std::string_view value) {
  tag_condition out;
  if (trim_ows(value) == "*") {
    out.any = true;
    return out;
  }
  // Read tag by tag rather than split at commas: a comma is a valid
  // character inside an opaque tag.
  auto is_ows = [](char c) { return c == ' ' || c == '\t'; };
  std::size_t i = 0;
  for (;;) {
    while (i < value.size() && (is_ows(value[i]) || value[i] == ',')) ++i;  // empty elements are allowed
    if (i == value.size()) break;
    entity_tag tag;
    // The weak prefix is case-sensitive: "w/" is no entity tag at all.
    if (value.substr(i).starts_with("W/")) {
      tag.weak = true;
      i += 2;
    }
    if (i == value.size() || value[i] != '"') return std::nullopt;
    const auto close = value.find('"', i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    const auto opaque = value.substr(i, close + 1 - i);
    if (!std::ranges::all_of(opaque.substr(1, opaque.size() - 2),
                             [](char c) { return is_etagc(static_cast<unsigned char>(c)); })) {
      return std::nullopt;
    }
    tag.opaque = std::string(opaque);
    out.tags.push_back(std::move(tag));
    i = close + 1;
    while (i < value.size() && is_ows(value[i])) ++i;
    if (i < value.size() && value[i] != ',') return std::nullopt;  // two tags need a comma between them
  }
  if (out.tags.empty()) return std::nullopt;
  return out;
}

std::optional<tag_condition> read_tag_condition(const request& req, std::string_view name) {
  std::string key(name);
  std::ranges::transform(key, key.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  auto value = req.header(key);
  if (!value) return std::nullopt;
  auto condition = parse_tag_condition(*value);
  if (!condition) {
    throw error::invalid_header(std::string(name), error::messages::not_entity_tags);
  }
  return condition;
}

}  // namespace planflow::http
