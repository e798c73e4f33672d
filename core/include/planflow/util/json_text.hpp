#pragma once
/// JSON text for clients: Boost.JSON's serializer, except for doubles, which
/// it writes in exponent form (30500.0 as 3.05E4, 50.0 as 5E1) although most
/// of them are amounts of baht and percentages that people and spreadsheets
/// read. Here a double is written as JavaScript's Number#toString writes it:
/// the shortest digits that read back to the same double, without exponent
/// from 1e-6 to below 1e21 (2500.5, 0.3), with one outside that range
/// (1e+21, 1e-7), and a whole double with ".0" (30500.0) so that it reads
/// back as a double, not an integer. Amounts and percentages are made
/// integers when whole (baht_json), so they read 30500 and 50. Stored
/// documents keep canonical_json's form; this is for responses and files
/// handed out.

#include <boost/json/value.hpp>

#include <string>

namespace planflow {

/// A finite double as the shortest digits that read back to it, without
/// exponent from 1e-6 to below 1e21 and without ".0" (30500, 2500.5): how
/// json_text spells a double, and how the workbook's number cells do.
std::string decimal_text(double value);

/// `value` as JSON text, doubles written as described above and a non-finite
/// double (which no parsed document holds) as null.
std::string json_text(const boost::json::value& value);

}  // namespace planflow
