"""Thread-safe, once-only caches for the library's shared read-only objects."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Once", "once"]

T = TypeVar("T")


class Once(Generic[T]):
    """A function of no arguments whose result is built at most once, whatever the threads.

    The first caller builds the value under a lock; callers arriving while it
    is built wait for it and get the same object. Unlike
    ``functools.cache``, two threads calling at once never build it twice.
    A build that raises caches nothing: the next call tries again.

    Example:
        >>> calls = []
        >>> @once
        ... def answer() -> int:
        ...     calls.append(1)
        ...     return 42
        >>> answer(), answer(), len(calls), answer.cache_info().currsize
        (42, 42, 1, 1)
    """

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._value: list[T] = []
        self._hits = 0
        functools.update_wrapper(self, build)

    def __call__(self) -> T:
        if self._value:
            self._hits += 1
            return self._value[0]
        with self._lock:
            if not self._value:
                self._value.append(self._build())
            else:
                self._hits += 1
        return self._value[0]

    def cache_info(self) -> functools._CacheInfo:
        """Hits, misses, size 1 and how many values are held (0 or 1), like ``functools.cache``."""
        held = len(self._value)
        return functools._CacheInfo(self._hits, held, 1, held)


def once(build: Callable[[], T]) -> Once[T]:
    """Decorate ``build`` as a `Once`: built once, shared by all threads.

    Example:
        >>> @once
        ... def table() -> dict[str, int]:
        ...     return {"a": 1}
        >>> table() is table()
        True
    """
    return Once(build)
