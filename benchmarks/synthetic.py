"""Synthetic stories of any size in the shipped format, for benchmarks.

Events spread over consecutive days, 20 actors with roles, a quote on every tenth event; every
text in four languages, as the shipped story has.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

LANGS = ("en", "fr", "id", "zh")
EVENTS_PER_DAY = 12


def texts(stem: str) -> dict[str, str]:
    return {lang: f"{stem} ({lang})" for lang in LANGS}


def story_data(events: int, part: int = 0) -> dict[str, Any]:
    """A story file of `events` events; parts after the first hold only events (ids and
    dates of their own), so several parts form one story folder."""
    actors = [
        {
            "id": f"actor-{n}",
            "kind": "person",
            "name": texts(f"Actor {n}"),
            "bio": texts(f"Biography of actor {n}"),
            "sources": ["seed"],
            "roles": [
                {
                    "position": "ceo" if n == 0 else "board-member",
                    "org": "org",
                    "title": texts("Role"),
                    "sources": ["seed"],
                }
            ],
        }
        for n in range(20)
    ]
    actors.append(
        {
            "id": "org",
            "kind": "organisation",
            "name": texts("Org"),
            "bio": texts("An organisation"),
            "sources": ["seed"],
        }
    )
    start = date(2000 + 3 * part, 1, 1)
    items = []
    for n in range(events):
        day = start + timedelta(days=n // EVENTS_PER_DAY)
        minute = (n % EVENTS_PER_DAY) * 60 + 480
        event: dict[str, Any] = {
            "id": f"p{part}-event-{n}",
            "date": day.isoformat(),
            "time": f"{minute // 60:02d}:{minute % 60:02d}",
            "title": texts(f"Event number {n}"),
            "text": texts(f"What happened in event {n}, told in a few sentences. " * 3),
            "actors": [f"actor-{n % 20}", f"actor-{(n * 7) % 20}"],
            "sources": ["seed"],
        }
        if n % 10 == 0:
            event["quotes"] = [
                {
                    "id": f"p{part}-quote-{n}",
                    "speaker": f"actor-{n % 20}",
                    "original": f"« citation {n} »",
                    "original_language": "fr",
                    "text": texts(f"quote {n}"),
                    "sources": ["seed"],
                }
            ]
        items.append(event)
    if part:
        return {"events": items}
    return {
        "story": {
            "title": texts("Synthetic saga"),
            "zone": "America/Los_Angeles",
            "languages": list(LANGS),
        },
        "sources": [
            {
                "id": "seed",
                "kind": "seed",
                "title": texts("Seed"),
                "outlet": texts("Bench"),
                "language": "en",
            }
        ],
        "actors": actors,
        "events": items,
    }


PART_SIZE = 10_000


def write_story(folder: Path, events: int) -> Path:
    """Write (once) a story folder of `events` events, in files of at most 10,000 events."""
    folder.mkdir(parents=True, exist_ok=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for part in range(max(1, -(-events // PART_SIZE))):
        path = folder / f"part-{part:03d}.yaml"
        if path.exists():
            continue
        count = min(PART_SIZE, events - part * PART_SIZE)
        with open(path, "w", encoding="utf-8") as handle:
            yaml.dump(
                story_data(count, part),
                handle,
                Dumper=dumper,
                allow_unicode=True,
                sort_keys=False,
                width=120,
            )
    return folder


if __name__ == "__main__":
    size = int(sys.argv[1])
    print(write_story(Path(sys.argv[2] if len(sys.argv) > 2 else f"/tmp/saga-{size}"), size))
