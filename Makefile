# The two quick-start commands: `make run` and `make test`. Both install what is missing first.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
EU_POLICY := stdlib/regulations/eu_ai_act.policy
EPOCH_DATA := examples/data/epoch_notable_ai_models_2025-05.csv

.PHONY: all setup configure build run test clean

all: build

setup:
	@./scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

# The main job: check the bundled EU AI Act policy, then run it over Epoch AI's model data.
run: build
	./$(BUILD)/scalepol check $(EU_POLICY)
	./$(BUILD)/scalepol run $(EU_POLICY) --models $(EPOCH_DATA)
	@echo "Model data: Epoch AI, \"Notable AI Models\" (https://epoch.ai/data/notable-ai-models), CC BY"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
