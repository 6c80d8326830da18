# Thin wrapper over CMake (docs/architecture.md, "Build and run").
#   make run    install dependencies, build, run the main job
#   make test   install dependencies, build, run every test
#   make bench  install dependencies, build, run the benchmarks (JSON in build/bench-results/)
#   make fuzz   install dependencies, run every libFuzzer target FUZZ_SECONDS (default 300) each
PRESET := $(if $(CI),ci,release)
BUILD := build
FUZZ_SECONDS ?= 300

.PHONY: deps build run test bench lint fuzz clean

deps:
	bash scripts/install-deps.sh

build: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET)

run: build
	bash scripts/run-main-job.sh $(BUILD)/src/app/dermasim

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j 2
	bash scripts/check-layers.sh
	bash scripts/check-format.sh
	bash scripts/mpi-smoke.sh
	bash scripts/fuzz-smoke.sh

bench: build
	bash scripts/install-deps.sh --bench
	bash scripts/run-benchmarks.sh $(BUILD)

fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_CORPUS=build-fuzz/corpus bash scripts/fuzz.sh

lint: build
	bash scripts/install-deps.sh --lint
	bash scripts/lint.sh $(BUILD)

clean:
	rm -rf $(BUILD) build-fuzz
