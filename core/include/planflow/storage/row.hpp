#pragma once
/// Reading columns from a soci::row the same way on SQLite and MySQL. SOCI
/// reports a column's type from the backend (SQLite says "integer" where MySQL
/// says "long long", and an expression column may come back as a string), and
/// row::get<T> throws unless T matches exactly, so repositories read through these.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

namespace planflow::storage {

std::int64_t column_int(const soci::row& row, std::size_t index);
std::optional<std::int64_t> column_opt_int(const soci::row& row, std::size_t index);
double column_double(const soci::row& row, std::size_t index);
std::optional<double> column_opt_double(const soci::row& row, std::size_t index);
/// The text, or "" for NULL.
std::string column_text(const soci::row& row, std::size_t index);
std::optional<std::string> column_opt_text(const soci::row& row, std::size_t index);

}  // namespace planflow::storage
