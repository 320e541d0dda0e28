"""Process trees read from /proc: every process below a pid, and SIGKILL to all of them at once.
Shared by the daemon tests and the kill-run benchmark."""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path


def process_tree(pid: int) -> list[int]:
    """``pid`` and every process below it (from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo.extend(children.get(current, []))
    return tree


def kill_tree(pid: int) -> None:
    """SIGKILL to ``pid`` and every process below it (those already gone are skipped)."""
    for member in process_tree(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(member, signal.SIGKILL)
