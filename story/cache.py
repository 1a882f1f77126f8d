"""A cache of loaded stories, so a large story is parsed once, not at every launch.

Parsing YAML with places costs about half a millisecond an event (see benchmarks/); a pickled
`Saga` loads many times faster. The cache key is every story file's path, size and change
times, the format version and the Python version: any edit, or a new release, parses afresh.
Any problem with the cache (missing, corrupt, unwritable) falls back to a normal load.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

from story.gcpause import gc_paused
from story.loader import SUFFIXES, load_story
from story.saga import Saga

CACHE_FORMAT = 6
"""Bump when the model changes shape, so old pickles are not read."""


def fingerprint(path: Path) -> str | None:
    """A digest of what the story's content depends on, or None if it cannot be read."""
    try:
        files = (
            sorted(child for child in path.iterdir() if child.suffix in SUFFIXES)
            if path.is_dir()
            else [path]
        )
        digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version}|{path.resolve()}".encode())
        for file in files:
            info = file.stat()
            digest.update(
                f"|{file.name}|{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}".encode()
            )
    except OSError:
        return None
    return digest.hexdigest()


def load_cached(path: Path, shown_as: str | None, cache_dir: Path | None) -> Saga:
    """`load_story`, through the cache when `cache_dir` is given (StoryError as usual)."""
    key = fingerprint(path) if cache_dir is not None else None
    if cache_dir is None or key is None:
        return load_story(path, shown_as)
    cached = cache_dir / f"story-{key[:32]}.pickle"
    try:
        with open(cached, "rb") as handle, gc_paused():
            saga = pickle.load(handle)
        if isinstance(saga, Saga):
            return saga
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
        ValueError,
        IndexError,
    ):
        pass
    saga = load_story(path, shown_as)
    _store(cache_dir, cached, saga)
    return saga


def _store(cache_dir: Path, target: Path, saga: Saga) -> None:
    """Write the pickle atomically; a failure only costs the next launch a parse."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(saga, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, target)
        finally:
            Path(temporary).unlink(missing_ok=True)
    except OSError:
        return
