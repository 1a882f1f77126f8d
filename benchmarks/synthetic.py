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


def story_data(events: int) -> dict[str, Any]:
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
    start = date(2020, 1, 1)
    items = []
    for n in range(events):
        day = start + timedelta(days=n // EVENTS_PER_DAY)
        minute = (n % EVENTS_PER_DAY) * 60 + 480
        event: dict[str, Any] = {
            "id": f"event-{n}",
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
                    "id": f"quote-{n}",
                    "speaker": f"actor-{n % 20}",
                    "original": f"« citation {n} »",
                    "original_language": "fr",
                    "text": texts(f"quote {n}"),
                    "sources": ["seed"],
                }
            ]
        items.append(event)
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
                "outlet": "Bench",
                "language": "en",
            }
        ],
        "actors": actors,
        "events": items,
    }


def write_story(folder: Path, events: int) -> Path:
    """Write (once) a story of `events` events into `folder` and return its file."""
    path = folder / f"synthetic-{events}.yaml"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        with open(path, "w", encoding="utf-8") as handle:
            yaml.dump(
                story_data(events),
                handle,
                Dumper=dumper,
                allow_unicode=True,
                sort_keys=False,
                width=120,
            )
    return path


if __name__ == "__main__":
    print(
        write_story(Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/saga-bench"), int(sys.argv[1]))
    )
