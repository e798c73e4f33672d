// Reports are due and late by the date in Thailand, not by UTC's.
#include <planflow/reports/progress.hpp>

#include <gtest/gtest.h>

#include <chrono>

namespace planflow::test {
namespace {

using namespace std::chrono;

TEST(thai_calendar, today_is_the_date_in_bangkok) {
  // 17:30 UTC on 4 January is 00:30 on 5 January in Bangkok.
  const auto evening_utc = sys_days{year{2024} / January / 4} + hours(17) + minutes(30);
  EXPECT_EQ(reports::today_iso(evening_utc), "2024-01-05");
  // 16:59 UTC is still 23:59 on the 4th there.
  EXPECT_EQ(reports::today_iso(sys_days{year{2024} / January / 4} + hours(16) + minutes(59)), "2024-01-04");
  // The fiscal year turns at Bangkok's midnight on 1 October.
  EXPECT_EQ(reports::today_iso(sys_days{year{2023} / September / 30} + hours(17)), "2023-10-01");
}

}  // namespace
}  // namespace planflow::test
