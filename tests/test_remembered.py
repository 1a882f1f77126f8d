"""CLDR strings remembered between runs: read back when they can be trusted, ignored (never an
error) when not, and a start that finds them draws its first frame without Babel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.locale import remembered as module
from tui.locale.remembered import FILE_NAME, MEMORY, recall, remembered, save, stamp

CALLS: list[str] = []


@remembered
def shout(word: str, times: int = 1) -> str:
    """A formatter for the tests: counts its calls."""
    CALLS.append(word)
    return (word.upper() + "!") * times


@pytest.fixture(autouse=True)
def fresh_memory() -> Iterator[None]:
    """The memory is the process's: the tests start from an empty one and give it back."""
    kept = dict(MEMORY.strings), MEMORY.folder, MEMORY.changed
    MEMORY.strings.clear()
    MEMORY.changed = False
    CALLS.clear()
    yield
    MEMORY.strings.clear()
    MEMORY.strings.update(kept[0])
    MEMORY.folder, MEMORY.changed = kept[1], kept[2]


def forget() -> None:
    """As a new process starts: nothing in memory."""
    MEMORY.strings.clear()
    MEMORY.changed = False
    CALLS.clear()


def test_strings_of_one_run_are_read_back_by_the_next(tmp_path: Path) -> None:
    recall(tmp_path)
    assert shout("board", 2) == "BOARD!BOARD!"
    assert shout("board", 2) == "BOARD!BOARD!"
    assert CALLS == ["board"]  # cached within the run
    save()
    forget()
    recall(tmp_path)
    assert MEMORY.read_count == 1
    assert shout("board", 2) == "BOARD!BOARD!"
    assert CALLS == []  # remembered: the formatter was not called
    assert shout("board") == "BOARD!" and CALLS == ["board"]  # other arguments: formatted


def test_nothing_new_writes_nothing(tmp_path: Path) -> None:
    recall(tmp_path)
    save()
    assert not (tmp_path / FILE_NAME).exists()


@pytest.mark.parametrize(
    "content",
    [
        "not json {",
        json.dumps(["a list"]),
        json.dumps({"stamp": "another cldr.py or Babel", "strings": {}}),
        "STAMPED" + json.dumps({"shout\x1f'board'": "\x1b]0;pwned\x07"}),
        "STAMPED" + json.dumps({"shout\x1f'board'": 42}),
        "STAMPED" + json.dumps(["not", "a", "dict"]),
    ],
    ids=["broken", "a list", "stale stamp", "control sequence", "a number", "strings a list"],
)
def test_a_tampered_or_stale_file_is_ignored(tmp_path: Path, content: str) -> None:
    if content.startswith("STAMPED"):
        strings = json.loads(content.removeprefix("STAMPED"))
        content = json.dumps({"stamp": stamp(), "strings": strings})
    (tmp_path / FILE_NAME).write_text(content, encoding="utf-8")
    recall(tmp_path)
    assert MEMORY.read_count == 0
    assert shout("board") == "BOARD!"
    assert CALLS == ["board"]
    save()  # rewritten whole, and trusted next time
    forget()
    recall(tmp_path)
    assert shout("board") == "BOARD!" and CALLS == []


def test_an_oversized_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    recall(tmp_path)
    shout("board")
    save()
    forget()
    monkeypatch.setattr(module, "MAX_BYTES", 10)
    recall(tmp_path)
    shout("board")
    assert CALLS == ["board"]


def test_at_most_kept_strings_are_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "KEPT", 2)
    recall(tmp_path)
    for word in ("one", "two", "three"):
        shout(word)
    save()
    written = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["strings"]
    assert list(written.values()) == ["ONE!", "TWO!"]


def test_a_folder_that_cannot_be_written_is_not_an_error(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    recall(blocked / "cache")
    shout("board")
    save()  # no exception, nothing written
    assert blocked.read_text(encoding="utf-8") == ""
    recall(None)
    save()


def test_a_second_start_draws_its_first_frame_without_babel(tmp_path: Path) -> None:
    """The first run formats with Babel and writes what it formatted when it ends; the next
    start finds every string of its first frame and never imports Babel."""
    code = (
        "import sys, asyncio; from tui import make_app\n"
        # Drawing the neighbours' details ahead waits for the reader to stay put, then formats
        # their dates: on a loaded machine the second run's pause outlasted that wait and the
        # first's did not, so Babel came in after the first frame (1 run in 5 to 8 failed).
        "import tui.app.widgets.detail as detail; detail.DRAW_AHEAD_AFTER = 3600\n"
        "app = make_app(['--fresh', '--event', 'altman-fired', '--lang', 'fr'])\n"
        "async def main():\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        await pilot.pause()\n"
        "        print('babel' in sys.modules, flush=True)\n"
        "asyncio.run(main())\n"
    )
    (tmp_path / "welcomed").touch()
    env = os.environ | {
        "OPENAI_SAGA_STATE": str(tmp_path / "place.json"),
        "OPENAI_SAGA_CACHE": str(tmp_path / "cache"),
    }
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        for _ in range(2)
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
    assert [run.stdout.strip() for run in runs] == ["True", "False"]
    strings = json.loads((tmp_path / "cache" / FILE_NAME).read_text(encoding="utf-8"))
    assert strings["strings"]["story_date\x1f'2023-11-17'\x1f'fr'"] == "vendredi 17 novembre 2023"


def test_words_from_the_ui_catalogue_are_not_remembered(tmp_path: Path) -> None:
    """A part of the day comes from the catalogue, which a translator may swap between runs
    (OPENAI_SAGA_CATALOGUES): only Babel's strings are kept."""
    from story.dates import PARTS_OF_DAY
    from tui.locale.cldr import clock_time

    part = sorted(PARTS_OF_DAY)[0]
    recall(tmp_path)
    assert clock_time(part, "fr") and clock_time("12:00", "fr") == "12:00"
    save()
    written = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["strings"]
    assert list(written) == ["_clock\x1f'12:00'\x1f'fr'"]


def test_another_cldr_locale_in_a_catalogue_makes_the_strings_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.locale import i18n

    recall(tmp_path)
    shout("board")
    save()
    forget()
    monkeypatch.setitem(i18n.BABEL_LOCALES, "fr", "fr_CA")
    stamp.cache_clear()
    try:
        recall(tmp_path)
        shout("board")
        assert CALLS == ["board"]  # formatted again: the file was for fr_FR
    finally:
        monkeypatch.undo()
        stamp.cache_clear()
