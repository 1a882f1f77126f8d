"""Screens of the app: the browser, the script, search, help."""
