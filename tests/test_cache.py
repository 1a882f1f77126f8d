"""The story cache: a second load skips parsing; anything wrong with a cache file (damage, a
foreign or crafted file, a FIFO, a symlink, a directory, a huge file) is ignored and rebuilt,
never run, never waited on, never shown instead of the real story."""

from __future__ import annotations

import os
import pickle
import random
import subprocess
import sys
from pathlib import Path

import pytest

from story import Saga, StoryError, cache, load_story, loader
from story.cache import MAGIC, entry_path, fingerprint, load_cached
from story.stored import stored
from tests.conftest import MINI, write


def copy_mini(folder: Path, name: str = "story") -> Path:
    story = folder / name
    story.mkdir()
    for file in MINI.iterdir():
        (story / file.name).write_bytes(file.read_bytes())
    return story


def entry_of(story: Path, cache_dir: Path) -> Path:
    key = fingerprint(story)
    assert key is not None
    return entry_path(cache_dir, key)


def same_story(one: Saga, other: Saga) -> bool:
    """Equal in every field the reader sees (origins aside)."""
    return stored(one) == stored(other)


def no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(loader, "load_story", fail)


def test_second_load_comes_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    story = copy_mini(tmp_path)
    first = load_cached(story, None, tmp_path / "c")
    [entry] = (tmp_path / "c").iterdir()
    assert entry == entry_of(story, tmp_path / "c")
    assert entry.read_bytes().startswith(MAGIC)
    no_parse(monkeypatch)
    again = load_cached(story, None, tmp_path / "c")
    assert same_story(again, first)
    assert again.event_by_id["fired"].title("en") == first.event_by_id["fired"].title("en")


def test_an_edit_invalidates_the_cache(tmp_path: Path) -> None:
    story = copy_mini(tmp_path)
    load_cached(story, None, tmp_path / "c")
    events = story / "20-events.yaml"
    events.write_text(events.read_text().replace("Altman is back", "Altman returns"))
    os.utime(events, ns=(1, 1))
    assert load_cached(story, None, tmp_path / "c").event_by_id["back"].title("en") == (
        "Altman returns"
    )


def test_the_cache_holds_no_pickle_and_never_runs_one(tmp_path: Path) -> None:
    """A crafted pickle in the cache's place ran a shell command under the old cache."""
    story = copy_mini(tmp_path)
    load_cached(story, None, tmp_path / "c")
    target = entry_of(story, tmp_path / "c")
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return os.system, (f"touch {marker}",)

    target.write_bytes(pickle.dumps(Exploit()))
    saga = load_cached(story, None, tmp_path / "c")
    assert not marker.exists()
    assert same_story(saga, load_story(MINI))
    assert target.read_bytes().startswith(MAGIC)  # rebuilt


def test_an_entry_of_another_story_is_not_taken(tmp_path: Path) -> None:
    first = copy_mini(tmp_path, "first")
    second = copy_mini(tmp_path, "second")
    events = second / "20-events.yaml"
    events.write_text(events.read_text().replace("Altman is back", "Altman returns"))
    load_cached(first, None, tmp_path / "c")
    entry_of(second, tmp_path / "c").write_bytes(entry_of(first, tmp_path / "c").read_bytes())
    saga = load_cached(second, None, tmp_path / "c")
    assert saga.event_by_id["back"].title("en") == "Altman returns"


