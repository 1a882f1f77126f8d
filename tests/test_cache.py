"""The story cache: a second load skips parsing; any edit or a broken cache parses afresh."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from story import StoryError, cache
from story.cache import load_cached
from tests.conftest import MINI, write


def copy_mini(folder: Path) -> Path:
    story = folder / "story"
    story.mkdir()
    for file in MINI.iterdir():
        (story / file.name).write_bytes(file.read_bytes())
    return story


def test_second_load_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = copy_mini(tmp_path)
    first = load_cached(story, None, tmp_path / "c")
    assert len(list((tmp_path / "c").glob("*.pickle"))) == 1

    def fail(*_: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(cache, "load_story", fail)
    again = load_cached(story, None, tmp_path / "c")
    assert [e.id for e in again.events] == [e.id for e in first.events]


def test_an_edit_invalidates_the_cache(tmp_path: Path) -> None:
    story = copy_mini(tmp_path)
    load_cached(story, None, tmp_path / "c")
    events = story / "20-events.yaml"
    events.write_text(events.read_text().replace("Altman is back", "Altman returns"))
    os.utime(events, ns=(1, 1))
    assert load_cached(story, None, tmp_path / "c").event_by_id["back"].title("en") == (
        "Altman returns"
    )


def test_a_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    story = copy_mini(tmp_path)
    load_cached(story, None, tmp_path / "c")
    for pickle_file in (tmp_path / "c").glob("*.pickle"):
        pickle_file.write_bytes(b"garbage")
    assert len(load_cached(story, None, tmp_path / "c").events) == 5


def test_an_unwritable_cache_is_harmless(tmp_path: Path) -> None:
    blocker = write(tmp_path, "file", "x")
    assert len(load_cached(MINI, None, blocker / "c").events) == 5


def test_invalid_stories_are_never_cached(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", "a: [\n")
    with pytest.raises(StoryError):
        load_cached(tmp_path / "bad.yaml", "bad.yaml", tmp_path / "c")
    assert not (tmp_path / "c").exists()
