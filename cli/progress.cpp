#include "progress.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace scalepol::cli {

namespace {

enum class Mode { Auto, Always, Never };

Mode mode_from_env() {
  const char* value = std::getenv("SCALEPOL_PROGRESS");
  const std::string_view v = value ? value : "";
  if (v == "always") return Mode::Always;
  if (v == "never") return Mode::Never;
  return Mode::Auto;
}

// 1234567 as "1,234,567".
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// A line longer than the terminal wraps, and `\r` then rewrites only its last row: cut it to
// the width (in bytes, which is no wider for the ASCII it mostly is).
void fit_to_terminal(std::string& text) {
  winsize size{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1 && text.size() >= size.ws_col)
    text.resize(size.ws_col - 1);
}

constexpr auto kTick = std::chrono::milliseconds(100);
// Erase the line the cursor is on: carriage return, then ANSI "erase to end of line".
constexpr std::string_view kErase = "\r\x1b[K";

}  // namespace

Progress::Progress(std::string label, bool report_on_stdout)
    : label_(std::move(label)), start_(std::chrono::steady_clock::now()), delay_(std::chrono::seconds(1)) {
  const Mode mode = mode_from_env();
  if (mode == Mode::Never) return;
  if (mode == Mode::Auto && (::isatty(STDERR_FILENO) != 1 || (report_on_stdout && ::isatty(STDOUT_FILENO) == 1)))
    return;
  if (mode == Mode::Always) delay_ = std::chrono::milliseconds(0);
  // The ticker starts with every signal blocked (a thread inherits its creator's mask), so that
  // signals reach the main thread, whose handlers (the report's temporary file) count on it.
  sigset_t all, previous;
  sigfillset(&all);
  ::pthread_sigmask(SIG_SETMASK, &all, &previous);
  ticker_ = std::thread([this] { tick(); });
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

Progress::~Progress() { finish(); }

void Progress::phase(std::string name) {
  std::lock_guard lock(mutex_);
  phase_ = std::move(name);
}

std::string Progress::line(double seconds) {
  std::string text = fmt::format("scalepol: {}", label_);
  if (!phase_.empty()) text += fmt::format(": {}", phase_);
  if (const std::size_t n = records_.load(std::memory_order_relaxed); n > 0)
    text += fmt::format(", {} record{}", grouped(n), n == 1 ? "" : "s");
  text += fmt::format(" ({:.1f} s)", seconds);
  return text;
}

void Progress::tick() {
  std::unique_lock lock(mutex_);
  for (;;) {
    // The first line waits for the delay: a run that ends sooner shows nothing.
    const auto next = shown_ ? std::chrono::steady_clock::now() + kTick : start_ + delay_;
    if (wake_.wait_until(lock, next, [this] { return stop_; })) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string text = line(seconds);
    fit_to_terminal(text);
    std::fprintf(stderr, "%.*s%s", static_cast<int>(kErase.size()), kErase.data(), text.c_str());
    std::fflush(stderr);
    shown_ = true;
  }
}

void Progress::finish() {
  if (!ticker_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  ticker_.join();
  if (shown_) {
    std::fprintf(stderr, "%.*s", static_cast<int>(kErase.size()), kErase.data());
    std::fflush(stderr);
  }
}

}  // namespace scalepol::cli
