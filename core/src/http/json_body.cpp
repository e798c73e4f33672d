#include <planflow/http/json_body.hpp>

#include <planflow/util/json_parse.hpp>

#include <limits>

namespace planflow::http {

boost::json::value parse_json_body(const request& req) {
  auto content_type = req.header("content-type").value_or("");
  auto semicolon = content_type.find(';');
  auto media = content_type.substr(0, semicolon);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  if (media != "application/json" && !(media.starts_with("application/") && media.ends_with("+json"))) {
    throw unsupported_media_type("The body must be sent as Content-Type: application/json" +
                                 std::string(content_type.empty() ? "" : ", not " + std::string(content_type)) + ".");
  }
  if (req.body.empty()) {
    throw problem_error(400, "malformed-json", "Malformed JSON", "The request body is empty.")
        .with_errors({{"/", "is empty"}});
  }

  auto parsed = parse_json(req.body);
  if (parsed.error) {
    throw problem_error(400, "malformed-json", "Malformed JSON",
                        "The body is not valid JSON (or not valid UTF-8) near byte " +
                            std::to_string(parsed.error_offset) + ": " + parsed.error.message() + ".")
        .with_errors({{parsed.error_pointer, "is not valid JSON here: " + parsed.error.message()}});
  }
  // Refused here, for every route at once: a number no stored document can
  // hold would be accepted and then fail every read of what it was stored in.
  if (!parsed.number_problems.empty()) {
    std::vector<field_error> errors;
    for (auto& p : parsed.number_problems) errors.push_back({std::move(p.pointer), std::move(p.detail)});
    throw validation_failed(std::move(errors));
  }
  return std::move(parsed.value);
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

object_reader::object_reader(const boost::json::value& value, std::vector<field_error>& errors, std::string pointer)
    : errors_(errors), pointer_(std::move(pointer)) {
  object_ = value.if_object();
  if (!object_) errors_.push_back({pointer_.empty() ? "/" : pointer_, "must be a JSON object"});
}

const boost::json::value* object_reader::lookup(std::string_view key) {
  seen_.emplace(key);
  if (!object_) return nullptr;
  auto it = object_->find(key);
  if (it == object_->end() || it->value().is_null()) return nullptr;
  return &it->value();
}

void object_reader::reject(std::string_view key, std::string detail) {
  errors_.push_back({pointer_append(pointer_, key), std::move(detail)});
}

std::optional<std::string> object_reader::optional_string(std::string_view key, std::size_t max_chars) {
  const auto* v = lookup(key);
  if (!v) return std::nullopt;
  const auto* s = v->if_string();
  if (!s) {
    reject(key, "must be a string");
    return std::nullopt;
  }
  if (utf8_length(*s) > max_chars) {
    reject(key, "must be at most " + std::to_string(max_chars) + " characters long");
    return std::nullopt;
  }
  return std::string(*s);
}

std::string object_reader::required_string(std::string_view key, std::size_t max_chars) {
  if (object_ && !object_->contains(key)) {
    reject(key, "is required");
    seen_.emplace(key);
    return {};
  }
  auto s = optional_string(key, max_chars);
  if (object_ && object_->at(key).is_null()) reject(key, "is required");
  else if (s && s->find_first_not_of(" \t\r\n") == std::string::npos) reject(key, "must not be blank");
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
    reject(key, "must be an integer");
    return std::nullopt;
  }
  if (n < min || n > max) {
    reject(key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::int64_t object_reader::required_int(std::string_view key, std::int64_t min, std::int64_t max) {
  if (object_ && (!object_->contains(key) || object_->at(key).is_null())) {
    reject(key, "is required");
    seen_.emplace(key);
    return 0;
  }
  return optional_int(key, min, max).value_or(0);
}

std::optional<bool> object_reader::optional_bool(std::string_view key) {
  const auto* v = lookup(key);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    reject(key, "must be true or false");
    return std::nullopt;
  }
  return v->get_bool();
}

const boost::json::value* object_reader::optional_value(std::string_view key) { return lookup(key); }

const boost::json::value& object_reader::required_value(std::string_view key) {
  static const boost::json::value null_value;
  const auto* v = lookup(key);
  if (!v) {
    reject(key, "is required");
    return null_value;
  }
  return *v;
}

void object_reader::reject_unknown() {
  if (!object_) return;
  for (const auto& member : *object_) {
    if (!seen_.contains(member.key())) reject(member.key(), "is not a known field");
  }
}

void throw_if_invalid(std::vector<field_error> errors) {
  if (!errors.empty()) throw validation_failed(std::move(errors));
}

}  // namespace planflow::http
