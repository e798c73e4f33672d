#pragma once
/// Agency names as plan documents write them, read into references to the
/// province's directory. A cell may name several agencies ("สำนักงานจังหวัด
/// นราธิวาส หน่วยงานภาครัฐในจังหวัดนราธิวาส"), the same agency is written with
/// and without spaces, abbreviated ("สนง.") or without its province
/// ("สำนักงาน ป.ป.ช. ประจำจังหวัด" in Narathiwat's plan), and some cells name
/// no single agency at all ("ทุกส่วนราชการ": every agency).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::text {

/// One name as a cell writes it, split from its neighbours.
struct agency_mention {
  std::string text;  ///< as written (spacing tidied), what the record keeps
  std::string unit;  ///< a sub-unit given in parentheses ("กลุ่มงานบริหารทรัพยากรบุคคล"), "" when none
  /// Names a group ("every agency in the province", "local governments"),
  /// not one agency: nobody in particular reports on it.
  bool collective = false;
};

/// The names a cell lists, in order.
std::vector<agency_mention> split_agencies(std::string_view cell);

/// The key two spellings of one agency share: no spaces, abbreviations
/// expanded, the sub-unit dropped, and the province's name supplied where
/// the name ends in "จังหวัด" without one (the plan's own province is meant).
std::string agency_key(std::string_view name, std::string_view province_name_th);

/// A directory agency, as matching needs it.
struct directory_agency {
  std::int64_t id = 0;
  std::string name_th;
};

struct agency_match {
  enum class kind { exact, normalised, suggested, none } how = kind::none;
  std::int64_t agency_id = 0;             ///< for exact and normalised
  std::vector<std::int64_t> suggestions;  ///< best first, for suggested (at most 3)

  /// Whether the match is sure enough to link the name (the same text or
  /// the same key); a suggestion links nothing: the officer decides.
  bool links() const { return how == kind::exact || how == kind::normalised; }
};

/// The directory agency a mention names: the same text, else the same key,
/// else up to three close ones to choose from (similar keys), else none.
agency_match match_agency(std::string_view name, std::string_view province_name_th,
                          const std::vector<directory_agency>& directory);

}  // namespace planflow::text
