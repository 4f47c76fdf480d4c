# Two commands on a fresh machine: `make demo` (install, load samples, chat) and `make test`.
.PHONY: demo test install lint bench
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

bench: install
	.venv/bin/python -m eval.benchmarks.run_all
