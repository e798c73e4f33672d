#pragma once
/// Importing a document: choosing the plan type and producing the
/// {plan_type, plan, totals, findings} answer, shared by the CLI and the API.

#include <planflow/plugin/registry.hpp>
#include <planflow/text/encoding.hpp>

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace planflow::api {

struct import_outcome {
  const plugin::plan_type* type = nullptr;
  plugin::import_result result;
  boost::json::object json;  ///< {plan_type, plan, totals, findings, detected}; detected.encoding is added by callers
                             ///< that decoded the bytes
};

/// The document's bytes as UTF-8 text, in the encoding `charset` names (a
/// Content-Type charset, "" when none was given) or, without one, the one
/// they are in (text::to_utf8). Throws error::problem 400 naming `field`
/// when the bytes are in no encoding read here, 415 for a charset not read.
text::decoded_text document_text(std::string_view bytes, std::string_view charset, const std::string& field);

/// Imports with `plan_type_id` or, when empty, the type the plugins detect.
/// Throws error::problem 422 naming `field` when the type is unknown or cannot be detected.
import_outcome import_document(const plugin::registry& types, std::string_view text, const std::string& plan_type_id,
                               plugin::plan_context ctx, const std::string& field = "plan_type");

}  // namespace planflow::api
