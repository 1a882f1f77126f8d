"""CLDR strings remembered from one run to the next, so that a start draws its first frame
without loading Babel.

The first frame shows a few dozen dates, times and counts, each formatted by Babel
(`tui.locale.cldr`). Babel's English data alone took 4.3 MB of memory once loaded (traced at the
first frame of the shipped story), most of the app's lead over a bare Textual app in peak memory,
and importing and loading it took time before the first frame. The strings a run formatted are
written beside the story cache when the app ends (`cldr-strings.json`) and read back at the next
start: a formatter asked for a string it remembers answers without Babel, which is imported and
loaded on the first string it does not.

The file is an optimisation, never trusted. It is used only when it was written for this very
`cldr.py`, these languages' CLDR locales and this very Babel (a digest of them is its stamp),
and holds only strings, none with a control character. Anything else and it is ignored (and
rewritten at the end of the run). At most `KEPT` strings are written, the first ones formatted
(those of the first frames).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

FILE_NAME = "cldr-strings.json"
KEPT = 20_000
"""Strings written at most (a few per day and language: a 100,000-event story has thousands)."""
MAX_BYTES = 4_000_000
"""A bigger file is not read (ours is at most about 1 MB)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SEPARATOR = "\x1f"

Formatter = TypeVar("Formatter", bound=Callable[..., str])


class Memory:
    """The strings formatted so far (this run's and those read at start), by formatter and
    arguments; whether any is new since the file was read."""

    def __init__(self) -> None:
        self.strings: dict[str, str] = {}
        self.read_count = 0
        self.changed = False
        self.folder: Path | None = None


MEMORY = Memory()


def remembered(formatter: Formatter) -> Formatter:
    """Cache a formatter's strings for the run (as `functools.cache` does) and across runs.
    Its arguments are strings, integers or None."""
    name = formatter.__name__
    strings = MEMORY.strings

    @functools.wraps(formatter)
    def remembering(*args: object) -> str:
        key = name + _SEPARATOR + _SEPARATOR.join(map(repr, args))
        try:
            return strings[key]
        except KeyError:
            value = formatter(*args)
            strings[key] = value
            MEMORY.changed = True
            return value

    return remembering  # type: ignore[return-value]


@functools.cache
def stamp() -> str:
    """A digest of `cldr.py`, of the CLDR locale each language names in its catalogue and of
    Babel's version (its `__init__.py`): what the strings were formatted with. Babel is found,
    not imported."""
    from tui.locale.i18n import BABEL_LOCALES

    digest = hashlib.sha256(Path(__file__).with_name("cldr.py").read_bytes())
    digest.update(repr(sorted(BABEL_LOCALES.items())).encode())
    spec = importlib.util.find_spec("babel")
    if spec is not None and spec.origin is not None:
        digest.update(Path(spec.origin).read_bytes())
    return digest.hexdigest()


def recall(folder: Path | None) -> None:
    """Read the strings remembered in `folder` (the story cache's), if they can be trusted;
    `save` writes there at the end of the run. None: nothing is read or written."""
    MEMORY.folder = folder
    MEMORY.read_count = 0
    if folder is None:
        return
    try:
        path = folder / FILE_NAME
        if path.stat().st_size > MAX_BYTES:
            return
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(data, dict) or data.get("stamp") != stamp():
        return
    strings = data.get("strings")
    if not isinstance(strings, dict):
        return
    for key, value in strings.items():
        if not isinstance(value, str) or _CONTROL.search(value) or not isinstance(key, str):
            return
    for key, value in strings.items():
        MEMORY.strings.setdefault(key, value)
    MEMORY.read_count = len(strings)


def save() -> None:
    """Write the strings of this run (at most KEPT) for the next, if any is new. Atomic (a
    temporary file renamed); a folder that cannot be written is not an error."""
    folder = MEMORY.folder
    if folder is None or not MEMORY.changed:
        return
    strings = dict(list(MEMORY.strings.items())[:KEPT])
    text = json.dumps({"stamp": stamp(), "strings": strings}, ensure_ascii=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".cldr-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, folder / FILE_NAME)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    MEMORY.changed = False
