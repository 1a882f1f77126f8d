"""UI catalogues: complete in every language, no key unused; CLDR dates and times."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from openai_saga_assets import I18N_DIR
from story.dates import PARTS_OF_DAY
from story.model import Verdict
from story.search import HitKind
from tui.app import commands as commands
from tui.app.screens import welcome
from tui.locale.cldr import clock_time, long_day, short_day
from tui.locale.i18n import LANGUAGES, catalogue, next_language, tr

TUI = Path(__file__).parent.parent / "tui"


def command_tables() -> list[tuple[commands.Command, ...]]:
    """Every table of commands in `tui.app.commands` (APP_COMMANDS, BROWSER_COMMANDS, ...)."""
    return [getattr(commands, name) for name in dir(commands) if name.endswith("_COMMANDS")]


def dynamic_keys() -> set[str]:
    """Keys built at run time from a fixed set of names."""
    keys = {f"verdict.{verdict}" for verdict in get_args(Verdict)}
    keys |= {f"time.{part}" for part in PARTS_OF_DAY}
    keys |= {f"search.kind.{kind}" for kind in get_args(HitKind)}
    keys |= {f"cmd.{c.id}" for table in command_tables() for c in table}
    keys |= {f"welcome.{part}.{pane}" for pane in welcome.PANES for part in ("pane", "what")}
    keys |= {f"welcome.key.{what}" for _, what in welcome.KEYS}
    keys |= {"cmd.cancel", "cmd.results", "cmd.close"}  # modal screens' binding ids
    return keys


def test_every_language_has_exactly_the_english_keys() -> None:
    english = set(catalogue("en"))
    for lang in LANGUAGES:
        assert set(catalogue(lang)) == english, lang


def test_every_language_is_actually_translated() -> None:
    english = catalogue("en")
    for lang in ("fr", "id", "zh"):
        same = [
            key
            for key, text in catalogue(lang).items()
            if text == english[key] and len(text) > 4 and not text.startswith("{")
        ]
        assert len(same) <= 4, f"{lang} still has English: {same[:10]}"


def test_placeholders_match_across_languages() -> None:
    for key, text in catalogue("en").items():
        fields = set(re.findall(r"{(\w+)}", text))
        for lang in LANGUAGES:
            assert set(re.findall(r"{(\w+)}", catalogue(lang)[key])) == fields, (lang, key)


def test_no_key_is_unused() -> None:
    source = "\n".join(path.read_text(encoding="utf-8") for path in TUI.rglob("*.py"))
    dynamic = dynamic_keys()
    unused = [
        key
        for key in catalogue("en")
        if key not in dynamic and not key.startswith("action.") and f'"{key}"' not in source
    ]
    assert unused == []


def test_action_keys_name_real_actions() -> None:
    from textual.binding import Binding
    from textual.screen import Screen

    from tui.app.widgets.story_list import StoryList

    actions = {
        binding.action.split(".")[-1]
        for node in (StoryList, Screen)
        for binding in node.BINDINGS
        if isinstance(binding, Binding)
    }
    from textual.containers import VerticalScroll

    actions |= {b.action for b in VerticalScroll.BINDINGS if isinstance(b, Binding)}
    actions |= {"command_palette", "focus_next", "focus_previous", "copy_text", "quit"}
    listed = {key.removeprefix("action.") for key in catalogue("en") if key.startswith("action.")}
    assert listed <= actions


def test_language_cycle() -> None:
    assert [next_language(lang) for lang in LANGUAGES] == ["fr", "id", "zh", "en"]


def test_missing_key_falls_back_to_the_key() -> None:
    assert tr("fr", "no.such.key") == "no.such.key"


@pytest.mark.parametrize(
    ("lang", "short", "long"),
    [
        ("en", "Fri, Nov 17", "Friday, November 17, 2023"),
        ("fr", "ven. 17 nov.", "vendredi 17 novembre 2023"),
        ("id", "Jum, 17 Nov", "Jumat, 17 November 2023"),
        ("zh", "11月17日周五", "2023年11月17日星期五"),
    ],
)
def test_dates_come_from_cldr(lang: str, short: str, long: str) -> None:
    assert short_day("2023-11-17", lang) == short
    assert long_day("2023-11-17", lang) == long


def test_times_follow_the_language() -> None:
    assert clock_time("21:00", "fr") == "21:00"
    assert clock_time("21:00", "en").replace("\u202f", " ") == "9:00 PM"
    assert clock_time("evening", "fr") == catalogue("fr")["time.evening"]
    assert clock_time(None, "en") == ""


def test_numbers_follow_the_language() -> None:
    from tui.locale.cldr import number

    assert [number(100_000, lang) for lang in LANGUAGES] == [
        "100,000",
        "100\u202f000",
        "100.000",
        "100,000",
    ]


def test_the_shipped_catalogues_json_is_what_their_yaml_says() -> None:
    """The parsed catalogues that start-up reads (no PyYAML before the first frame) are the
    YAML's, and record its digest: regenerate with `python -m tui.locale.i18n`."""
    import json

    from tui.locale import i18n

    data = json.loads(i18n.PREBUILT.read_text(encoding="utf-8"))
    assert data["sources"] == i18n.yaml_digest(I18N_DIR)
    assert data["catalogues"] == {
        path.stem: i18n._read(path) for path in sorted(I18N_DIR.glob("*.yaml"))
    }
    assert i18n._prebuilt(I18N_DIR) is not None


def test_an_edited_catalogue_is_read_from_its_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalogue edited without regenerating the JSON: the JSON's digest no longer matches,
    and the YAML is what counts (slower, never stale). Another folder never uses the JSON."""
    from tui.locale import i18n

    folder = tmp_path / "i18n"
    folder.mkdir()
    for path in I18N_DIR.glob("*.yaml"):
        (folder / path.name).write_bytes(path.read_bytes())
    english = folder / "en.yaml"
    english.write_text(english.read_text(encoding="utf-8") + "test.edited: edited\n", "utf-8")
    prebuilt = tmp_path / "i18n.prebuilt.json"
    prebuilt.write_bytes(i18n.PREBUILT.read_bytes())
    monkeypatch.setattr(i18n, "I18N_DIR", folder)
    monkeypatch.setattr(i18n, "PREBUILT", prebuilt)
    monkeypatch.setenv("OPENAI_SAGA_CATALOGUES", str(folder))
    assert i18n._prebuilt(folder) is None
    assert i18n._discover()["en"]["test.edited"] == "edited"
    assert i18n._prebuilt(tmp_path) is None
