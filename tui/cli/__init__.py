"""The command line: options, where the app opens, saved state, validate, export and serve."""
