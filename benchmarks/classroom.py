"""Benchmark of a served class: follow delay and memory with 10 and 30 student tabs.

    python benchmarks/classroom.py [--students 10,30] [--moves 20]

Starts `openai-saga serve --class`, opens N student tabs over their WebSockets (as a browser
page does: each is its own app process following the hub), leads the class through the hub
with the teacher's token, and times each move from the teacher's message to the moment each
tab's screen shows the new event's headline. Memory is the resident size of the server and
all its tab processes. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import aiohttp  # noqa: E402

from openai_saga_assets import STORY_DIR  # noqa: E402
from story import load_story  # noqa: E402
from tests.serving import Tab, open_tab, served  # noqa: E402
from tui.view.selection import Selection  # noqa: E402

SIZE = (160, 40)


def tree(root: int) -> list[int]:
    """A process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack += children.get(pid, [])
    return found


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants."""
    total = 0
    for pid in tree(root):
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def tree_cpu(root: int) -> float:
    """CPU seconds (user + system) used so far by a process and its descendants."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in tree(root):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return total / ticks


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def wait_all(tabs: list[Tab], text: str, began: float) -> list[float]:
    """Seconds until each tab shows `text`."""

    async def one(tab: Tab) -> float:
        await tab.read_until(text, timeout=60)
        return time.perf_counter() - began

    return list(await asyncio.gather(*(one(tab) for tab in tabs)))


async def run_class(students: int, moves: int) -> None:
    saga = load_story(STORY_DIR)
    # Events whose English headline fits on one line of the presenter view.
    events = [event for event in saga.events if 12 <= len(event.title("en")) <= 60][: moves + 1]
    with served(
        "--class", "--max-sessions", str(students + 2), "--max-students", str(students + 5)
    ) as server:
        teacher_line = server.line_with("teacher:")
        token = teacher_line.split("/teacher/")[1].split()[0]
        async with aiohttp.ClientSession() as session:
            began = time.perf_counter()
            tabs = [await open_tab(session, server.origin, size=SIZE) for _ in range(students)]
            await asyncio.gather(*(tab.read_until("Saga", timeout=120) for tab in tabs))
            opened = time.perf_counter() - began
            await asyncio.sleep(2)  # let every follower reach the hub
            hub = await session.ws_connect(server.origin.replace("http", "ws") + "/class/ws")
            await hub.send_json({"type": "hello", "role": "lead", "token": token})
            delays: list[float] = []
            cpu_before = tree_cpu(server.process.pid)
            for event in events:
                selection = Selection(event=event.id, lang="en", mode="present")
                began = time.perf_counter()
                await hub.send_json({"type": "select", "selection": selection.to_dict()})
                delays += await wait_all(tabs, event.title("en"), began)
                await asyncio.sleep(0.3)
            cpu = tree_cpu(server.process.pid) - cpu_before
            memory = tree_rss(server.process.pid)
            for tab in tabs:
                await tab.socket.close()
    moved = delays[students:]  # the first move also switches every tab to presenter mode
    print(
        f"{students:>3} tabs: opened in {opened:5.1f} s; follow delay p50 "
        f"{statistics.median(moved) * 1000:6.0f} ms, p95 {percentile(moved, 0.95) * 1000:6.0f} ms"
        f" ({len(moved)} screens); memory {memory / 2**20:6.0f} MB"
        f" ({memory / 2**20 / students:4.0f} MB a tab); CPU per tab per move"
        f" {cpu / students / len(events) * 1000:4.0f} ms; load {os.getloadavg()[0]:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", default="10,30")
    parser.add_argument("--moves", type=int, default=20)
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; tabs {SIZE[0]}x{SIZE[1]}, presenter mode, English")
    for count in (int(part) for part in args.students.split(",")):
        asyncio.run(run_class(count, args.moves))


if __name__ == "__main__":
    main()
