"""The shipped story, parsed ahead of time, so that even the first run after install is warm.

Why a file in the package rather than the user's cache: the cache is filled by a first run,
which is exactly the run a new reader (or a classroom of them) sees; and a build step would not
run for an editable install or a plain copy of the sources. So the parsed story is kept beside
the YAML as JSON (readable, diffable), regenerated with

    python -m story.prebuilt

and checked by a test (`tests/test_prebuilt.py`) to be exactly what the YAML gives. At run time
it is used only when the digest it records matches the YAML files it sits beside, the model is
the same, and it decodes against the model's types: otherwise the YAML is parsed as usual, so an
edit of the story without regenerating costs time, never correctness.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from story.gcpause import gc_paused
from story.layout import is_story_file
from story.saga import Saga
from story.stored import (
    DECODE_ERRORS,
    StoredStory,
    encode_json,
    model_signature,
    stored,
    to_saga,
)

PREBUILT_FORMAT = 1
FILE_NAME = "story.prebuilt.json"
"""Beside the story folder in the package's assets."""
MAX_PREBUILT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Prebuilt:
    """The file's content: what it was built from, and the story."""

    format: int
    model: str
    """`story.stored.model_signature()` of the model it was built with."""
    sources: str
    """`yaml_digest` of the story folder it was built from."""
    story: StoredStory


def yaml_digest(story_dir: Path) -> str | None:
    """SHA-256 of the story's YAML files (names and contents), or None if one is unreadable."""
    digest = hashlib.sha256()
    try:
        names = sorted(name for name in os.listdir(story_dir) if is_story_file(name))
        for name in names:
            content = (story_dir / name).read_bytes()
            digest.update(b"%s\0%d\0" % (name.encode("utf-8", "surrogateescape"), len(content)))
            digest.update(content)
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


def build(story_dir: Path) -> bytes:
    """The pre-built file of a story folder (StoryError when the story is not valid)."""
    from story.loader import load_story

    sources = yaml_digest(story_dir)
    if sources is None:
        raise OSError(f"cannot read {story_dir}")
    saga = load_story(story_dir, "story")
    return encode_json(Prebuilt(PREBUILT_FORMAT, model_signature(), sources, stored(saga)))


def load_prebuilt(story_dir: Path, prebuilt_file: Path) -> Saga | None:
    """The story from its pre-built file, or None when the file is missing, stale or damaged."""
    import msgspec

    try:
        with open(prebuilt_file, "rb") as handle:
            data = handle.read(MAX_PREBUILT_BYTES + 1)
    except OSError:
        return None
    if len(data) > MAX_PREBUILT_BYTES:
        return None
    try:
        with gc_paused():
            prebuilt = msgspec.json.decode(data, type=Prebuilt)
    except DECODE_ERRORS:
        return None
    if prebuilt.format != PREBUILT_FORMAT or prebuilt.model != model_signature():
        return None
    if prebuilt.sources != yaml_digest(story_dir):
        return None
    return to_saga(prebuilt.story)


def shipped() -> tuple[Path, Path]:
    """The shipped story folder and its pre-built file."""
    from openai_saga_assets import ASSETS_DIR, STORY_DIR

    return STORY_DIR, ASSETS_DIR / FILE_NAME


def main() -> int:
    """Write the shipped story's pre-built file."""
    story_dir, target = shipped()
    target.write_bytes(build(story_dir))
    print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
