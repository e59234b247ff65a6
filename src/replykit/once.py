"""Load-once values shared between threads: the packaged model, the compiled lexicon, the default checker."""

from __future__ import annotations

import contextlib
import functools
import threading
from typing import Callable, Generic, Iterator, TypeVar

T = TypeVar("T")


class Once(Generic[T]):
    """``make()`` called on first use and never again, even when threads ask at the same time (a plain
    ``functools.cache`` may call it twice and hand out two objects); a failure is raised to the caller
    and retried on the next call."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self._lock = threading.Lock()
        self._value: T | None = None
        functools.update_wrapper(self, make)

    def __call__(self) -> T:
        value = self._value
        if value is None:
            with self._lock:
                value = self._value
                if value is None:
                    value = self._value = self._make()
        return value

    @contextlib.contextmanager
    def replaced(self, value: T) -> Iterator[None]:
        """Within the block every call returns ``value`` instead (the evaluation tools plug in a model trained
        without the round they score); the value held before comes back after, loaded or not."""
        with self._lock:
            held, self._value = self._value, value
        try:
            yield
        finally:
            with self._lock:
                self._value = held


def once(make: Callable[[], T]) -> Once[T]:
    """Decorator form of :class:`Once` for a function of no arguments."""
    return Once(make)
