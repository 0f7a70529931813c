# The two quick-start commands: `make run` and `make test`. Each installs what it is missing first
# (scripts/setup.sh): `make run` only what the library and the `scalepol` program need, and builds
# only those; `make test` adds the test tooling and builds everything.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
EU_POLICY := stdlib/regulations/eu_ai_act.policy
EPOCH_DATA := examples/data/epoch_notable_ai_models_2025-05.csv
# The second tree: everything built again with AddressSanitizer (leaks included) and
# UndefinedBehaviorSanitizer (cmake/sanitizers.cmake); see docs/reliability.md.
ASAN_BUILD ?= build-asan
ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: all setup configure build cli-configure cli run test test-slow asan asan-configure asan-build clean

all: build

setup:
	@./scripts/setup.sh test

# The whole tree: engine, program, tests, benchmarks.
configure: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCALEPOL_BUILD_TESTS=ON -DSCALEPOL_BUILD_BENCH=ON >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The library and the program only. A new tree is configured without tests and benchmarks (their
# packages may not be installed); a tree that `make test` configured keeps them, and only the
# program is built here.
cli-configure:
	@./scripts/setup.sh run
	@if [ -f $(BUILD)/CMakeCache.txt ]; then cmake -S . -B $(BUILD) >/dev/null; \
	else cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCALEPOL_BUILD_TESTS=OFF -DSCALEPOL_BUILD_BENCH=OFF >/dev/null; fi

cli: cli-configure
	@cmake --build $(BUILD) -j $(JOBS) --target scalepol_cli

# The main job: check the bundled EU AI Act policy, then run it over Epoch AI's model data.
run: cli
	./$(BUILD)/scalepol check $(EU_POLICY)
	./$(BUILD)/scalepol run $(EU_POLICY) --models $(EPOCH_DATA)
	@echo "Model data: Epoch AI, \"Notable AI Models\" (https://epoch.ai/data/notable-ai-models), CC BY"

# Every test, then every test again under the sanitizers. Tests labelled `slow` (the 2 GB
# streamed file) are left out: `make test-slow` runs them.
test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE slow
	@$(MAKE) --no-print-directory asan

test-slow: build
	cd $(BUILD) && ctest --output-on-failure -L slow

asan-configure: setup
	@cmake -C cmake/sanitizers.cmake -S . -B $(ASAN_BUILD) >/dev/null

asan-build: asan-configure
	@cmake --build $(ASAN_BUILD) -j $(JOBS)

# The suite under ASan and UBSan: any error report, leak or undefined behaviour fails its test.
# The browser test (label `browser`) is left out: it checks the page in chromium, which the plain
# run already did, and an instrumented build writes the same page.
asan: asan-build
	cd $(ASAN_BUILD) && $(ASAN_ENV) ctest --output-on-failure -j $(JOBS) -LE 'slow|browser'

# libFuzzer targets (tests/fuzz/): the engine built again with clang, -fsanitize=fuzzer,address,
# undefined, in build-fuzz/; each target runs FUZZ_SECONDS on one core (docs/reliability.md).
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	@./scripts/setup.sh fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(JOBS) ./tests/fuzz/run.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
