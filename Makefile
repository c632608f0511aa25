# SRE Foundations Workbook. Quick start: `make serve`, `make test`.
# Every target installs what it needs first, and is quiet when it is already there.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# wasm-split-cli cuts the release wasm into per-workspace chunks (scripts/split-wasm.mjs).
WASM_SPLIT_VERSION := 0.2.4
# twiggy lists what takes the wasm's bytes (make wasm-sizes).
TWIGGY_VERSION := 0.8.0
# geckodriver drives Firefox ESR in the WebDriver smoke suite (tests/webdriver/smoke.mjs).
GECKODRIVER_VERSION := 0.37.1
# wasm-bindgen CLI must equal the library version in Cargo.lock, or the build breaks.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, "", $$0); print; exit }' Cargo.lock)
PORT ?= 8080
CARGO_BIN := $(HOME)/.cargo/bin
# node_modules/.bin first: Trunk must find npm's wasm-opt (binaryen 132), never Debian's.
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: help tools browser engines promtool serve dist cli wasm-sizes test test-host test-browser test-size test-e2e bench fmt lint clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{ printf "  make %-13s %s\n", $$1, $$2 }'

tools: node_modules/.package-lock.json ## Install the Rust target, Trunk, wasm-bindgen CLI, wasm-split-cli, zopfli and npm packages
	@command -v zopfli >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends zopfli >/dev/null; }
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown
	@{ cargo clippy --version && cargo fmt --version; } >/dev/null 2>&1 \
		|| rustup component add clippy rustfmt
	@trunk --version 2>/dev/null | grep -q ' $(TRUNK_VERSION)$$' \
		|| cargo install trunk --version $(TRUNK_VERSION) --locked
	@wasm-bindgen --version 2>/dev/null | grep -q ' $(WASM_BINDGEN_VERSION)$$' \
		|| cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION) --force
	@cargo install --list | grep -q '^wasm_split_cli_support v$(WASM_SPLIT_VERSION):' \
		|| cargo install wasm_split_cli_support --version =$(WASM_SPLIT_VERSION) --features build-binary --locked
	@grep -q '^wasm_bindgen = "$(WASM_BINDGEN_VERSION)"$$' Trunk.toml \
		|| { echo "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $(WASM_BINDGEN_VERSION)"; exit 1; }

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

promtool: ## Install Debian's prometheus package for promtool (the rule-file tests check exports with it)
	@command -v promtool >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null; }

browser: ## Install Debian's Chromium, chromedriver and poppler-utils (for the browser and end-to-end tests)
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null; \
	fi

dist: tools browser ## Release build into dist/, deployable on any static host or sub-path
	trunk build --release

cli: ## Build sre-workbook, the command-line workbook, into target/release/ (docs/plans-as-code.md)
	cargo build --release --locked --bin sre-workbook
	@echo "target/release/sre-workbook (or: cargo install --locked --path .)"

engines: ## Install Firefox ESR with geckodriver and WebKitGTK's WebKitWebDriver with xvfb (the WebDriver smoke suite)
	@if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null || ! command -v xauth >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb xauth >/dev/null; \
	fi
	@geckodriver --version 2>/dev/null | grep -q '^geckodriver $(GECKODRIVER_VERSION)' \
		|| cargo install geckodriver --version =$(GECKODRIVER_VERSION) --locked

wasm-sizes: tools browser ## Where the wasm's bytes go: a release build keeping function names (target/dist-names) and twiggy's largest items of the main module
	@twiggy --version 2>/dev/null | grep -q ' $(TWIGGY_VERSION)$$' || cargo install twiggy --version =$(TWIGGY_VERSION) --locked
	WASM_NAMES=1 trunk build --release --dist target/dist-names
	twiggy top -n 40 target/dist-names/wasm-*/sre-workbook_bg.wasm

serve: dist ## Build, then serve the workbook on 127.0.0.1:$(PORT)
	node scripts/serve.mjs --port $(PORT)

test: tools browser engines promtool ## Run every test: lint, host, browser (wasm-bindgen-test), size check, end-to-end (Playwright) and the Firefox and WebKit smoke suite (WebDriver)
	$(MAKE) --no-print-directory lint test-host test-browser test-size test-e2e test-webdriver

test-host: promtool node_modules/.package-lock.json ## Host unit and property tests of the core (promtool on the rule files; node with ajv for Pyrra's CRD)
	cargo test --locked

test-browser: tools browser ## wasm-bindgen-test in headless Chromium (storage; the simulation and the readers of outside input on 32-bit wasm)
	cargo test --locked --target wasm32-unknown-unknown --test browser_storage --test simulation_extremes --test readers_wasm32

test-size: dist ## Fails when opening any workspace (a first visit: Plans) grows past its gzip limit or needs over 8 wasm requests (scripts/size-check.mjs)
	node scripts/size-check.mjs dist

test-e2e: dist browser ## Playwright end-to-end tests against the release build in dist/
	npx playwright test

test-webdriver: dist engines ## The release build in Firefox ESR and WebKitGTK through WebDriver: first visit, workspaces, edit, files, share link (tests/webdriver/smoke.mjs)
	node --test tests/webdriver/smoke.mjs

bench: dist browser ## Measure everything (Criterion, bundle, load, interaction, large plan) into docs/performance.md
	cargo bench --locked --bench scenario --bench replay
	cargo run --locked --quiet --example large_plan -- target/large-plan.json
	node scripts/bench-report.mjs

fmt: ## Format the Rust code
	cargo fmt

lint: tools ## rustfmt and clippy, warnings as errors
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings

clean: ## Remove build output
	cargo clean
	rm -rf dist test-results playwright-report
