"""The dashboard's memory of its slowest pages: an entity page is built once and served again
until the database changes (new figures, a reparse, a rejection, a dispatch: any commit), then
built afresh. Keyed by the read-only database's generation (``ReadOnlyDatabase.generation``);
where the database cannot say that cheaply, nothing is kept."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")
PAGES_KEPT = 8  # the newest pages asked for; a big entity page is a few MB in memory


class PageCache(Generic[T]):
    """At most ``size`` values, each kept with the generation it was built in."""

    def __init__(self, generation: Callable[[], int | None], size: int = PAGES_KEPT) -> None:
        self._generation = generation
        self._size = size
        self._kept: OrderedDict[Hashable, tuple[int, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> tuple[T, bool]:
        """The value of ``key``, and whether it was kept: built by ``build`` when the database
        changed since it was built. The generation is asked before building, so a value is
        never kept under a generation newer than what it read."""
        generation = self._generation()
        if generation is None:
            return build(), False
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and kept[0] == generation:
                self._kept.move_to_end(key)
                return kept[1], True
        value = build()
        with self._lock:
            self._kept[key] = (generation, value)
            self._kept.move_to_end(key)
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return value, False