@pytest.mark.parametrize("kind", ["garbage", "empty", "directory", "symlink", "huge", "pickle"])
def test_odd_cache_files_are_ignored(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = copy_mini(tmp_path)
    real = load_cached(story, None, tmp_path / "c")
    target = entry_of(story, tmp_path / "c")
    good = target.read_bytes()
    target.unlink()
    if kind == "garbage":
        target.write_bytes(b"garbage")
    elif kind == "empty":
        target.write_bytes(b"")
    elif kind == "directory":
        target.mkdir()
    elif kind == "symlink":
        # A symlink to a valid entry is still not followed.
        (tmp_path / "elsewhere").write_bytes(good)
        target.symlink_to(tmp_path / "elsewhere")
    elif kind == "huge":
        monkeypatch.setattr(cache, "MAX_CACHE_BYTES", len(good) - 1)
        target.write_bytes(good)
    else:
        target.write_bytes(pickle.dumps(stored(real)))
    saga = load_cached(story, None, tmp_path / "c")
    assert same_story(saga, real)
    if kind == "directory":
        assert target.is_dir()  # left alone
    elif kind == "symlink":
        assert not target.is_symlink() and (tmp_path / "elsewhere").read_bytes() == good
    elif kind != "huge":
        assert target.read_bytes() == good  # rebuilt


def test_a_fifo_in_the_cache_does_not_hang(tmp_path: Path) -> None:
    story = copy_mini(tmp_path)
    cache_dir = tmp_path / "c"
    cache_dir.mkdir()
    os.mkfifo(entry_of(story, cache_dir))
    code = (
        "import sys; from pathlib import Path; from story.cache import load_cached; "
        f"s = load_cached(Path({str(story)!r}), None, Path({str(cache_dir)!r})); "
        "print(len(s.events))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "5", result.stderr[-500:]


def test_random_damage_never_changes_the_story_silently(tmp_path: Path) -> None:
    """Byte flips, truncations and extensions: the story shown is exactly the real one."""
    damage_rounds(tmp_path, rounds=300, seed=20231117)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_damage_at_length(tmp_path: Path, seed: int) -> None:
    damage_rounds(tmp_path, rounds=3000, seed=seed)


def damage_rounds(tmp_path: Path, rounds: int, seed: int) -> None:
    """Damage the cache entry `rounds` times: each load must give the real story (the entry
    ignored) and rewrite the entry, never crash, never return another story."""
    story = copy_mini(tmp_path)
    real = load_story(MINI)
    load_cached(story, None, tmp_path / "c")
    target = entry_of(story, tmp_path / "c")
    good = target.read_bytes()
    rng = random.Random(seed)
    for _ in range(rounds):
        data = bytearray(good)
        action = rng.random()
        if action < 0.5:
            for _ in range(rng.randint(1, 4)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif action < 0.65:
            # In the payload only (the header's digest must catch it).
            start = len(MAGIC) + cache._HEADER.size
            data[rng.randrange(start, len(data))] ^= 1 << rng.randrange(8)
        elif action < 0.85:
            del data[rng.randrange(len(data)) :]
        else:
            data += bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
        target.write_bytes(bytes(data))
        saga = load_cached(story, None, tmp_path / "c")
        assert same_story(saga, real)
        assert target.read_bytes() == good  # rebuilt each time


def test_old_entries_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = tmp_path / "c"
    cache_dir.mkdir()
    for index in range(20):
        old = cache_dir / f"story-{index:032x}.cache"
        old.write_bytes(b"x" * 10)
        os.utime(old, (1_000_000 + index, 1_000_000 + index))
    (cache_dir / "story-0123.pickle").write_bytes(b"old pickle")
    stale = cache_dir / "story-abc.tmp"
    stale.write_bytes(b"half written")
    os.utime(stale, (1, 1))
    (cache_dir / "story-dir.cache").mkdir()
    (cache_dir / "notes.txt").write_text("not ours")
    story = copy_mini(tmp_path)
    load_cached(story, None, cache_dir)
    left = sorted(path.name for path in cache_dir.iterdir())
    entries = [name for name in left if name.endswith(".cache") and name != "story-dir.cache"]
    assert len(entries) == cache.KEEP_ENTRIES
    assert entry_of(story, cache_dir).name in entries
    assert "story-00000000000000000000000000000013.cache" in entries  # the newest old one
    assert "story-00000000000000000000000000000000.cache" not in entries
    assert "story-0123.pickle" not in left and "story-abc.tmp" not in left
    assert "story-dir.cache" in left and "notes.txt" in left


def test_an_unwritable_cache_is_harmless(tmp_path: Path) -> None:
    blocker = write(tmp_path, "file", "x")
    assert len(load_cached(MINI, None, blocker / "c").events) == 5


def test_invalid_stories_are_never_cached(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", "a: [\n")
    with pytest.raises(StoryError):
        load_cached(tmp_path / "bad.yaml", "bad.yaml", tmp_path / "c")
    assert not (tmp_path / "c").exists()


def test_unreadable_story_paths_reach_the_loader(tmp_path: Path) -> None:
    """The fingerprint used to crash on these before the loader could refuse them."""
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(StoryError) as raised:
        load_cached(loop, "loop", tmp_path / "c")
    assert "symbolic links" in str(raised.value)
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/story-\xff"))
    odd.mkdir()
    for file in MINI.iterdir():
        (odd / file.name).write_bytes(file.read_bytes())
    (odd / os.fsdecode(b"extra-\xfe.yaml")).write_text("notes: 3\n")
    with pytest.raises(StoryError) as raised:
        load_cached(odd, str(odd), tmp_path / "c")
    assert "story-\\xff/extra-\\xfe.yaml:1:8: expected a list, got a number" in str(raised.value)
