# Entry points. `make run` and `make test` do all set-up first (once; later
# runs skip it). See README.md.
PORT ?= 8080
# 0.0.0.0 serves to the local network too (a workshop's phones).
HOST ?= 127.0.0.1
SHELL := /bin/bash

.PHONY: run test setup dist size audit bench fuzz test-host test-web test-e2e golden fixtures mutants clean

run: setup
	@. scripts/env.sh && wasm_env trunk serve --locked --address "$(HOST)" --port "$(PORT)"

test: setup
	@bash scripts/test.sh

setup:
	@bash scripts/setup.sh

test-host: setup
	@bash scripts/test.sh host

test-web: setup
	@bash scripts/test.sh web

test-e2e: setup
	@bash scripts/test.sh e2e

dist: setup
	@bash scripts/build.sh

size: dist
	@bash scripts/size.sh

# Lighthouse and axe-core figures for the release build (not part of test).
audit: dist
	@. scripts/env.sh && node scripts/audit.mjs

bench: setup
	@bash scripts/bench.sh

fuzz: setup
	@bash scripts/fuzz.sh $(FUZZ_SECONDS)

# Test tooling run by hand, never by `make test`: rewrite the golden
# results after an intended model change (read the diff), write missing
# link fixtures (existing ones are frozen), mutation-test the model.
golden:
	@. scripts/env.sh && CARGO_TARGET_DIR="$$HOST_TARGET_DIR" cargo run --locked --quiet --example regenerate-golden

fixtures:
	@. scripts/env.sh && CARGO_TARGET_DIR="$$HOST_TARGET_DIR" cargo run --locked --quiet --example write-fixtures

mutants:
	@bash scripts/mutants.sh $(FILES)

clean:
	rm -rf target dist
