#pragma once
// Recognising an anti-corruption action plan among imported documents.

#include <string_view>

namespace planflow::plugins::anti_corruption {

/// 0..1. At least 0.5 only when the document names the provincial action
/// plan ("แผนปฏิบัติการขับเคลื่อนระดับจังหวัด") and anti-corruption
/// ("ต่อต้านการทุจริต"); the seven-column activity table, the committee's
/// name and goal/indicator headings raise the score.
double detect_score(std::string_view document_text);

/// Whether a table row is the activity table's header: at least six of the
/// seven column names (ลักษณะสำคัญของงาน … หน่วยงานรับผิดชอบ).
bool is_activity_table_header(std::string_view line);

}  // namespace planflow::plugins::anti_corruption
