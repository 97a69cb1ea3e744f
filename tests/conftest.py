"""Shared pytest set-up: each local stand-in lives in its own plugin module."""

pytest_plugins = ["tests.support.botapi", "tests.support.webserver", "tests.support.postgres"]
