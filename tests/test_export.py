"""`export`: the handout holds every event, in order, in one language; text stays literal."""

from __future__ import annotations

from pathlib import Path

import pytest

from story import Saga
from tests.conftest import MINI
from tests.test_cli import entry
from tui.cli.main import run
from tui.view.export import Handout, dossier, to_html, to_markdown, whole_story


def test_markdown_has_every_event_in_order(mini: Saga) -> None:
    text = to_markdown(whole_story(mini, "en"))
    positions = [text.index(event.title("en")) for event in mini.events]
    assert positions == sorted(positions)
    assert "A lab \\[is\\] born." in text  # literal, escaped for Markdown
    assert "« pas franc »" in text and "Outlet: “Article A” — in French" in text
    assert "a.txt" not in text  # the file name stays in the data, not in the handout
    assert "The battle" in text and "Did not happen" in text


def test_french_handout_uses_french_text_and_dates(mini: Saga) -> None:
    text = to_markdown(whole_story(mini, "fr"))
    assert "vendredi 17 novembre 2023 · 12:00 — Altman est licencié" in text
    assert "Altman is fired" not in text


def test_html_is_escaped_and_standalone(mini: Saga) -> None:
    handout = Handout(mini, "en")
    handout.add("p", "<script>alert(1)</script>\x1b]0;x")
    page = to_html(handout)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "\x1b" not in page and 'lang="en"' in page and "http" not in page


def test_dossier_follows_one_actor(mini: Saga) -> None:
    text = to_markdown(dossier(mini, "en", "mira-murati"))
    assert "Altman is fired" in text and "Murati is interim CEO" in text
    assert "OpenAI is founded" not in text


def test_cli_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "handout.html"
    assert run(["export", "--story", str(MINI), "--format", "html", "--out", str(out)]) == 0
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert capsys.readouterr().out == ""


def test_cli_errors() -> None:
    result = entry("export", "--story", str(MINI), "--actor", "nobody")
    assert result.returncode == 2 and result.stderr.strip().endswith("unknown actor 'nobody'")
    result = entry("export", "--lang", "xx")
    assert result.returncode == 2 and "unknown language" in result.stderr


def test_dates_are_written_the_cldr_way_not_iso(saga: Saga) -> None:
    french = to_markdown(whole_story(saga, "fr"))
    assert (
        "PDG par intérim (OpenAI)\u00a0: vendredi 17 novembre 2023 · 12:00 → "
        "dimanche 19 novembre 2023 · nuit" in french
    )
    assert "2023-11-17" not in french
    chinese = to_markdown(whole_story(saga, "zh"))
    assert "临时CEO (OpenAI)：2023年11月17日星期五 · 12:00" in chinese
    assert "2023-11-17" not in chinese


def test_labels_and_quotes_follow_the_language(saga: Saga) -> None:
    french = to_markdown(whole_story(saga, "fr"))
    assert "Sources\u00a0: " in french and "Qui\u00a0: " in french
    assert "«\u00a0M. Altman n'a pas été franc" in french
    assert "3ec74e41f1df8cec" not in french  # seed file names are for checks


def test_each_day_starts_a_printed_page(saga: Saga) -> None:
    page = to_html(whole_story(saga, "en"))
    assert page.count('<h3 class="day">') == len(saga.days)
    assert "@media print" in page and "h3.day { break-before: page; }" in page
    assert "@page { size: A4" in page


def test_a_fallback_is_marked_as_on_screen(mini: Saga) -> None:
    """The mini story has no Chinese: the handout marks the English stand-in ⟨en⟩, as the
    panes do (it used to say [en])."""
    text = to_markdown(whole_story(mini, "zh"))
    assert "Altman is fired ⟨en⟩" in text and "[en]" not in text
