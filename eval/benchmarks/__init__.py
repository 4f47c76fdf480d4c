"""Speed and reliability benchmarks; each writes JSON to eval/results/."""
