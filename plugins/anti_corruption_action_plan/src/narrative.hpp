#pragma once
/// What an anti-corruption action plan says around its tables: the
/// committee that writes it (its mandate and whom it reports to), the
/// national plans it serves (the master plan under the national strategy,
/// the national action plan of the phase, the sub-plan, the province's
/// five-year plan of which this is an annual edition) and the document's
/// own approval. The content keeps it under "narrative"; the importer reads
/// what the document states and nothing else.

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planflow::plugins::anti_corruption {

/// A reporting duty of the committee ("รายงานผลต่อ … เป็นรายไตรมาส").
struct reporting_duty {
  std::string text;             ///< as written
  std::vector<std::string> to;  ///< the bodies reported to, abbreviated ("ศปท.มท.", "ป.ป.ช.", "ป.ป.ท.")
  int every_months = 0;  ///< 3 for รายไตรมาส, 6 for ทุกหกเดือน, 12 for รายปี; 0 when not said
};

/// A national (or the province's multi-year) plan this plan serves.
struct linked_plan {
  std::string scope;                         ///< "master_plan", "national_action_plan", "sub_plan" or "provincial_plan"
  std::string title;                         ///< without the years
  std::optional<int> first_year, last_year;  ///< Buddhist era
};

/// The document's own approval: the meeting that approved it.
struct approval_info {
  std::string body;        ///< who approved, as written
  std::string meeting;     ///< meeting number as written, ASCII digits ("1/2566")
  std::string date;        ///< ISO 8601 (Common Era), "" when not stated
  std::string resolution;  ///< the resolution as written
};

struct narrative_info {
  std::string committee;     ///< the committee's name
  std::string mandate_text;  ///< the sentence introducing its duties (คำสั่งแต่งตั้ง…)
  std::vector<std::string> mandate;  ///< หน้าที่และอำนาจ, one entry per numbered duty
  std::vector<reporting_duty> reporting;
  std::vector<linked_plan> linked_plans;
  std::optional<approval_info> approval;  ///< nullopt when not stated (in JSON: every field empty)

  bool empty() const {
    return committee.empty() && mandate_text.empty() && mandate.empty() && reporting.empty() && linked_plans.empty() &&
           !approval;
  }
};

/// Reads the paragraphs before the first goal, one at a time. Whatever a
/// paragraph is not (a duty, a linked plan, …) is left to the caller.
class narrative_reader {
 public:
  /// True when the paragraph was taken into the narrative.
  bool take(std::string_view paragraph);
  narrative_info& result() { return out_; }

 private:
  enum class state { before, mandate_heading, mandate };
  state state_ = state::before;
  narrative_info out_;
};

/// The reporting duty a mandate entry states, if it states one.
std::optional<reporting_duty> reporting_duty_in(std::string_view duty);

/// A plan named with its years ("แผนแม่บท… (พ.ศ. ๒๕๖๑ - ๒๕๘๐)") when the
/// paragraph is one the plan links to; nullopt otherwise.
std::optional<linked_plan> linked_plan_in(std::string_view paragraph);

/// The JSON form; read_plan (content_model.hpp) reads it back, a missing
/// "narrative" as an empty one (plans written before it was kept).
boost::json::object narrative_json(const narrative_info& n);

}  // namespace planflow::plugins::anti_corruption
