"""The cyclic garbage collector paused while many new objects, none in a cycle, are made."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block (reference counting goes on).

    Building hundreds of thousands of objects (places, cells, sets of places)
    sets off the collector's full passes over everything alive, again and
    again, to find no cycle: a tenth of a large rollup's time. The collector
    is enabled again on leaving the block if it was enabled on entering it
    (a cycle made inside is collected later, as usual). The collector is the
    process's: other threads go without it meanwhile, and two threads in such
    blocks at once may end the pause early (only speed depends on it).

    Example:
        >>> import gc
        >>> with gc_paused():
        ...     inside = gc.isenabled()
        >>> inside, gc.isenabled()
        (False, True)
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
