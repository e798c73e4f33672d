#include <planflow/util/json_parse.hpp>
#include <planflow/util/json_util.hpp>

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/value_stack.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace planflow {
namespace {

namespace json = boost::json;

constexpr const char* k_int64_range = "must be an integer from -9223372036854775808 to 9223372036854775807";
constexpr const char* k_too_large = "is too large a number (at most ±1.7976931348623157e308)";
constexpr const char* k_too_small =
    "is too close to zero to be kept (it would be stored as 0); write 0 or a larger number";

// Where the parser is, as a path of open containers, so that a number
// problem or a syntax error can be named by its JSON Pointer.
struct frame {
  bool array = false;
  std::size_t index = 0;  // arrays: elements completed so far = index of the one being read
  std::string key;        // objects: the member being read, when has_key
  bool has_key = false;
};

// Boost's own handler (detail::handler) with three changes: doubles are read
// from their text, numbers are checked, and the path is tracked.
class handler {
 public:
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  json::value_stack st;
  std::vector<json_number_problem> problems;

  // The pointer of the value being read now.
  std::string pointer() const {
    std::string out;
    for (std::size_t i = 0; i < path_.size(); ++i) {
      const auto& f = path_[i];
      const bool innermost = i + 1 == path_.size();
      if (f.array)
        out = pointer_append(out, f.index);
      else if (!innermost || f.has_key)
        out = pointer_append(out, f.key);
    }
    return out.empty() ? "/" : out;
  }

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }

  bool on_object_begin(json::error_code&) {
    path_.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code&) {
    path_.pop_back();
    st.push_object(n);
    value_done();
    return true;
  }
  bool on_array_begin(json::error_code&) {
    frame f;
    f.array = true;
    path_.push_back(std::move(f));
    return true;
  }
  bool on_array_end(std::size_t n, json::error_code&) {
    path_.pop_back();
    st.push_array(n);
    value_done();
    return true;
  }

  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code&) {
    st.push_key(s);
    key_.append(s.data(), s.size());
    path_.back().key = std::move(key_);
    path_.back().has_key = true;
    key_.clear();
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    st.push_string(s);
    value_done();
    return true;
  }

  bool on_number_part(json::string_view s, json::error_code&) {
    number_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    number_.clear();
    st.push_int64(i);
    value_done();
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    number_.clear();
    if (u > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
      note(k_int64_range, json_number_problem::kind::outside_int64);
    st.push_uint64(u);
    value_done();
    return true;
  }
  bool on_double(double boost_reading, json::string_view s, json::error_code&) {
    number_.append(s.data(), s.size());
    st.push_double(exact_double(boost_reading));
    number_.clear();
    value_done();
    return true;
  }

  bool on_bool(bool b, json::error_code&) {
    st.push_bool(b);
    value_done();
    return true;
  }
  bool on_null(json::error_code&) {
    st.push_null();
    value_done();
    return true;
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  void value_done() {
    if (path_.empty()) return;
    auto& f = path_.back();
    if (f.array)
      ++f.index;
    else
      f.has_key = false;
  }

  void note(const char* detail, json_number_problem::kind what) {
    if (problems.size() < k_max_number_problems) problems.push_back({pointer(), detail, what});
  }

  // The double the text denotes, correctly rounded. Text that overflows or
  // underflows a double is noted; Boost's own reading tells which it was.
  double exact_double(double boost_reading) {
    const char* begin = number_.data();
    const char* end = begin + number_.size();
    double value = 0;
    auto [ptr, ec] = std::from_chars(begin, end, value);
    const bool integer_literal = number_.find_first_of(".eE") == std::string::npos;
    if (ec == std::errc::result_out_of_range) {
      const bool overflow = !std::isfinite(boost_reading) || std::fabs(boost_reading) > 1.0;
      if (integer_literal)
        note(k_int64_range, json_number_problem::kind::outside_int64);
      else if (overflow)
        note(k_too_large, json_number_problem::kind::too_large);
      else
        note(k_too_small, json_number_problem::kind::too_small);
      const double magnitude = overflow ? std::numeric_limits<double>::infinity() : 0.0;
      return number_.starts_with('-') ? -magnitude : magnitude;
    }
    // An integer beyond uint64 arrives here as a double: say what it is.
    if (integer_literal) note(k_int64_range, json_number_problem::kind::outside_int64);
    // from_chars reads every JSON number; should it not, Boost's reading stands.
    return ec == std::errc{} && ptr == end ? value : boost_reading;
  }

  std::vector<frame> path_;
  std::string key_;     // parts of a key split across buffers
  std::string number_;  // parts of a number split across buffers
};

}  // namespace

json_parse_result parse_json(std::string_view text, std::size_t max_depth) {
  json::parse_options options;
  options.max_depth = max_depth;
  json::basic_parser<handler> parser(options);
  parser.handler().st.reset();
  json_parse_result out;
  json::error_code ec;
  const std::size_t consumed = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && consumed < text.size()) ec = json::error::extra_data;
  if (ec) {
    out.error = ec;
    out.error_offset = consumed;
    out.error_pointer = parser.handler().pointer();
    return out;
  }
  out.value = parser.handler().st.release();
  out.number_problems = std::move(parser.handler().problems);
  return out;
}

json::value parse_stored_json(std::string_view text) {
  auto parsed = parse_json(text);
  if (parsed.error) {
    throw std::runtime_error("stored JSON is not valid near byte " + std::to_string(parsed.error_offset) + ": " +
                             parsed.error.message());
  }
  return std::move(parsed.value);
}

}  // namespace planflow
