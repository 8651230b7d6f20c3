"""Benchmarks: build time and memory (run.py), and the synthetic site they build."""
