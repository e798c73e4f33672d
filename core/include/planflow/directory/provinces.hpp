#pragma once
/// Repository functions for Thailand's provinces (seeded by migration 002).

#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::directory {

struct province {
  std::string code;  ///< ISO 3166-2:TH, e.g. "TH-96"
  std::string name_th;
  std::string name_en;
  std::string region;
};

std::vector<province> list_provinces(soci::session& sql);
std::optional<province> find_province(soci::session& sql, std::string_view code);
void create_province(soci::session& sql, const province& p);
/// Changes the names and region of province `p.code`.
void update_province(soci::session& sql, const province& p);
/// How many agencies, plans and role grants name the province.
int province_references(soci::session& sql, std::string_view code);
void delete_province(soci::session& sql, std::string_view code);

}  // namespace planflow::directory
