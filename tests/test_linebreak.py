"""Line breaking: Chinese set by its rules, words and numbers whole, no line wider than asked,
styles kept, and the fast rule engine giving uniseg's (the reference UAX #14) answers."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import OptionList, Static
from uniseg.linebreak import line_break_breakables

from openai_saga_assets import STORY_DIR
from tui.view.linebreak import Wrapped, line_spans, wrap_lines
from tui.view.uax14 import DELEGATED, breakables, line_break_class

CLOSING = "，。、；：？！」』）》”’"
"""What may never start a line in Chinese (the rule the issue saw broken)."""
OPENING = "「『（《“‘"
"""What may never end one."""

CEO_SENTENCE = (
    "OpenAI联合创始人兼CEO，ChatGPT的公众代言人。2023年11月17日被董事会解雇，"
    "两天后被宣布于00:30加入微软，一周之内又重回OpenAI出任CEO。"
)


def lines_of(text: str | Text, width: int, hang: int = 0) -> list[str]:
    return [
        line.plain
        for line in wrap_lines(Text(text) if isinstance(text, str) else text, width, hang=hang)
    ]


@cache
def story_strings(lang: str) -> tuple[str, ...]:
    """Every text of the shipped story in `lang`."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == lang and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in sorted(Path(STORY_DIR).glob("*.yaml")):
        walk(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
    return tuple(found)


# The cases ---------------------------------------------------------------------------


@pytest.mark.parametrize("width", range(8, 41))
def test_latin_words_and_times_stay_whole_in_chinese(width: int) -> None:
    lines = lines_of(CEO_SENTENCE, width)
    assert sum("ChatGPT" in line for line in lines) == 1, lines
    assert sum("00:30" in line for line in lines) == 1, lines
    assert sum(line.count("OpenAI") for line in lines) == 2, lines


@pytest.mark.parametrize("width", range(8, 41))
def test_no_chinese_line_starts_with_closing_or_ends_with_opening_punctuation(width: int) -> None:
    """Every Chinese text of the story. Below 8 cells some units cannot be placed at all
    ("手”）；" is 7 cells, and any cut of it starts a line with a closing mark)."""
    for paragraph in story_strings("zh"):
        lines = lines_of(paragraph, width)
        for previous, line in pairwise(lines):
            assert line[:1] not in CLOSING, (previous, line)
            assert previous[-1:] not in OPENING, (previous, line)


def test_what_textual_does_today_is_what_this_fixes() -> None:
    """Rich (and Textual's Content, which wraps the same way) fold Chinese by cells."""
    console = Console()
    for width in range(8, 41):
        folded = [line.plain for line in Text(CEO_SENTENCE).wrap(console, width)]
        if not any("ChatGPT" in line for line in folded):
            break
    else:
        pytest.fail("Rich kept ChatGPT whole at every width: the test shows nothing")
    assert any("ChatGPT" in line for line in lines_of(CEO_SENTENCE, width))


def test_chinese_lines_are_filled_to_the_width() -> None:
    """Breaks between any two ideographs are allowed: lines are full, not ragged at phrases."""
    lines = lines_of(CEO_SENTENCE, 20)
    assert all(cell_len(line) >= 18 for line in lines[:-1]), lines


def test_french_no_break_spaces_hold() -> None:
    text = "Il a dit\u00a0: «\u202fnon\u202f» puis a payé 12\u00a0000\u00a0dollars, soit 11\u202f000 euros."
    for width in range(16, 60):  # "12 000 dollars," is 15 cells
        lines = lines_of(text, width)
        assert any("dit\u00a0:" in line for line in lines), lines
        assert any("«\u202fnon\u202f»" in line for line in lines), lines
        assert any("12\u00a0000\u00a0dollars" in line for line in lines), lines
        assert any("11\u202f000" in line for line in lines), lines


def test_english_and_indonesian_wrap_at_spaces() -> None:
    text = "Dewan direksi memecat Sam Altman pada hari Jumat, 17 November."
    assert lines_of(text, 20) == [
        "Dewan direksi",
        "memecat Sam Altman",
        "pada hari Jumat, 17",
        "November.",
    ]
    assert lines_of("Brockman quit — hours later.", 15) == ["Brockman quit —", "hours later."]


def test_a_word_wider_than_the_line_is_folded_never_overflowing() -> None:
    address = "https://openai.com/blog/openai-announces-leadership-transition"
    lines = lines_of(f"See {address} now", 12)
    assert all(cell_len(line) <= 12 for line in lines), lines
    assert "".join(lines).replace(" ", "") == f"See{address}now"


def test_a_fold_does_not_start_a_line_with_a_comma() -> None:
    assert lines_of("兼CEO，董事", 3) == ["兼", "CE", "O，", "董", "事"]


def test_hanging_lines_start_under_the_title() -> None:
    row = "  09:30 The board fires Sam Altman over a video call"
    assert lines_of(row, 24, hang=8) == [
        "  09:30 The board fires",
        "        Sam Altman over",
        "        a video call",
    ]


def test_newlines_keep_paragraphs_and_blank_lines() -> None:
    assert lines_of("一二三\n\n四五", 4) == ["一二", "三", "", "四五"]
    assert lines_of("end\n", 10) == ["end", ""]


def test_styles_survive_the_breaks() -> None:
    text = Text("董事会解雇了")
    text.append("ChatGPT", style="bold red")
    text.append("的公众代言人。", style="italic")
    lines = wrap_lines(text, 10)
    assert [line.plain for line in lines] == ["董事会解雇", "了ChatGPT", "的公众代言", "人。"]
    console = Console()
    assert lines[1].get_style_at_offset(console, 0) == Style()
    assert lines[1].get_style_at_offset(console, 1) == Style.parse("bold red")
    assert lines[3].get_style_at_offset(console, 0) == Style.parse("italic")


# The renderable ------------------------------------------------------------------------------


def test_wrapped_renders_lines_that_rich_does_not_wrap_again() -> None:
    console = Console(width=23, legacy_windows=False)
    rendered = console.render_lines(Wrapped(Text(CEO_SENTENCE)), pad=False)
    shown = ["".join(segment.text for segment in line) for line in rendered]
    assert shown == lines_of(CEO_SENTENCE, 23)


def test_wrapped_measures_its_longest_paragraph_and_widest_unit() -> None:
    console = Console(width=80)
    measurement = Wrapped(Text("ChatGPT的公众代言人\nabc")).__rich_measure__(
        console, console.options
    )
    assert (measurement.minimum, measurement.maximum) == (7, 19)


def test_wrapped_rows_compare_by_text_so_lists_rebuild_only_changes() -> None:
    assert Wrapped(Text("一二", style="bold"), hang=2) == Wrapped(
        Text("一二", style="bold"), hang=2
    )
    assert Wrapped(Text("一二"), hang=2) != Wrapped(Text("一二"), hang=3)
    assert Wrapped(Text("一二")) != Wrapped(Text("一三"))
    assert Wrapped(Text("一二", style="bold")) != Wrapped(Text("一二"))


class Boxes(App[None]):
    """A bordered Static and an OptionList given `Wrapped` text, as the panes would."""

    CSS = """
    Static { border: round white; width: 24; height: auto; }
    OptionList { width: 24; height: 12; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Wrapped(Text(CEO_SENTENCE)))
        yield OptionList(Wrapped(Text("  09:30 董事会解雇了ChatGPT的代言人"), hang=8))


def strip_texts(widget: Static | OptionList) -> list[str]:
    width, height = widget.outer_size
    return [strip.text for strip in widget.render_lines(Region(0, 0, width, height))]


async def test_wrapped_text_in_widgets_keeps_borders_and_words() -> None:
    app = Boxes()
    async with app.run_test(size=(40, 30)) as pilot:
        await pilot.pause()
        rows = strip_texts(app.query_one(Static))
        assert rows[0].startswith("╭") and rows[-1].startswith("╰")
        inner = [row for row in rows[1:-1]]
        assert all(cell_len(row) == 24 and row[0] == "│" and row[-1] == "│" for row in inner), rows
        assert [row[1:-1].rstrip() for row in inner] == lines_of(CEO_SENTENCE, 22)
        options = "\n".join(strip_texts(app.query_one(OptionList)))
        assert "ChatGPT" in options


# Properties ----------------------------------------------------------------------------------

MIXED = st.text(
    alphabet=st.sampled_from(
        list("ab Zé1 2\u00a0\u202f,.:;!?-/“”«»()—…·")
        + list("中文董事会解雇奥尔特曼，。、；：？！「」『』（）《》")
        + ["\n", "\u0301", "😀"]
    ),
    max_size=80,
)


def non_spaces(text: str) -> str:
    return text.replace(" ", "").replace("\n", "")


@settings(max_examples=300, deadline=None)
@given(text=MIXED, width=st.integers(min_value=1, max_value=40), hang=st.integers(0, 6))
def test_no_line_is_wider_than_asked_and_no_text_is_lost(text: str, width: int, hang: int) -> None:
    lines = lines_of(text, width, hang)
    for line in lines:
        single_wide_character = sum(cell_len(char) > 0 for char in line) == 1
        assert cell_len(line) <= width or single_wide_character, (line, width)
    assert non_spaces("".join(lines)) == non_spaces(text)


@settings(max_examples=150, deadline=None)
@given(
    text=MIXED.filter(lambda value: "\n" not in value),
    width=st.integers(min_value=2, max_value=30),
    cut=st.integers(min_value=0, max_value=80),
)
def test_every_character_keeps_its_style(text: str, width: int, cut: int) -> None:
    styled = Text(text[:cut], style="red")
    styled.append(text[cut:], style="blue")
    console = Console()
    position = 0
    for line in wrap_lines(styled, width):
        for offset, char in enumerate(line.plain):
            while text[position] != char:
                assert text[position] == " ", "only spaces vanish at a break"
                position += 1
            expected = "red" if position < cut else "blue"
            assert line.get_style_at_offset(console, offset) == Style.parse(expected)
            position += 1


@settings(max_examples=200, deadline=None)
@given(MIXED, st.integers(min_value=1, max_value=40))
def test_lines_break_only_where_the_rules_allow(text: str, width: int) -> None:
    """A break the rules forbid is a fold, and a fold happens only inside a unit (the text
    between two allowed breaks) wider than the line."""
    for paragraph in text.split("\n"):
        flags = breakables(paragraph)
        spans = line_spans(paragraph, width)
        for _, (start, _) in pairwise(spans):
            if flags[start]:
                continue
            unit_start = max(i for i in range(start + 1) if i == 0 or flags[i])
            unit_end = min(
                [i for i in range(start + 1, len(paragraph)) if flags[i]] + [len(paragraph)]
            )
            assert cell_len(paragraph[unit_start:unit_end].rstrip(" ")) > width, (paragraph, spans)


# The fast engine against uniseg --------------------------------------------------------------


def reference(text: str) -> tuple[bool, ...]:
    return tuple(bool(flag) for flag in line_break_breakables(text, property=line_break_class))


def test_rules_match_uniseg_on_every_chinese_story_text() -> None:
    for text in story_strings("zh"):
        assert breakables(text) == reference(text), text


def test_rules_match_uniseg_on_french_and_english_story_texts() -> None:
    for text in story_strings("fr")[::4] + story_strings("en")[::4]:
        assert breakables(text) == reference(text), text


def classes_pool() -> Iterator[str]:
    """Characters of every Line_Break class the engine handles itself, a few of each."""
    seen: dict[str, int] = {}
    for code in [
        *range(0x3000),
        *range(0x3000, 0xA000, 97),
        *range(0xFE00, 0x10000),
        *range(0x1F300, 0x1F700),
    ]:
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        cls = str(line_break_class(char).value)
        if cls not in DELEGATED and seen.get(cls, 0) < 12:
            seen[cls] = seen.get(cls, 0) + 1
            yield char


POOL = sorted(set(classes_pool()))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(POOL), min_size=1, max_size=12))
def test_rules_match_uniseg_on_any_mix_of_classes(text: str) -> None:
    assert breakables(text) == reference(text)


def test_delegated_scripts_go_to_uniseg() -> None:
    thai = "ภาษาไทยไม่มีช่องว่าง"
    assert breakables(thai) == reference(thai)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60),
    st.integers(min_value=1, max_value=80),
    st.integers(min_value=0, max_value=10),
)
def test_a_paragraph_that_fits_is_one_line_as_the_rules_find(
    paragraph: str, width: int, hang: int
) -> None:
    """The short cut for a paragraph that fits its width gives what the rules give: one line,
    the whole paragraph (a short cut that differed would break rows and titles differently)."""
    from tui.view.linebreak import _cells, _spans

    paragraph = paragraph.replace("\n", " ")
    if paragraph and _cells(paragraph)[-1] <= width:
        assert line_spans(paragraph, width, hang) == _spans(
            paragraph, _cells(paragraph), width, hang
        )
        assert line_spans(paragraph, width, hang) == ((0, len(paragraph)),)
