"""One service per database: a second process on the same file would double every post."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from bot.core.errors import StoreError


class InstanceLockedError(StoreError):
    """Another arrestwatch process holds the database."""


class InstanceLock:
    """An exclusive advisory lock on ``<db>.lock``, held for the life of the process.

    The kernel drops the lock when the process dies (even by kill -9), so a crash never
    leaves a stale lock behind.
    """

    def __init__(self, db_path: str | Path) -> None:
        self.path = Path(f"{db_path}.lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held open while locked)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise InstanceLockedError(
                f"the database {str(self.path)[:-5]} is in use by {holder}; "
                "stop that arrestwatch first, or give this one its own --db"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
