"""How many browser tabs `serve` runs at once by default, from this machine's cores and memory."""

from __future__ import annotations

import os

TAB_MEMORY = 64 * 1024 * 1024
"""What a tab's app process is budgeted (measured: ~53 MB each)."""
TABS_PER_CORE = 12
"""Tabs mostly wait for keys; starting one costs ~0.3 s of a core."""


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
