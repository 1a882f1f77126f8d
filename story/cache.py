"""A cache of loaded stories, so a large story is parsed once, not at every launch.

Parsing costs about 0.1 ms an event; decoding the cached data about 3 µs. A cache file can be
damaged, swapped, truncated or replaced by anything (a FIFO, a symlink, a directory, a huge
file, a crafted file), so nothing in it is trusted:

- it holds data only (MessagePack through msgspec, see `story.stored`), never code: the old
  pickle cache ran whatever a crafted file asked;
- it is read without following symlinks or blocking on FIFOs, only when it is a regular file
  under `MAX_CACHE_BYTES`;
- its header names the format, the story's fingerprint (so a file copied from another entry
  does not pass) and the SHA-256 of the payload: a flipped bit or a truncation fails the check;
- the payload is decoded against the model's types;

and on any failure the story is parsed as if there were no cache, and the entry rewritten. Old
entries (and the old pickles) are pruned whenever an entry is written.

The digest is an integrity check, not a signature: whoever can write the user's cache folder
can make a valid entry, but only of data, which the app shows as text.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import struct
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from story.gcpause import gc_paused
from story.layout import is_story_file
from story.saga import Saga
from story.stored import (
    DECODE_ERRORS,
    model_signature,
    msgpack_decoder,
    msgpack_encoder,
    stored,
    to_saga,
)

if TYPE_CHECKING:
    from story.loader import Progress

CACHE_FORMAT = 5
"""Bump when the layout of a cache file changes (the model's own changes are detected)."""
MAGIC = b"openai-saga cache\n"
_HEADER = struct.Struct(">H32s32sQ")
"""After MAGIC: format, fingerprint, SHA-256 of the payload, payload length."""
MAX_CACHE_BYTES = 256 * 1024 * 1024
"""A larger cache file is ignored (a story under the loader's caps stores in far less)."""
KEEP_ENTRIES = 8
"""Entries kept after pruning (the most recently used)."""
KEEP_BYTES = 512 * 1024 * 1024
"""At most this much kept in all after pruning."""
PREFIX = "story-"
SUFFIX = ".cache"
_OLD_SUFFIXES = (".pickle", ".tmp")
_STALE_TMP_SECONDS = 3600


def fingerprint(path: Path) -> bytes | None:
    """A digest of what the story's content depends on, or None if it cannot be read (the
    loader then says why)."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries if is_story_file(entry.name))
            files = [(name, os.stat(os.path.join(path, name))) for name in names]
        else:
            files = [("", info)]
        digest = hashlib.sha256(b"%d|%s|" % (CACHE_FORMAT, model_signature().encode()))
        digest.update(os.fsencode(os.path.realpath(path)))
        for name, file_info in files:
            digest.update(
                b"|%s|%d|%d|%d|%d"
                % (
                    os.fsencode(name),
                    file_info.st_size,
                    file_info.st_mtime_ns,
                    file_info.st_ctime_ns,
                    file_info.st_ino,
                )
            )
    except (OSError, ValueError):
        return None
    return digest.digest()


def entry_path(cache_dir: Path, key: bytes) -> Path:
    """The cache file of a fingerprint."""
    return cache_dir / f"{PREFIX}{key.hex()[:32]}{SUFFIX}"


def load_cached(
    path: Path, shown_as: str | None, cache_dir: Path | None, progress: Progress | None = None
) -> Saga:
    """`load_story`, through the cache when `cache_dir` is given (StoryError as usual)."""
    from story.loader import load_story  # the YAML parser is imported only to parse

    key = fingerprint(path) if cache_dir is not None else None
    if cache_dir is None or key is None:
        return load_story(path, shown_as, progress)
    target = entry_path(cache_dir, key)
    saga = read_entry(target, key)
    if saga is not None:
        with contextlib.suppress(OSError):
            os.utime(target, follow_symlinks=False)  # recently used: kept by pruning
        return saga
    saga = load_story(path, shown_as, progress)
    write_entry(cache_dir, target, key, saga)
    return saga


def read_entry(target: Path, key: bytes) -> Saga | None:
    """The saga stored at `target` for `key`, or None when the file is not exactly that."""
    data = _read_regular(target, MAX_CACHE_BYTES)
    if data is None:
        return None
    start = len(MAGIC) + _HEADER.size
    if len(data) < start or not data.startswith(MAGIC):
        return None
    version, stored_key, digest, length = _HEADER.unpack_from(data, len(MAGIC))
    payload = memoryview(data)[start:]
    if version != CACHE_FORMAT or stored_key != key or length != len(payload):
        return None
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        with gc_paused():
            decoded = msgpack_decoder().decode(payload)
            payload.release()
            del data  # the file's bytes go before the saga's indexes are built
            return to_saga(decoded)
    except DECODE_ERRORS:
        return None


def _read_regular(target: Path, limit: int) -> bytes | None:
    """The bytes of a regular file of at most `limit` bytes; None for anything else (a
    symlink is not followed, a FIFO not waited on)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(target, flags | getattr(os, "O_CLOEXEC", 0))
    except (OSError, ValueError):
        return None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                return None
            data = handle.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def encode_entry(key: bytes, saga: Saga) -> bytes:
    """The bytes of a cache file."""
    payload = msgpack_encoder().encode(stored(saga))
    digest = hashlib.sha256(payload).digest()
    return MAGIC + _HEADER.pack(CACHE_FORMAT, key, digest, len(payload)) + payload


def write_entry(cache_dir: Path, target: Path, key: bytes, saga: Saga) -> None:
    """Write an entry atomically and prune old ones; a failure only costs the next launch a
    parse."""
    try:
        data = encode_entry(key, saga)
        if len(data) > MAX_CACHE_BYTES:
            return
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_dir, prefix=PREFIX, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, target)
        finally:
            Path(temporary).unlink(missing_ok=True)
    except (OSError, ValueError, TypeError):
        return
    prune(cache_dir, keep=target, kept_bytes=len(data))


def prune(cache_dir: Path, keep: Path | None = None, kept_bytes: int = 0) -> None:
    """Remove old pickles, stale temporary files, and the entries beyond KEEP_ENTRIES or
    KEEP_BYTES (least recently used first). Only our own regular files and symlinks are
    removed, never what they point to, never a directory."""
    now = time.time()
    entries: list[tuple[float, int, str]] = []
    try:
        with os.scandir(cache_dir) as listing:
            for item in listing:
                name = item.name
                if not name.startswith(PREFIX):
                    continue
                try:
                    info = item.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISDIR(info.st_mode):
                    continue
                if name.endswith(_OLD_SUFFIXES):
                    stale = name.endswith(".pickle") or now - info.st_mtime > _STALE_TMP_SECONDS
                    if stale:
                        _remove(item.path)
                elif name.endswith(SUFFIX) and item.path != str(keep):
                    entries.append((info.st_mtime, info.st_size, item.path))
    except OSError:
        return
    entries.sort(reverse=True)
    total = kept_bytes
    for index, (_, size, entry) in enumerate(entries, start=1 if keep is not None else 0):
        total += size
        if index >= KEEP_ENTRIES or total > KEEP_BYTES:  # `keep` is entry number 0
            _remove(entry)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
