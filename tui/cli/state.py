"""Where the reader left off: saved on quit, read on the next launch.

The file is the app's own (never a story file), written atomically (a temporary file renamed
over the old one) so a crash cannot leave half a file. A missing, corrupt or unwritable state is
never fatal: reading returns None with a reason the app shows as a notice.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from story.problems import visible

MAX_STATE_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Place:
    """The reader's place in a story."""

    story: str
    """The story path it belongs to (a place in another story is not resumed)."""
    event: str | None = None
    actor: str | None = None
    lang: str | None = None
    pane: str | None = None


def state_file() -> Path:
    """The state file under the user's state folder (OPENAI_SAGA_STATE overrides it)."""
    override = os.environ.get("OPENAI_SAGA_STATE")
    if override:
        return Path(override)
    from platformdirs import user_state_dir

    return Path(user_state_dir("openai-saga", appauthor=False)) / "place.json"


def read_place(path: Path) -> tuple[Place | None, str | None]:
    """The saved place and None, or None and why it was ignored (None, None when absent).

    Whatever sits at `path` (a FIFO, a device, a directory, a huge or deeply nested file), this
    returns at once: the file is opened without blocking and read only if it is a small regular
    file."""
    try:
        with open(path, "rb", opener=_open_without_blocking) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None, f"{visible(str(path))}: ignored, not a regular file"
            data = handle.read(MAX_STATE_BYTES + 1)
    except FileNotFoundError:
        return None, None
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        return None, f"{visible(str(path))}: ignored ({reason})"
    try:
        if len(data) > MAX_STATE_BYTES:
            raise ValueError("too large")
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
        known = {item.name for item in fields(Place)}
        values = {key: value for key, value in raw.items() if key in known}
        if not all(value is None or isinstance(value, str) for value in values.values()):
            raise ValueError("wrong types")
        return Place(**values), None
    except RecursionError:
        return None, f"{visible(str(path))}: ignored, not a saved place (nested too deep)"
    except (ValueError, TypeError) as error:
        return None, f"{visible(str(path))}: ignored, not a saved place ({visible(str(error))})"


def _open_without_blocking(path: str, flags: int) -> int:
    """Open without waiting for a writer when the path is a FIFO (checked once open)."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def write_place(path: Path, place: Place) -> str | None:
    """Save the place atomically; returns why it could not be saved, or None."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".place-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                # ASCII escapes keep any story path (even one that is not UTF-8) writable.
                json.dump(asdict(place), stream, ensure_ascii=True, indent=1)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        return visible(f"{path}: {reason}")
    return None


def welcome_marker(state_path: Path) -> Path:
    """The file that says the title card was seen, beside the saved place."""
    return state_path.with_name("welcomed")


def welcomed(state_path: Path) -> bool:
    """Whether the reader has seen the title card (an unreadable folder counts as seen)."""
    try:
        return welcome_marker(state_path).exists()
    except OSError:
        return True


def mark_welcomed(state_path: Path) -> None:
    """Remember the title card was seen; a folder that cannot be written is not an error."""
    marker = welcome_marker(state_path)
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch(exist_ok=True)
    except OSError:
        pass
