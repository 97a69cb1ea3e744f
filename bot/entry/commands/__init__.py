"""The library behind the command line: one function per command.

Each function takes plain values (paths, a store, settings), does the work and returns
data, raising the project's errors (bot/core/errors.py) when it cannot; bot/entry/cli.py parses the
arguments, calls it, prints the result and turns an error into its exit code. The same
functions can be called from tests and scripts without a terminal.
"""
