#pragma once
// The JSON Schema of the content, for documentation and forms.

#include <boost/json/object.hpp>

namespace planflow::plugins::ethics {

/// JSON Schema (draft 2020-12) of an ethics promotion plan's content. The
/// schema states shapes only; validate() adds the rules a schema cannot
/// (targets per year of the span, the five strategies, unique ids...).
boost::json::object content_schema_json();

}  // namespace planflow::plugins::ethics
