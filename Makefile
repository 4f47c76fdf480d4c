# Two commands on a fresh machine: `make demo` (install, load samples, chat) and `make test`.
.PHONY: demo test install lint bench bench-full
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

install:
	@bash scripts/bootstrap.sh

demo: install
	@bash scripts/demo.sh

test: install
	@bash scripts/test.sh

lint: install
	.venv/bin/ruff check .
	.venv/bin/lint-imports

# About 30 minutes on 2 cores; writes eval/results/*.json, summary.md/.png and the README's Benchmarks table.
bench: install
	.venv/bin/python -m eval.benchmarks.run_all

# Also rebuilds the 10k/100k-chunk MiniLM indexes (about 45 minutes more).
bench-full: install
	.venv/bin/python -m eval.benchmarks.run_all --full
