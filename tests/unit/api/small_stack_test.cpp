// The stack docs/embedding.md promises a host thread is enough: every phase (compile, lint,
// format, the three evaluation paths, explain, the HTML report, a policy's tests) runs on a
// thread with that stack, on policies at the limit of each kind of nesting. One level more is
// refused with a diagnostic, tested beside it.
#include "test_support.hpp"

#include <pthread.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <unistd.h>

using namespace scalepol;
using namespace scalepol::testing;
namespace fs = std::filesystem;

namespace {

// The promise (docs/embedding.md, "Limits"). Sanitizers make every frame several times larger,
// so their build checks the same walks on a proportionally larger stack.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kSanitizerFactor = 8;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr std::size_t kSanitizerFactor = 8;
#else
constexpr std::size_t kSanitizerFactor = 1;
#endif
#else
constexpr std::size_t kSanitizerFactor = 1;
#endif
constexpr std::size_t kPromisedStack = 512u << 10;

// Runs `work` on a new thread with `stack` bytes of stack and waits for it.
void on_stack(std::size_t stack, const std::function<void()>& work) {
  pthread_attr_t attr;
  REQUIRE(pthread_attr_init(&attr) == 0);
  REQUIRE(pthread_attr_setstacksize(&attr, stack) == 0);
  pthread_t thread;
  auto* job = new std::function<void()>(work);
  const int made = pthread_create(
      &thread, &attr,
      [](void* arg) -> void* {
        std::unique_ptr<std::function<void()>> f(static_cast<std::function<void()>*>(arg));
        (*f)();
        return nullptr;
      },
      job);
  pthread_attr_destroy(&attr);
  REQUIRE(made == 0);
  pthread_join(thread, nullptr);
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const std::string kHead =
    "import std.model\n"
    "reference r = frontier at 2024-01-01\n";

// The policies at the limit of each kind of nesting: a bracket, a prefix operator, `@`, brackets
// and `@` together, and a chain of rules that read each other. The nested expressions are
// definitions, outside any block: a block's `{` is a level too (tests/unit/syntax/test_limits.cpp).
std::vector<std::pair<std::string, std::string>> at_the_limit() {
  const std::string reader = "trigger t { when d > 1e25 FLOP }\n";
  std::vector<std::pair<std::string, std::string>> out;
  out.push_back({"200 brackets", kHead + "define d = " + repeat("(training_compute + ", 200) + "training_compute" +
                                     repeat(")", 200) + "\n" + reader});
  out.push_back({"200 `not`", kHead + "define d = " + repeat("not ", 200) + "training_compute > 1e25 FLOP\n" +
                                  "trigger t { when d }\n"});
  out.push_back({"200 signs", kHead + "define d = " + repeat("- ", 200) + "training_compute\n" + reader});
  out.push_back({"200 `@`", kHead + "define d = training_compute" + repeat("@r", 200) + "\n" + reader});
  out.push_back({"150 brackets, then 50 `@`", kHead + "define d = " + repeat("(", 150) + "training_compute" +
                                                  repeat(")", 150) + repeat("@r", 50) + "\n" + reader});
  // d0 reaches 1 level; each define one more; the trigger reads d497 two levels down: 500.
  std::string chain = kHead + "define d0 = training_compute\n";
  for (int i = 1; i <= 497; ++i) chain += "define d" + std::to_string(i) + " = d" + std::to_string(i - 1) + "\n";
  out.push_back({"a chain of rules 500 levels deep", chain + "trigger t { when d497 > 1e25 FLOP }\n"});
  return out;
}

struct TempCsv {
  fs::path path;
  explicit TempCsv(const std::string& text) {
    path = fs::temp_directory_path() /
           ("scalepol-stack-" + std::to_string(::getpid()) + "-" +
            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".csv");
    std::ofstream(path) << text;
  }
  ~TempCsv() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

const char* kCsv =
    "model,training_compute,released\n"
    "A,3e25,2023-06-01\n"
    "B,2e24,2024-03-01\n"
    "C,,2024-05-01\n";

// Every phase of the pipeline on `text`, each checked for its result; runs on the caller's stack.
void whole_pipeline(const std::string& text, std::vector<std::string>& failures) {
  auto fail = [&](const std::string& what) { failures.push_back(what); };
  auto policy = compile_source(text, "limit.policy");
  if (!policy) return fail("compile: " + render_text(policy.error()));
  (void)lint(*policy);
  if (!format_source(text, "limit.policy")) fail("format");
  TempCsv csv(kCsv);
  auto records = load_records(csv.path.string(), *policy);
  if (!records) return fail("load: " + render_text(records.error()));
  auto report = policy->evaluate(*records);
  if (!report) return fail("evaluate");
  if (report->results.size() != 3) fail("evaluate: not 3 models");
  if (!evaluate_table(*policy, *records)) fail("evaluate_table");
  std::ostringstream lines;
  if (!run_jsonl(*policy, csv.path.string(), lines)) fail("run_jsonl");
  for (const char* model : {"A", "B", "C"}) {
    auto e = explain(*policy, *records, model);
    if (!e) fail(std::string("explain ") + model);
    else if (render_explanation_text(*e).empty()) fail(std::string("explain text ") + model);
  }
  if (!render_report_html(*report, *policy, *records)) fail("html");
  (void)policy->run_tests();
}

}  // namespace

TEST_CASE("every phase runs at the limit of each kind of nesting on the stack the docs promise") {
  for (const auto& [what, text] : at_the_limit()) {
    CAPTURE(what);
    std::vector<std::string> failures;
    on_stack(kPromisedStack * kSanitizerFactor, [&] { whole_pipeline(text, failures); });
    CHECK(failures.empty());
    for (const auto& f : failures) MESSAGE(f);
  }
}

TEST_CASE("one level past each limit is refused with a diagnostic, not a deeper walk") {
  const std::vector<std::pair<std::string, std::string>> past = {
      {"nesting-too-deep", kHead + "define d = " + repeat("(training_compute + ", 201) + "training_compute" +
                               repeat(")", 201) + "\n"},
      {"nesting-too-deep", kHead + "define d = " + repeat("not ", 201) + "training_compute > 1e25 FLOP\n"},
      {"nesting-too-deep", kHead + "define d = " + repeat("- ", 201) + "training_compute\n"},
      {"nesting-too-deep", kHead + "define d = training_compute" + repeat("@r", 201) + "\n"},
      {"nesting-too-deep", kHead + "define d = " + repeat("(", 150) + "training_compute" + repeat(")", 150) +
                               repeat("@r", 51) + "\n"},
      {"rule-chain-too-deep", [] {
         std::string chain = kHead + "define d0 = training_compute\n";
         for (int i = 1; i <= 498; ++i) chain += "define d" + std::to_string(i) + " = d" + std::to_string(i - 1) + "\n";
         return chain + "trigger t { when d498 > 1e25 FLOP }\n";
       }()},
  };
  for (const auto& [code, text] : past) {
    CAPTURE(code);
    std::optional<Diagnostics> errors;
    on_stack(kPromisedStack * kSanitizerFactor, [&] {
      auto p = compile_source(text, "past.policy");
      if (!p) errors = p.error();
    });
    REQUIRE(errors.has_value());
    CHECK(find_code(*errors, code) != nullptr);
  }
}

TEST_CASE("a chain of 20,000 definitions written last to first is refused without recursing through it") {
  std::string text = kHead + "trigger t { when d20000 > 1e25 FLOP }\n";
  for (int i = 20000; i >= 1; --i) text += "define d" + std::to_string(i) + " = d" + std::to_string(i - 1) + "\n";
  text += "define d0 = training_compute\n";
  std::optional<Diagnostics> errors;
  on_stack(kPromisedStack * kSanitizerFactor, [&] {
    auto p = compile_source(text, "chain.policy");
    if (!p) errors = p.error();
  });
  REQUIRE(errors.has_value());
  const Diagnostic* d = find_code(*errors, "rule-chain-too-deep");
  REQUIRE(d != nullptr);
  CHECK(d->message.find("at most 500") != std::string::npos);
}
