"""Speed benchmarks of openai-saga against a bare Textual app: `python benchmarks/run.py`.

Not installed with the app; the tests import it from the repository (tests/test_benchmarks.py).
"""
