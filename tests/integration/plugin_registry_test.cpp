// Loading plan-type plugins from a directory with Boost.DLL.
#include <planflow/plugin/registry.hpp>

#include <gtest/gtest.h>

#include <filesystem>

namespace planflow::plugin {
namespace {

TEST(plugin_registry, loads_good_plugins_and_refuses_the_others_with_a_reason) {
  registry r;
  auto outcomes = r.load_directory(PLANFLOW_TEST_PLUGIN_DIR);
  ASSERT_EQ(outcomes.size(), 3u);
  std::map<std::string, load_outcome> by_file;
  for (const auto& o : outcomes) by_file[o.file] = o;
  EXPECT_TRUE(by_file["simple_plan.so"].loaded);
  EXPECT_EQ(by_file["simple_plan.so"].plan_type, "simple_plan");
  EXPECT_FALSE(by_file["wrong_abi.so"].loaded);
  const auto abi = plugin::k_abi_version;
  EXPECT_NE(by_file["wrong_abi.so"].reason.find("built for plugin ABI " + std::to_string(abi + 1) +
                                                ", this server speaks ABI " + std::to_string(abi)),
            std::string::npos)
      << by_file["wrong_abi.so"].reason;
  EXPECT_FALSE(by_file["not_a_plugin.so"].loaded);
  EXPECT_NE(by_file["not_a_plugin.so"].reason.find("not a planflow plugin"), std::string::npos);
  ASSERT_NE(r.find("simple_plan"), nullptr);
  EXPECT_EQ(r.find("simple_plan")->name_th(), "แผนทดสอบ");
  EXPECT_EQ(r.all().size(), 1u);
}

TEST(plugin_registry, a_plan_type_loads_only_once) {
  registry r;
  r.load_directory(PLANFLOW_TEST_PLUGIN_DIR);
  auto again = r.load_directory(PLANFLOW_TEST_PLUGIN_DIR);
  auto simple = std::ranges::find_if(again, [](const load_outcome& o) { return o.file == "simple_plan.so"; });
  ASSERT_NE(simple, again.end());
  EXPECT_FALSE(simple->loaded);
  EXPECT_EQ(r.all().size(), 1u);
}

TEST(plugin_registry, detects_a_document_type_by_confidence) {
  registry r;
  r.load_directory(PLANFLOW_TEST_PLUGIN_DIR);
  EXPECT_NE(r.detect("SIMPLE PLAN for testing"), nullptr);
  EXPECT_EQ(r.detect("a document no plugin recognises"), nullptr);
}

TEST(plugin_registry, a_missing_directory_loads_nothing_without_throwing) {
  registry r;
  EXPECT_TRUE(r.load_directory("/nonexistent/planflow/plugins").empty());
  EXPECT_TRUE(r.all().empty());
}

TEST(plugin_registry, the_real_plugins_all_load) {
  registry r;
  for (const auto& o : r.load_directory(PLANFLOW_PLUGIN_DIR)) EXPECT_TRUE(o.loaded) << o.file << ": " << o.reason;
}

}  // namespace
}  // namespace planflow::plugin
