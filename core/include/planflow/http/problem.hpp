#pragma once
/// The one place where planflow's errors become HTTP: an error::problem is
/// answered as RFC 9457 application/problem+json, its type a stable URN
/// (urn:planflow:problem:<slug>), worded in the language the client asks
/// for with Accept-Language.

#include <planflow/error/messages.hpp>
#include <planflow/error/problem.hpp>
#include <planflow/http/message.hpp>

#include <string_view>

namespace planflow::http {

/// Thai or English, whichever Accept-Language prefers (by q-value, then
/// order; "th-TH" counts as Thai); English when it names neither.
error::language preferred_language(std::string_view accept_language);

/// The language of the request's Accept-Language.
error::language language_of(const request& req);

/// The problem as problem+json, with `detail`, `title` and each field's
/// `detail` in `lang` beside their codes and parameters; Content-Language
/// says which; Retry-After when the problem asks the client to wait.
response to_response(const error::problem& p, error::language lang);

using planflow::error::field;

}  // namespace planflow::http
