# Everyday commands; each one is also documented in README.md.
.PHONY: install test lint bench demo

install:
	python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]'

test:
	.venv/bin/python -m pytest -q

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
	.venv/bin/mypy

bench:
	.venv/bin/python bench/crawl.py
	.venv/bin/python bench/store.py
	.venv/bin/python bench/extract.py
	.venv/bin/python bench/accuracy.py
	.venv/bin/python bench/alert_precision.py
	.venv/bin/python bench/daemon.py
	.venv/bin/python bench/serve.py

demo:
	.venv/bin/evwatch demo
