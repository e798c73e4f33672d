#pragma once
// Client threads of a load test that must be stopped and joined however the
// test ends: a failed ASSERT returns early, and a joinable std::thread
// destroyed unjoined ends the program.

#include <atomic>
#include <thread>
#include <vector>

namespace planflow::test {

struct join_on_exit {
  std::atomic<bool>& stop;
  std::vector<std::thread>& threads;
  ~join_on_exit() {
    stop = true;
    for (auto& t : threads) {
      if (t.joinable()) t.join();
    }
  }
};

}  // namespace planflow::test
