#pragma once
/// Wording problems and their fields from the message catalog
/// (api/messages.json, compiled in): a title per problem type, a template
/// per message with `{name}` placeholders filled from the parameters
/// (`{name:baht}` writes an amount with thousands separators and satang).

#include <planflow/error/codes.hpp>

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::error {

enum class language { th, en };

/// "th" or "en".
std::string_view tag(language lang);

/// The message in `lang` with its placeholders filled.
std::string render(message_code code, const boost::json::object& params, language lang);

/// The title of a problem type in `lang`.
std::string title(problem_type type, language lang);

/// The HTTP status of a problem type.
int status(problem_type type);

/// The catalog's message named `id`, for codes that travel as text (a
/// workflow finding's); nullopt when the catalog has none.
std::optional<message_code> find_message(std::string_view id);

/// The catalog as the server was built with it.
std::string_view catalog_text();

/// Every problem slug and every message id of the catalog, for tests and
/// the OpenAPI check.
std::vector<std::string> problem_slugs();
std::vector<std::string> message_ids();

}  // namespace planflow::error
