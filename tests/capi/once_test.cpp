// libloge's Once (runtime/capi/src/once.h): the lazily built parts of a
// result rely on it being run exactly once, by any number of readers, and
// run again after a throw. Built with the thread test, so ThreadSanitizer
// checks it too.
#include "../../runtime/capi/src/once.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

namespace {

TEST(Once, RunsOnceWhateverTheNumberOfReaders) {
  loge::capi::Once once;
  std::mutex lock;
  int runs = 0;
  std::vector<std::thread> readers;
  for (int t = 0; t < 8; ++t)
    readers.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) once.run(lock, [&] { ++runs; });
    });
  for (std::thread& r : readers) r.join();
  EXPECT_EQ(runs, 1);
}

TEST(Once, RunsAgainAfterAThrow) {
  loge::capi::Once once;
  std::mutex lock;
  int runs = 0;
  EXPECT_THROW(once.run(lock,
                        [&] {
                          ++runs;
                          throw std::runtime_error("échec");
                        }),
               std::runtime_error);
  once.run(lock, [&] { ++runs; });
  once.run(lock, [&] { ++runs; });
  EXPECT_EQ(runs, 2);
}

TEST(Once, OneLockServesSeveral) {
  loge::capi::Once a, b;
  std::mutex lock;
  int ra = 0, rb = 0;
  a.run(lock, [&] { ++ra; });
  b.run(lock, [&] { ++rb; });
  a.run(lock, [&] { ++ra; });
  EXPECT_EQ(ra, 1);
  EXPECT_EQ(rb, 1);
}

} // namespace
