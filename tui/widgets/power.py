"""The crisis at a glance: who held the top seat and how many sat on the counted body, day by
day (what the story's `power` declares: OpenAI's CEO and board in the saga), and the latest
number the story counts (the staff letter's signatures).

The cells are computed once per language; a key press only re-renders the window of days that
fits the width, centred on the selected day, so the cost does not grow with the story.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from story import Saga
from story.model import Event
from tui.cldr import number
from tui.colours import actor_colour
from tui.render import day_title, text_in
from tui.safe import plain
from tui.selection import NOTHING, Selection

CELL = 5
"""Columns per day: a four-cell label and a space."""


@dataclass(frozen=True, slots=True)
class DayCell:
    """What the strip shows for one day."""

    day_id: str
    initials: str
    colour: str | None
    board: int


class PowerStrip(Widget):
    """One cell per day: the seat holder's initials in their colour (OpenAI's CEO), the
    counted body's size under it (its board); what is followed is the story's `power`."""

    selection: reactive[Selection] = reactive(NOTHING, init=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga
        self._figures: tuple[Event, ...] = tuple(e for e in saga.events if e.figure is not None)
        self._cells = lru_cache(maxsize=4)(self._compute_cells)

    def _compute_cells(self, lang: str) -> tuple[DayCell, ...]:
        cells = []
        for day in self.saga.days:
            date = self.saga.day_date(day)
            holders = self.saga.seat_holders(date)
            board = self.saga.body_size(date)
            if holders:
                actor = holders[-1].actor
                initials = "".join(word[:1] for word in actor.name(lang).split()[:2]) or "?"
                cells.append(DayCell(day.id, initials, actor_colour(self.saga, actor.id), board))
            else:
                cells.append(DayCell(day.id, "--", None, board))
        return tuple(cells)

    def watch_selection(self, old: Selection, new: Selection) -> None:
        if (old.event, old.lang) != (new.event, new.lang):
            self.refresh()

    def render(self) -> Text:
        saga = self.saga
        lang = self.selection.lang
        current = saga.day_of_event.get(self.selection.event, "")
        power = saga.info.power
        ceo_line = plain(power.seat_label(lang) if power else "", "bold")
        board_line = plain(power.body_label(lang) if power and power.body else "", "bold")
        label_width = max(ceo_line.cell_len, board_line.cell_len) + 1
        ceo_line.pad_right(label_width - ceo_line.cell_len)
        board_line.pad_right(label_width - board_line.cell_len)
        cells = self._cells(lang) if power is not None else ()
        index = saga.day_index(current) if current else 0
        room = max(1, (self.size.width - label_width - 30) // CELL)
        first = max(0, min(index - room // 2, len(cells) - room))
        for cell in cells[first : first + room]:
            here = cell.day_id == current
            style = f"bold reverse {cell.colour}" if cell.colour else "dim"
            label = Text(f"{cell.initials:^4}", style=style)
            if here:
                label.stylize("underline")
            ceo_line.append_text(label)
            ceo_line.append(" ")
            board_line.append(f"{cell.board:^4}", style="bold underline" if here else "")
            board_line.append(" ")
        day = saga.day_by_id.get(current)
        if day is not None:
            ceo_line.append(" ")
            ceo_line.append_text(plain(day_title(saga, day, lang), "bold"))
            board_line.append_text(self._figure_so_far(saga.day_date(day), lang))
        return Text("\n", end="").join([ceo_line, board_line])

    def _figure_so_far(self, date: str, lang: str) -> Text:
        """The latest number the story has counted by `date`."""
        latest = None
        for event in self._figures:
            if event.date <= date:
                latest = event
        if latest is None or latest.figure is None:
            return Text(end="")
        figure = latest.figure
        count = number(figure.value, lang)
        if figure.total:
            count += "/" + number(figure.total, lang)
        here = latest.id == self.selection.event
        line = plain(f" ✉ {count} ", "bold reverse" if here else "bold")
        line.append_text(text_in(figure.label, lang))
        return line
