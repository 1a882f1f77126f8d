"""`python -m tui ...` runs the same command line as `openai-saga ...` (used by `serve`)."""

from tui.cli.main import main

main()
