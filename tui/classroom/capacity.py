"""How many browser tabs `serve` runs at once by default, from this machine's cores and memory."""

from __future__ import annotations

import os

TAB_MEMORY = 72 * 1024 * 1024
"""What a tab's app process is budgeted (benchmarks/classroom.py: 67-70 MB resident each)."""
TABS_PER_CORE = 12
"""Tabs mostly wait for keys, but each follower spends ~45 ms of a core per move of the class:
at 12 a core the last of them shows a move about 0.5 s after the first."""


def default_max_sessions() -> int:
    """Tabs this machine can run: TABS_PER_CORE per core, and no more than half its available
    memory holds at TAB_MEMORY a tab."""
    cores = os.cpu_count() or 1
    by_memory = available_memory() // 2 // TAB_MEMORY
    return max(2, min(TABS_PER_CORE * cores, by_memory))


def available_memory() -> int:
    """Bytes of memory available (Linux's MemAvailable), or a guess of 2 GiB elsewhere."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 2 * 1024**3
