#pragma once
/// The host's own check of plan content against its plan type's JSON Schema,
/// before anything is stored: a member the schema does not define is refused
/// (422 naming its JSON Pointer) at every level, instead of being stored and
/// served for ever. Everything else a schema says (types, ranges, required
/// members) stays the plugin's findings: a draft may be incomplete or wrong,
/// but it may not carry data no one can see in the forms.

#include <planflow/error/problem.hpp>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace planflow::plans {

/// The members of `content` that `schema` does not allow, and the numbers no
/// JSON text can carry back (non-finite, integers beyond int64: content a
/// plugin made has not been through the body parser), each as an error::field
/// at `pointer` + its pointer in the content.
///
/// The subset of JSON Schema read: `$ref` to "#/..." (its siblings override
/// the target, as the web editor reads it), `type`, `properties`,
/// `additionalProperties` (false, true or a schema for the other members),
/// `propertyNames.pattern` and `items`. An object schema that lists
/// `properties` is closed unless `additionalProperties` opens it; one that
/// says nothing about its members is open. Never throws for any content; at
/// most 100 errors.
std::vector<error::field> content_violations(const boost::json::value& content, const boost::json::object& schema,
                                             const std::string& pointer = "");

}  // namespace planflow::plans
