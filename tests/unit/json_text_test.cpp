#include <planflow/util/json_parse.hpp>
#include <planflow/util/json_text.hpp>
#include <planflow/util/json_util.hpp>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

namespace planflow {
namespace {

namespace json = boost::json;

std::string text_of(const json::value& v) { return json_text(v); }

// The amount as an accountant writes it, from the integer alone.
std::string decimal_baht(std::int64_t satang) {
  std::string out = std::to_string(satang / 100);
  auto cents = satang % 100;
  if (cents != 0) out += "." + std::to_string(cents / 10) + (cents % 10 ? std::to_string(cents % 10) : "");
  return out;
}

TEST(json_text, doubles_without_exponent) {
  EXPECT_EQ(text_of(3.05e4), "30500.0");  // Boost writes 3.05E4
  EXPECT_EQ(text_of(5e1), "50.0");        // and 5E1
  EXPECT_EQ(text_of(2500.5), "2500.5");
  EXPECT_EQ(text_of(0.25), "0.25");
  EXPECT_EQ(text_of(-12.75), "-12.75");
  EXPECT_EQ(text_of(0.0), "0.0");
  EXPECT_EQ(text_of(-0.0), "-0.0");
  EXPECT_EQ(text_of(1e9), "1000000000.0");
  EXPECT_EQ(text_of(9.95173340781247e18), "9951733407812470784.0");  // beyond int64: still a double
  EXPECT_EQ(text_of(999999999999.99), "999999999999.99");
  EXPECT_EQ(text_of(0.000001), "0.000001");
  EXPECT_EQ(text_of(123456789012345678901.0 / 1000), "123456789012345680.0");
  // A double that is not the decimal it was meant to be is written as it is:
  // the reason amounts are made from satang (below), never summed as baht.
  EXPECT_EQ(text_of(0.1 + 0.2), "0.30000000000000004");
}

TEST(json_text, extreme_magnitudes_keep_an_exponent_and_read_back) {
  for (double d : {1e21, 1e300, 1e-7, 5e-324, -2.5e-10, std::numeric_limits<double>::max()}) {
    auto text = text_of(d);
    EXPECT_NE(text.find('e'), std::string::npos) << text;
    auto back = parse_json(text);
    ASSERT_FALSE(back.error) << text;
    EXPECT_EQ(back.value.as_double(), d) << text;
  }
  EXPECT_EQ(text_of(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(text_of(std::numeric_limits<double>::quiet_NaN()), "null");
}

TEST(json_text, every_double_reads_back_to_itself) {
  std::mt19937_64 random(13);
  std::uniform_real_distribution<double> exponent(-8, 22);
  for (int i = 0; i < 20000; ++i) {
    double d = std::pow(10.0, exponent(random)) * (i % 2 ? 1 : -1);
    auto text = text_of(d);
    auto back = parse_json(text);
    ASSERT_FALSE(back.error) << text;
    ASSERT_TRUE(back.value.is_double()) << text;  // a double is never read back as an integer
    ASSERT_EQ(back.value.get_double(), d) << text;
  }
}

TEST(json_text, everything_else_as_boost_writes_it) {
  json::value v = json::parse(R"({"b":[1,-2,18446744073709551615,true,null],"a":"ไทย \"q\"\n","c":{}})");
  EXPECT_EQ(text_of(v), R"({"b":[1,-2,18446744073709551615,true,null],"a":"ไทย \"q\"\n","c":{}})");
  EXPECT_EQ(text_of(json::value{{"budget_baht", 30500.0}, {"percent", 12.5}}),
            R"({"budget_baht":30500.0,"percent":12.5})");
  EXPECT_EQ(text_of(json::value{{"percent", 100.0}, {"complete", 50}, {"share", 0.5}}),
            R"({"percent":100.0,"complete":50,"share":0.5})");
}

TEST(baht_json, whole_amounts_are_integers_and_satang_exact_decimals) {
  EXPECT_EQ(baht_json(3050000), json::value(30500));
  EXPECT_TRUE(baht_json(3050000).is_int64());
  EXPECT_EQ(text_of(baht_json(3050000)), "30500");
  EXPECT_EQ(text_of(baht_json(250050)), "2500.5");
  EXPECT_EQ(text_of(baht_json(250005)), "2500.05");
  EXPECT_EQ(text_of(baht_json(0)), "0");
  EXPECT_EQ(text_of(baht_json(1)), "0.01");
  // 0.10 + 0.20 baht summed as satang: 0.3, not 0.30000000000000004.
  EXPECT_EQ(text_of(baht_json(10 + 20)), "0.3");
  EXPECT_EQ(text_of(baht_json(100'000'000'000)), "1000000000");  // 1e9 baht
  EXPECT_EQ(text_of(baht_json(100'000'000'001)), "1000000000.01");
  EXPECT_EQ(text_of(baht_json(99'999'999'999'999)), "999999999999.99");  // the content limit
  EXPECT_EQ(text_of(baht_json(-5)), "-0.05");
  EXPECT_EQ(text_of(baht_json(-3050050)), "-30500.5");
  EXPECT_EQ(text_of(baht_json(1'000'000'000'000'000)), "10000000000000");  // 10^13 baht
  EXPECT_EQ(text_of(baht_json(999'999'999'999'901)), "9999999999999.01");
}

TEST(baht_json, exact_for_every_amount_below_seventy_trillion_baht) {
  std::mt19937_64 random(2567);
  for (std::int64_t bound :
       {std::int64_t{100'000}, std::int64_t{100'000'000'000'000}, std::int64_t{7'000'000'000'000'000}}) {
    std::uniform_int_distribution<std::int64_t> amount(0, bound);
    for (int i = 0; i < 20000; ++i) {
      auto satang = amount(random);
      ASSERT_EQ(text_of(baht_json(satang)), decimal_baht(satang)) << satang;
    }
  }
}

}  // namespace
}  // namespace planflow
