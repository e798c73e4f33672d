#include <planflow/http/json_body.hpp>
#include <planflow/http/media_type.hpp>
#include <planflow/util/json_parse.hpp>

#include <limits>

namespace planflow::http {

boost::json::value parse_json_body(const request& req) {
  auto content_type = req.header("content-type").value_or("");
  const auto media = media_type_of(content_type).essence;
  if (media != "application/json" && !(media.starts_with("application/") && media.ends_with("+json"))) {
    throw error::problem(error::types::unsupported_media_type, error::messages::body_not_json,
                         {{"content_type", content_type.empty() ? "none" : std::string(content_type)}});
  }
  if (req.body.empty()) {
    throw error::problem(error::types::malformed_json, error::messages::body_empty)
        .with_fields({{"/", error::messages::is_empty}});
  }

  auto parsed = parse_json(req.body);
  if (parsed.error) {
    const auto reason = parsed.error.message();
    throw error::problem(error::types::malformed_json, error::messages::json_syntax,
                         {{"offset", parsed.error_offset}, {"reason", reason}})
        .with_fields({{parsed.error_pointer, error::messages::json_syntax_here, {{"reason", reason}}}});
  }
  // Refused here, for every route at once: a number no stored document can
  // hold would be accepted and then fail every read of what it was stored in.
  if (!parsed.number_problems.empty()) {
    std::vector<field> errors;
    for (auto& p : parsed.number_problems) {
      using kind = json_number_problem::kind;
      errors.push_back({std::move(p.pointer), p.what == kind::too_large   ? error::messages::number_too_large
                                              : p.what == kind::too_small ? error::messages::number_too_small
                                                                          : error::messages::outside_int64});
    }
    throw error::invalid(std::move(errors));
  }
  return std::move(parsed.value);
}

object_reader::object_reader(const boost::json::value& value, std::vector<field>& errors, std::string pointer)
    : errors_(errors), pointer_(std::move(pointer)) {
  object_ = value.if_object();
  if (!object_) errors_.push_back({pointer_.empty() ? "/" : pointer_, error::messages::not_object});
}

const boost::json::value* object_reader::lookup(std::string_view key) {
  seen_.emplace(key);
  if (!object_) return nullptr;
  auto it = object_->find(key);
  if (it == object_->end() || it->value().is_null()) return nullptr;
  return &it->value();
}

void object_reader::reject(std::string_view key, error::message_code code, boost::json::object params) {
  errors_.push_back({pointer_append(pointer_, key), code, std::move(params)});
}

std::optional<std::string> object_reader::optional_string(std::string_view key, std::size_t max_chars) {
  const auto* v = lookup(key);
  if (!v) return std::nullopt;
  const auto* s = v->if_string();
  if (!s) {
    reject(key, error::messages::not_string);
    return std::nullopt;
  }
  if (utf8_length(*s) > max_chars) {
    reject(key, error::messages::too_long, {{"max", max_chars}});
    return std::nullopt;
  }
  return std::string(*s);
}

std::string object_reader::required_string(std::string_view key, std::size_t max_chars) {
  if (object_ && !object_->contains(key)) {
    reject(key, error::messages::required);
    seen_.emplace(key);
    return {};
  }
  auto s = optional_string(key, max_chars);
  if (object_ && object_->at(key).is_null())
    reject(key, error::messages::required);
  else if (s && s->find_first_not_of(" \t\r\n") == std::string::npos)
    reject(key, error::messages::blank);
  return s.value_or("");
}

std::optional<std::int64_t> object_reader::optional_int(std::string_view key, std::int64_t min, std::int64_t max) {
  const auto* v = lookup(key);
  if (!v) return std::nullopt;
  std::int64_t n = 0;
  if (v->is_int64()) {
    n = v->get_int64();
  } else if (v->is_uint64() && v->get_uint64() <= std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
    n = std::int64_t(v->get_uint64());
  } else {
    reject(key, error::messages::not_integer);
    return std::nullopt;
  }
  if (n < min || n > max) {
    reject(key, error::messages::out_of_range, {{"min", min}, {"max", max}});
    return std::nullopt;
  }
  return n;
}

std::int64_t object_reader::required_int(std::string_view key, std::int64_t min, std::int64_t max) {
  if (object_ && (!object_->contains(key) || object_->at(key).is_null())) {
    reject(key, error::messages::required);
    seen_.emplace(key);
    return 0;
  }
  return optional_int(key, min, max).value_or(0);
}

std::optional<bool> object_reader::optional_bool(std::string_view key) {
  const auto* v = lookup(key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    reject(key, error::messages::not_boolean);
    return std::nullopt;
  }
  return v->get_bool();
}

const boost::json::value* object_reader::optional_value(std::string_view key) { return lookup(key); }

const boost::json::value& object_reader::required_value(std::string_view key) {
  static const boost::json::value null_value;
  const auto* v = lookup(key);
  if (!v) {
    reject(key, error::messages::required);
    return null_value;
  }
  return *v;
}

void object_reader::reject_unknown() {
  if (!object_) return;
  for (const auto& member : *object_) {
    if (!seen_.contains(member.key())) reject(member.key(), error::messages::unknown_field);
  }
}

}  // namespace planflow::http
