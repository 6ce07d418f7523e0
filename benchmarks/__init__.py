"""Benchmarks: one module per figure (`python -m benchmarks.NAME`), `benchmarks/run_all` for
the quick set. They print figures and write them to `benchmarks/results/NAME.json`; they are
not tests and assert nothing."""
