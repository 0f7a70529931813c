// A progress line on standard error for a run that takes over a second.
//
// It is shown only when standard error is a terminal (never in a pipe, a file or CI logs), and
// not when the report is written to standard output on a terminal as the run goes (the two would
// share the screen's lines). It is rewritten in place at most ten times a second, and is erased
// before anything else is printed and when the work ends, so it never mixes with a report or a
// diagnostic. SCALEPOL_PROGRESS=never turns it off; SCALEPOL_PROGRESS=always shows it from the
// start on any stream (for tests).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

namespace scalepol::cli {

class Progress {
 public:
  // `label` says what runs, e.g. "eu_ai_act.policy over models.csv". `report_on_stdout`: the run
  // writes its report to standard output while it works.
  explicit Progress(std::string label, bool report_on_stdout = false);
  ~Progress();  // finish()
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // What is being done now: "reading", "evaluating", "writing".
  void phase(std::string name);
  // Records done so far (from any thread; cheap enough to call once per block).
  void records(std::size_t count) { records_.store(count, std::memory_order_relaxed); }
  // Stops the line and erases it if it was shown. Call before printing anything to stderr.
  void finish();

 private:
  void tick();
  std::string line(double seconds);

  std::string label_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::milliseconds delay_;
  std::atomic<std::size_t> records_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string phase_;
  bool stop_ = false;
  bool shown_ = false;
  std::thread ticker_;
};

}  // namespace scalepol::cli
