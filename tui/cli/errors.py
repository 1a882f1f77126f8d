"""The one kind of error the command line reports: a user error, one line, exit status 2."""

from __future__ import annotations


class UsageError(Exception):
    """A user error (bad option, unknown id, broken story): printed as one line, exit 2."""

    exit_code = 2
