#pragma once
/// Small JSON helpers shared by the server and the plugins (part of the
/// plugin SDK): building JSON Pointers, reading whole numbers, writing baht.

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planflow {

/// Appends a member name to a JSON Pointer, escaping '~' and '/' (RFC 6901).
std::string pointer_append(std::string_view pointer, std::string_view key);
/// Appends an array index to a JSON Pointer.
std::string pointer_append(std::string_view pointer, std::size_t index);

/// A whole number in any JSON spelling (7, 7.0, 7e0), clamped to int64 so that
/// an enormous value reads as "out of range" rather than "not a number";
/// nullopt for anything that is not a whole number.
std::optional<std::int64_t> integer_of(const boost::json::value& value);

/// An amount in satang as a JSON number of baht: an integer when it is whole
/// (3050000 → 30500), otherwise the double nearest to the exact amount
/// (250050 → 2500.5), which json_text writes back with its one or two
/// decimals. Computed from the integer, so no sum of doubles drifts into it;
/// json_text's shortest digits are then the amount's own for any amount
/// below 2^46 baht (about 70 trillion), where doubles are closer together
/// than a satang.
boost::json::value baht_json(std::int64_t satang);

/// A value as JSON: an integer when it is whole (80, not 8E1: targets and
/// results are percentages and counts), null when there is none.
boost::json::value number_or_null(const std::optional<double>& value);

}  // namespace planflow
