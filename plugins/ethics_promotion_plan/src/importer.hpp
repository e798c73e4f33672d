#pragma once
// Importing an ethics promotion plan exported from a word processor.

#include <planflow/plugin/plan_type.hpp>

#include <string_view>

namespace planflow::plugins::ethics {

/// Reads the plan's frame (title, span, fiscal year, province) and every
/// table headed เป้าหมาย | ตัวชี้วัด | กลยุทธ์ | แผนการดำเนินงาน | หน่วยงาน (หลัก,
/// สนับสนุน) | งบประมาณ | หน่วยนับ | ค่าเป้าหมาย (one column per year) under
/// the "ยุทธศาสตร์ที่ N" heading before it. Rows continued after a page break
/// or on a line of their own are joined to the row above; what can be
/// repaired is repaired and reported, what cannot is kept verbatim and
/// reported. The findings end with a validation of the result.
///
/// Never throws and never reads outside the input, whatever it holds; time
/// and memory are linear in its size.
plugin::import_result import_plan(std::string_view document_text, const plugin::plan_context& ctx);

}  // namespace planflow::plugins::ethics
