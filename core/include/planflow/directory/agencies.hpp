#pragma once
/// Agencies: government bodies of one province that write and report plans.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace planflow::directory {

struct agency {
  std::int64_t id = 0;
  std::string province_code;
  std::string name_th;
  std::string name_en;
};

std::int64_t create_agency(soci::session& sql, const agency& input);
std::optional<agency> find_agency(soci::session& sql, std::int64_t id);
/// Agencies of one province, or of every province when `province_code` is empty.
std::vector<agency> list_agencies(soci::session& sql, const std::string& province_code = {});
/// Returns false when no agency has this id.
bool update_agency(soci::session& sql, const agency& changed);

}  // namespace planflow::directory
