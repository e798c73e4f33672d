#pragma once
// Wording that marks a defect in a provincial plan's text: the national
// template's words copied in, agency names that name no agency.

#include <optional>
#include <string>
#include <string_view>

namespace planflow::plugins::ethics {

/// The first phrase of `text` that speaks for every province rather than
/// this one, as the national template does ("ทุกอำเภอ ใน ๗๖ จังหวัด …
/// จังหวัดละ ๑๐๐ คน"): a count of 76 or 77 provinces (the number compared as
/// a number, Thai or ASCII digits), "จังหวัดละ" (per province) or
/// "ทุกจังหวัด" (every province); spaces inside ignored. nullopt otherwise.
std::optional<std::string> national_template_phrase(std::string_view text);

/// True for an agency name made only of generic words, which names no
/// particular agency: "สำนักงาน ราชการ" (seed lines 186, 187), "กลุ่มงาน".
/// "ทุกส่วนราชการ", "หน่วยงานที่เกี่ยวข้อง" and "สำนักงานจังหวัด" (the
/// province's own office) are names and stay valid.
bool is_garbled_agency_name(std::string_view name);

}  // namespace planflow::plugins::ethics
