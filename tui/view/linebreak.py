"""Lines broken where the language allows, measured in terminal cells, styles kept.

Rich and Textual wrap at spaces and fold anything longer by cells, so Chinese, which has no
spaces, is cut anywhere: "C/hatGPT", "00/3", a line that starts with "，". Here the break
opportunities are the Unicode line breaking rules (UAX #14, `tui.view.uax14`): never before closing
punctuation (，。、；：？！」』）》), never after opening punctuation (「『（《), Latin words and
numbers ("ChatGPT", "00:30") whole, never at a no-break space (French U+00A0, U+202F). The
rules depend on the characters, not on the language, so mixed Chinese and Latin text needs no
hint. Lines are filled greedily; a unit wider than the line (a long address) is folded by
cells so that no line is wider than asked, and a border drawn around it stays whole.

`Wrapped(text)` is the renderable for widgets: it breaks at the width Rich gives it and yields
lines that Rich must not wrap again.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate, compress

from rich.cells import get_character_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from tui.view.uax14 import breakables, must_not_end, must_not_start

Span = tuple[int, int]
"""A line as the offsets of its first character and just past its last shown one."""


@lru_cache(maxsize=4096)
def _cells(paragraph: str) -> tuple[int, ...]:
    """Cell position of each offset of `paragraph` (one more entry than characters)."""
    if paragraph.isascii() and paragraph.isprintable():
        return tuple(range(len(paragraph) + 1))
    return (0, *accumulate(get_character_cell_size(char) for char in paragraph))


@lru_cache(maxsize=4096)
def _units(paragraph: str) -> tuple[tuple[int, int], ...]:
    """The paragraph's unbreakable units, each as its end and the end of what it shows (the
    spaces that close a unit vanish when a line ends there)."""
    stops = [*compress(range(len(paragraph)), breakables(paragraph)), len(paragraph)]
    units = []
    start = 0
    for stop in stops:
        units.append((stop, _shown_end(paragraph, start, stop)))
        start = stop
    return tuple(units)


def _shown_end(paragraph: str, start: int, end: int) -> int:
    """`end` less the spaces that close `paragraph[start:end]`."""
    while end > start and paragraph[end - 1] == " ":
        end -= 1
    return end


@lru_cache(maxsize=8192)
def line_spans(paragraph: str, width: int, hang: int = 0) -> tuple[Span, ...]:
    """Where each line of one paragraph (no newline) starts and ends, the first line
    `width` cells wide and the next ones `width - hang`.

    A line is never wider than its width, except a single character wider than the whole
    width (a Chinese character in one cell), which stands alone on its line."""
    if not paragraph:
        return ((0, 0),)
    cells = _cells(paragraph)
    if cells[-1] <= max(1, width):
        # It fits: one line, as the rules below would find (each unit fits, so none closes a
        # line), without asking UAX #14 where the breaks are (most rows and titles fit).
        return ((0, len(paragraph)),)
    return _spans(paragraph, cells, width, hang)


def _spans(paragraph: str, cells: tuple[int, ...], width: int, hang: int) -> tuple[Span, ...]:
    """`line_spans` by the rules: units filled greedily, the first line `width` cells wide."""
    spans: list[Span] = []
    start = end = 0
    room, next_room = max(1, width), max(1, width - hang)
    for stop, shown in _units(paragraph):
        if cells[shown] - cells[start] <= room:
            end = stop
            continue
        line_end = _shown_end(paragraph, start, end)
        if line_end > start:  # close the line (a line of spaces only is kept, not closed)
            spans.append((start, line_end))
            start, room = end, next_room
            if cells[shown] - cells[start] <= room:
                end = stop
                continue
        start, room = _fold(paragraph, cells, start, shown, (room, next_room), spans)
        end = stop
    last = _shown_end(paragraph, start, end)
    while cells[end] - cells[start] > room and end > last:
        end -= 1  # trailing spaces that do not fit
    spans.append((start, end))
    return tuple(spans)


def _fold(
    paragraph: str,
    cells: tuple[int, ...],
    start: int,
    shown: int,
    rooms: tuple[int, int],
    spans: list[Span],
) -> tuple[int, int]:
    """Cut the unbreakable `start:shown` into full lines (the first `rooms[0]` cells wide, the
    next `rooms[1]`), append them to `spans`, and return where the last, partial, line starts
    and its room.

    Only a line narrower than a word or a number gets here. Even so, a cut moves back rather
    than start a line with closing punctuation ("CE" + "O，", not "CEO" + "，"), spaces at a
    cut vanish, and zero-width characters (combining marks) stay
    with the character before."""
    piece, room = start, rooms[0]
    index = start
    while index < shown:
        if cells[index + 1] - cells[piece] <= room or index == piece:
            index += 1
            continue
        if cells[index + 1] == cells[index]:
            index += 1  # a mark joins the character before, whatever the room
            continue
        cut = _best_cut(paragraph, piece, index)
        spans.append((piece, cut))
        while cut < shown and paragraph[cut] == " ":
            cut += 1
        piece, room, index = cut, rooms[1], cut
    return piece, room


def _best_cut(paragraph: str, piece: int, index: int) -> int:
    """Where to fold a piece that cannot hold `paragraph[index]`: at `index`, or a little
    before it so that no line starts with closing punctuation or ends with an opening one."""
    for cut in range(index, piece, -1):
        if not must_not_start(paragraph[cut]) and not must_not_end(paragraph[cut - 1]):
            return cut
    return index


def wrap_lines(text: Text, width: int, *, hang: int = 0) -> list[Text]:
    """`text` broken into lines of at most `width` cells, each with its styles.

    Newlines end paragraphs; a line that continues a paragraph starts with `hang` spaces
    (for text hanging under a title beside a time column, say)."""
    hang = max(0, min(hang, width - 2))  # room for a wide character after the hang
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        if "\t" in paragraph.plain:
            paragraph.expand_tabs(text.tab_size or 8)
        spans = line_spans(paragraph.plain, width, hang)
        if len(spans) == 1 and spans[0] == (0, len(paragraph)):
            lines.append(paragraph)
            continue
        cuts = sorted({offset for span in spans for offset in span})
        pieces = dict(zip(cuts, paragraph.divide(cuts)[1:], strict=False))
        for number, (start, end) in enumerate(spans):
            line = pieces[start] if end > start else Text(end="")
            if number and hang:
                line = Text(" " * hang, end="") + line
            lines.append(line)
    return lines


class Wrapped:
    """A Rich renderable: `text` broken at the width it is drawn at, by the rules above.

    Give a widget `Wrapped(text)` instead of `text` (Static.update, an option's prompt); the
    lines come out whole and are not wrapped again. The lines for the last width are kept,
    since a widget draws the same text many times at one width."""

    def __init__(self, text: Text, *, hang: int = 0) -> None:
        self.text = text
        self.hang = hang
        self._width = -1
        self._lines: list[Text] = []

    def __eq__(self, other: object) -> bool:
        """Same text, same hang: lists compare rows to rebuild only those that changed."""
        if not isinstance(other, Wrapped):
            return NotImplemented
        text, theirs = self.text, other.text
        return self.hang == other.hang and text == theirs and text.style == theirs.style

    __hash__ = None  # type: ignore[assignment]  # mutable, like the Text it holds

    def __str__(self) -> str:
        """The text itself, unbroken (what a test or a screen reader wants)."""
        return self.text.plain

    def lines(self, width: int) -> list[Text]:
        """The lines at `width` cells."""
        if width != self._width:
            self._lines = wrap_lines(self.text, width, hang=self.hang)
            for line in self._lines:
                line.end = "\n"
                line.no_wrap = True
                line.overflow = "crop"
                line.justify = self.text.justify
            self._width = width
        return self._lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.lines(options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As wide as its longest paragraph, at least as wide as its widest unbreakable unit."""
        widest = longest = 0
        for paragraph in self.text.plain.split("\n"):
            cells = _cells(paragraph)
            longest = max(longest, cells[-1])
            start = 0
            for stop, shown in _units(paragraph):
                widest = max(widest, cells[shown] - cells[start])
                start = stop
        return Measurement(widest, longest).clamp(max_width=options.max_width)
