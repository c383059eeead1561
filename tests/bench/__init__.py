"""Benchmarks (``make bench``): figures printed next to a baseline from the same run."""
