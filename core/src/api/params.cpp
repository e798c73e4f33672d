#include <planflow/api/params.hpp>
#include <planflow/auth/crypto.hpp>
#include <planflow/http/json_body.hpp>
#include <planflow/http/problem.hpp>

#include <algorithm>
#include <charconv>

namespace planflow::api {
namespace {

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::int64_t id_param(const http::request& req, const std::string& name) {
  auto value = parse_int(req.path_param(name));
  if (!value || *value < 1) throw error::not_found(error::messages::no_resource_id, {{"id", req.path_param(name)}});
  return *value;
}

std::optional<std::int64_t> int_query(const http::request& req, const std::string& name, std::int64_t min,
                                      std::int64_t max) {
  auto text = req.query_param(name);
  if (!text) return std::nullopt;
  auto value = parse_int(*text);
  if (!value || *value < min || *value > max) {
    throw error::invalid_parameter(name, error::messages::integer_between, {{"min", min}, {"max", max}});
  }
  return value;
}

bool revision_condition::admits(int revision) const {
  return any || std::ranges::find(revisions, revision) != revisions.end();
}

std::optional<revision_condition> if_match_revisions(const http::request& req) {
  auto condition = http::read_tag_condition(req, "If-Match");
  if (!condition) return std::nullopt;
  revision_condition out;
  out.any = condition->any;
  for (const auto& tag : condition->tags) {
    // A well-formed tag that is neither a revision nor a current ETag ("abc")
    // matches nothing, like a weak one: 412, not 400.
    if (tag.weak) continue;
    auto value = parse_int(std::string_view(tag.opaque).substr(1, tag.opaque.size() - 2));
    if (value && *value >= 1 && *value <= 1'000'000) {
      out.revisions.push_back(int(*value));
    } else {
      out.tags.push_back(tag.opaque);
    }
  }
  return out;
}

void check_new_password(std::string_view password, const std::string& pointer, std::vector<error::field>& errors) {
  if (!auth::long_enough_password(password)) {
    errors.push_back({pointer, error::messages::password_too_short, {{"min", auth::k_min_password_characters}}});
  }
}

std::string read_comment(const http::request& req) {
  if (req.body.empty()) return {};
  auto body = http::parse_json_body(req);
  std::vector<error::field> errors;
  http::object_reader in(body, errors);
  auto comment = in.optional_string("comment", 5000).value_or("");
  in.reject_unknown();
  error::throw_if_invalid(std::move(errors));
  return comment;
}

}  // namespace planflow::api
