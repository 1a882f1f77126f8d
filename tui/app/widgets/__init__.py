"""The panes of the browser."""
