#pragma once
// Recognising province names in plan text.

#include <planflow/plugin/plan_type.hpp>

#include <string_view>
#include <vector>

namespace planflow::plugins::ethics {

/// The provinces `text` names where an agency's or a place's province
/// stands: right after "จังหวัด" or "จ." (spaces ignored, as the seeds write
/// "สำนักงาน จังหวัด นครราชสีมา"). Bare names are not read: several are
/// everyday words (เลย, แพร่ in เผยแพร่, ตาก). Each province once.
std::vector<const plugin::province_name*> provinces_named(std::string_view text,
                                                          const std::vector<plugin::province_name>& provinces);

/// The province with ISO code `code`, or nullptr.
const plugin::province_name* province_by_code(const std::vector<plugin::province_name>& provinces,
                                              std::string_view code);

}  // namespace planflow::plugins::ethics
