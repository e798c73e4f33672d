#pragma once
// Reading the narrative around the plan's tables (issue 14 item 4): the
// national strategy the plan is written under, the ethical standards it
// lists, its vision, missions and goals, how it is carried out and
// monitored, the committee's mandate and reporting duties, budget sources
// and the document's own approval. Only what the document states is read;
// what is not found stays empty (README: "What the importer recognises").

#include "content_model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace planflow::plugins::ethics {

/// Every narrative member the document gives; time linear in its size.
narrative_node scan_narrative(std::string_view text);

// --- Pieces (exposed for the tests) ------------------------------------------

/// The first frequency a cleaned text states, in months (1..60): "ทุก ๖
/// เดือน", "ราย ๓ เดือน", "รอบ ๖ เดือน", "ทุกหกเดือน" (N months; "ทุก ๒ ปี" 24),
/// "ทุกไตรมาส" / "รายไตรมาส" / "ไตรมาสละครั้ง" (3), "ทุกครึ่งปี" (6), "ทุกเดือน" /
/// "รายเดือน" / "เดือนละครั้ง" (1), "ปีละ N ครั้ง" (12 / N), "ทุกปี" / "รายปี" /
/// "ปีละครั้ง" (12). "ทุกๆ" is "ทุก"; "รอบ" only with a count.
std::optional<frequency_info> find_frequency(std::string_view cleaned);

/// The first Thai date of a cleaned text ("วันที่ ๑๕ ตุลาคม ๒๕๖๘",
/// "๑๕ ต.ค. ๖๘"), as an ISO date of the Common Era ("2025-10-15").
std::optional<std::string> find_iso_date(std::string_view cleaned);

/// A paragraph that records the approval of this plan: a meeting (ประชุม,
/// ครั้งที่, มติ or วันที่) that approves (เห็นชอบ) a แผนปฏิบัติการ / แผนฯ /
/// แผนนี้ / แผนดังกล่าว, or in which the plan received approval (ผ่าน /
/// ได้รับความเห็นชอบ) with no national strategy as the subject. The national
/// strategy's own approvals (seed lines 77, 79: "มีมติเห็นชอบร่างยุทธศาสตร์…")
/// are not this plan's.
std::optional<approval_info> read_approval(std::string_view cleaned);

/// "ภายใต้ยุทธศาสตร์ด้าน… (พ.ศ. ๒๕๖๕ - ๒๕๗๐)": the strategy a plan is written
/// under, its name cut before the years.
std::optional<national_strategy_info> read_under_line(std::string_view cleaned);

}  // namespace planflow::plugins::ethics
