#pragma once
// The public-sector ethics strategy 2565–2570 BE (ยุทธศาสตร์ด้านมาตรฐานทาง
// จริยธรรมและการส่งเสริมจริยธรรมภาครัฐ, approved by the Cabinet on 5 April 2565):
// every provincial ethics promotion plan is organised under its five
// strategies, so they are fixed here rather than read from each document.

#include <span>
#include <string>
#include <string_view>

namespace planflow::plugins::ethics {

struct master_strategy {
  int number;
  std::string_view title_th;  ///< as the plans state it (seed 002, section ๒.๓)
  std::string_view title_en;
};

/// The five strategies, numbers 1..5 in order.
std::span<const master_strategy> master_strategies();

/// The strategy numbered `number`, or nullptr outside 1..5.
const master_strategy* find_master_strategy(int number);

/// The five-year span of the provincial plans written under the strategy.
inline constexpr int k_plan_first_year = 2566;
inline constexpr int k_plan_last_year = 2570;

/// A title reduced to what a reader compares: clean_cell, no spaces, one
/// spelling of the dash, ASCII digits and no trailing "(ต่อ)" (continued).
std::string normalized_title(std::string_view title);

/// True when two titles read the same once normalized.
bool same_title(std::string_view a, std::string_view b);

}  // namespace planflow::plugins::ethics
