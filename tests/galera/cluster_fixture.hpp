#pragma once
// What the cluster tests share: one throwaway 3-node Galera cluster for the
// whole program (started by the first test that needs it, stopped by the
// test environment's TearDown even when tests failed), a fixture that heals
// it before each test, and waiting on data instead of on timers.

#include "../support/galera_cluster.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace planflow::test {

using steady = std::chrono::steady_clock;
constexpr int k_nodes = galera_cluster::k_nodes;

inline long long elapsed_ms(steady::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(steady::now() - since).count();
}

// Polls `done` (a read of data, never a timer guess) until it holds or `limit` passes.
template <class Predicate>
bool eventually(Predicate done, std::chrono::seconds limit) {
  const auto deadline = steady::now() + limit;
  while (!done()) {
    if (steady::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

/// Skips when the machine cannot run a cluster (galera-4 or rsync missing),
/// fails when the cluster would not start, and otherwise brings every node
/// back to Synced before the test.
class galera_test : public testing::Test {
 protected:
  void SetUp() override;
  static galera_cluster& cluster();
};

}  // namespace planflow::test
