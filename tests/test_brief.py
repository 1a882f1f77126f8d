"""`export --brief`: the lesson handout, its parts, and at most four A4 pages in Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from story import Saga
from tests.conftest import MINI
from tests.test_cli import entry
from tui.cli.main import run
from tui.view.brief import Brief, Cell, build_brief, crisis_days, to_html, to_markdown

LANGS = ("en", "fr", "id", "zh")
MAX_PAGES = 4
CHROMIUM_PACKAGES = "chromium poppler-utils fonts-liberation fonts-noto-cjk"


def test_the_crisis_day_by_day_has_every_day_and_event(saga: Saga) -> None:
    brief = build_brief(saga, "en")
    days = crisis_days(saga)
    assert [row.day for row in brief.days][:2] == [
        "Thursday, November 16, 2023",
        "Friday, November 17, 2023",
    ]
    assert len(brief.days) == len(days) == 8
    for row, day_id in zip(brief.days, days, strict=True):
        titles = [title for _, title in row.events]
        assert titles == [event.title("en") for event in saga.day_by_id[day_id].events]
    assert [row.ceo for row in brief.days] == [
        "Sam Altman",
        "Sam Altman → Mira Murati",
        "Mira Murati",
        "Mira Murati → Emmett Shear",
        "Emmett Shear",
        "Emmett Shear → Sam Altman",
        "Sam Altman",
        "Sam Altman",
    ]
    assert brief.days[1].events[0][0].replace("\u202f", " ") == "12:00 PM"


def test_who_held_which_seat_when_merges_a_holders_days(saga: Saga) -> None:
    brief = build_brief(saga, "en")
    assert brief.seat_days[0] == "Thu, Nov 16" and len(brief.seat_days) == 8
    seats = {row.seat: row.cells for row in brief.seats}
    assert seats["CEO"] == (  # a day of change shows both, in the order they held the seat
        Cell("Altman", 1),
        Cell("Altman → Murati (interim)", 1),
        Cell("Murati (interim)", 1),
        Cell("Murati (interim) → Shear (interim)", 1),
        Cell("Shear (interim)", 1),
        Cell("Shear (interim) → Altman", 1),
        Cell("Altman", 2),
    )
    assert seats["Chair of the board"] == (Cell("Brockman", 2), Cell("", 3), Cell("Taylor", 3))
    assert seats["Board observer"] == (Cell("", 7), Cell("Microsoft", 1))
    board = seats["Board"]
    assert board[0].text == "Altman, Sutskever, Brockman, D'Angelo, Toner, McCauley"
    assert board[-1].text == "D'Angelo, Taylor, Summers"
    assert all(sum(cell.span for cell in cells) == 8 for cells in seats.values())
    assert next(iter(seats)) == "CEO"  # the seat the power strip follows, first


def test_the_script_beside_reality_with_the_tally(saga: Saga) -> None:
    brief = build_brief(saga, "fr")
    assert saga.script is not None
    assert len(brief.beats) == 20
    assert brief.tally.startswith("Les 20 passages du scénario de ChatGPT")
    counts = Counter(beat.verdict for act in saga.script.acts for beat in act.beats)
    assert f"C'est arrivé\u00a0: {counts['happened']}" in brief.tally
    acts = [beat.act for beat in brief.beats if beat.act is not None]
    assert acts[0] == "Acte 1 · La bataille pour le trône" and len(acts) == len(saga.script.acts)


def test_the_discussion_questions_by_day_then_by_act(saga: Saga) -> None:
    assert saga.lesson is not None
    brief = build_brief(saga, "zh")
    asked = [question for group in brief.questions for question in group.questions]
    assert len(asked) == len(saga.lesson.discussion)
    headings = [group.heading for group in brief.questions]
    assert headings[0] == "背景" and headings[1] == "2023年11月16日星期四"
    assert "第1幕 · 王座之争" in headings


def test_html_is_standalone_escaped_and_sized_for_a4(saga: Saga) -> None:
    brief = build_brief(saga, "en")
    brief.days[0] = brief.days[0].__class__("<b>x</b>\x1b]0;t", "CEO", ())
    page = to_html(brief)
    assert page.startswith("<!DOCTYPE html>") and 'lang="en"' in page
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page and "\x1b" not in page
    assert "@page { size: A4" in page and "<script" not in page
    assert not re.search(r"(src|href)=", page)  # no outside resources
    assert page.count('<td colspan="3">Taylor</td>') == 1  # merged days


def test_markdown_has_the_same_parts_as_tables(saga: Saga) -> None:
    text = to_markdown(build_brief(saga, "id"))
    for heading in (
        "## Krisis hari demi hari",
        "## Siapa memegang kursi apa, dan kapan",
        "## Pertanyaan diskusi",
    ):
        assert heading in text
    assert "| Jumat, 17 November 2023 | Sam Altman → Mira Murati | 12.00 · Altman dipecat" in text
    assert "| CEO | Altman | Altman → Murati (sementara) | Murati (sementara) |" in text
    partly = sum(beat.verdict == "partly" for act in saga.script.acts for beat in act.beats)  # type: ignore[union-attr]
    assert text.count("| ◐ Sebagian |") == partly


def test_a_story_without_a_lesson_still_has_a_brief(mini: Saga) -> None:
    brief = build_brief(mini, "en")
    assert isinstance(brief, Brief) and brief.questions == []
    assert brief.days[0].day == "Thursday, November 16, 2023"
    assert "Act 1 · The battle" in to_html(brief)


def test_cli_writes_the_brief(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "brief.html"
    assert run(["export", "--brief", "--lang", "fr", "--format", "html", "--out", str(out)]) == 0
    assert "Fiche de cours" in out.read_text(encoding="utf-8")
    assert run(["export", "--brief", "--story", str(MINI)]) == 0
    assert capsys.readouterr().out.startswith("# Mini saga · Lesson brief")


def test_brief_and_actor_do_not_mix() -> None:
    result = entry("export", "--brief", "--actor", "sam-altman")
    assert result.returncode == 2
    assert result.stderr.strip() == "openai-saga: --brief and --actor cannot be combined"


# Printed in Chromium -------------------------------------------------------------------------


def printed_pages(html_file: Path, work: Path) -> int:
    """Print `html_file` to PDF with Debian's chromium, as a teacher would, and count pages."""
    chromium = shutil.which("chromium")
    pdfinfo = shutil.which("pdfinfo")
    if chromium is None or pdfinfo is None:
        pytest.fail(
            "printing the brief needs Debian's chromium and pdfinfo: "
            f"apt-get install -y {CHROMIUM_PACKAGES}"
        )
    pdf = work / "brief.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={work / 'profile'}",
            f"--print-to-pdf={pdf}",
            html_file.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    info = subprocess.run(
        [pdfinfo, str(pdf)], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert found, info
    return int(found.group(1))


@pytest.mark.parametrize("lang", LANGS)
def test_the_brief_prints_on_at_most_four_a4_pages(saga: Saga, tmp_path: Path, lang: str) -> None:
    html_file = tmp_path / f"brief-{lang}.html"
    html_file.write_text(to_html(build_brief(saga, lang)), encoding="utf-8")
    pages = printed_pages(html_file, tmp_path)
    assert 1 <= pages <= MAX_PAGES, f"{lang}: {pages} pages"


def test_the_page_count_can_fail(saga: Saga, tmp_path: Path) -> None:
    """The same measure finds more than four pages in the full handout: it counts for real."""
    from tui.view.export import to_html as handout_html
    from tui.view.export import whole_story

    html_file = tmp_path / "handout.html"
    html_file.write_text(handout_html(whole_story(saga, "en")), encoding="utf-8")
    assert printed_pages(html_file, tmp_path) > MAX_PAGES
