"""Errors meant for the person at the terminal: printed as one line, exit status 2."""


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""
