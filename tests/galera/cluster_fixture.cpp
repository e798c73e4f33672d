#include "cluster_fixture.hpp"

#include <iostream>
#include <memory>
#include <string>

namespace planflow::test {
namespace {

struct shared_cluster {
  std::unique_ptr<galera_cluster> cluster;
  std::string skip_reason;
  std::string start_failure;
  bool tried = false;
};
shared_cluster& shared() {
  static shared_cluster instance;
  return instance;
}

class cluster_environment : public testing::Environment {
 public:
  void TearDown() override {
    if (!shared().cluster) return;
    const auto began = steady::now();
    shared().cluster.reset();
    std::cout << "[ measure ] cluster stopped (nodes 3, 2, 1) in " << elapsed_ms(began) << " ms" << std::endl;
  }
};
[[maybe_unused]] const auto* const k_environment = testing::AddGlobalTestEnvironment(new cluster_environment);

}  // namespace

void galera_test::SetUp() {
  auto& s = shared();
  if (!s.tried) {
    s.tried = true;
    s.skip_reason = galera_cluster::unavailable_reason();
    if (s.skip_reason.empty()) {
      try {
        s.cluster = std::make_unique<galera_cluster>();
        std::cout << "[ measure ] 3 nodes synced in " << s.cluster->start_time().count() << " ms (ports from "
                  << s.cluster->base_port() << ")" << std::endl;
      } catch (const std::exception& e) {
        s.start_failure = e.what();
      }
    }
  }
  if (!s.skip_reason.empty()) GTEST_SKIP() << "no Galera cluster here: " << s.skip_reason;
  ASSERT_TRUE(s.cluster) << "the cluster did not start: " << s.start_failure;
  // A test that failed half-way may have left a node down or cut off.
  cluster().heal();
}

galera_cluster& galera_test::cluster() { return *shared().cluster; }

}  // namespace planflow::test
