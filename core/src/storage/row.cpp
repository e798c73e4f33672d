#include <planflow/storage/row.hpp>

#include <stdexcept>

namespace planflow::storage {

std::optional<std::int64_t> column_opt_int(const soci::row& row, std::size_t index) {
  if (row.get_indicator(index) == soci::i_null) return std::nullopt;
  switch (row.get_properties(index).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(index);
    case soci::dt_long_long:
      return row.get<long long>(index);
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(index));
    case soci::dt_double:
      return static_cast<std::int64_t>(row.get<double>(index));
    case soci::dt_string:
      return std::stoll(row.get<std::string>(index));
    default:
      throw std::runtime_error("column " + std::to_string(index) + " is not a number");
  }
}

std::int64_t column_int(const soci::row& row, std::size_t index) { return column_opt_int(row, index).value_or(0); }

double column_double(const soci::row& row, std::size_t index) {
  if (row.get_indicator(index) == soci::i_null) return 0.0;
  switch (row.get_properties(index).get_data_type()) {
    case soci::dt_double:
      return row.get<double>(index);
    case soci::dt_string:
      return std::stod(row.get<std::string>(index));
    default:
      return static_cast<double>(column_int(row, index));
  }
}

std::optional<double> column_opt_double(const soci::row& row, std::size_t index) {
  if (row.get_indicator(index) == soci::i_null) return std::nullopt;
  return column_double(row, index);
}

std::optional<std::string> column_opt_text(const soci::row& row, std::size_t index) {
  if (row.get_indicator(index) == soci::i_null) return std::nullopt;
  switch (row.get_properties(index).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(index);
    case soci::dt_integer:
    case soci::dt_long_long:
    case soci::dt_unsigned_long_long:
      return std::to_string(column_int(row, index));
    default:
      throw std::runtime_error("column " + std::to_string(index) + " is not text");
  }
}

std::string column_text(const soci::row& row, std::size_t index) { return column_opt_text(row, index).value_or(""); }

}  // namespace planflow::storage
