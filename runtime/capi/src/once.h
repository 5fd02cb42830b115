// libloge (internal): computing a value once, on first read, when several
// threads may read the same handle.
//
// Not std::call_once: glibc's pthread_once makes a futex system call after
// every first run (to wake waiters it does not count), and a host that
// reads one total from each of 10 000 results paid 10 000 system calls,
// more than the evaluations themselves (bench/capi, docs/performance.md).
// Here the first run takes a mutex, which makes no system call unless
// another thread is waiting on it, and later reads only an atomic flag.
#pragma once

#include <atomic>
#include <mutex>

namespace loge::capi {

class Once {
public:
  // Runs `compute` unless a run already completed; if it throws, the next
  // call runs it again (as std::call_once). `lock` serialises the first
  // runs: it may be shared by the Onces of one object, provided no
  // `compute` runs another of them.
  template <typename Compute> void run(std::mutex& lock, Compute&& compute) const {
    if (done_.load(std::memory_order_acquire)) return;
    std::lock_guard<std::mutex> hold(lock);
    if (done_.load(std::memory_order_relaxed)) return;
    compute();
    done_.store(true, std::memory_order_release);
  }

private:
  mutable std::atomic<bool> done_{false};
};

} // namespace loge::capi
