"""Benchmarks: `python -m bench.<name>` prints figures and adds a Markdown row."""
