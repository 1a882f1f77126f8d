"""The Textual app: the app, its commands and palette, screens and widgets."""
