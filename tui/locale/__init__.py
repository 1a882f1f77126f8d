"""Localisation: the UI catalogues (one file a language) and CLDR dates and numbers."""
