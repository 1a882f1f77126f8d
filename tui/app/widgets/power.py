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
from textual import events
from textual.reactive import reactive
from textual.widget import Widget

from story import BACKGROUND, Saga
from story.model import Event
from tui.app.messages import DayPicked
from tui.locale.cldr import number, strip_day
from tui.locale.i18n import tr
from tui.view.colours import actor_colour
from tui.view.render import actor_name, day_title, text_in
from tui.view.safe import plain
from tui.view.selection import NOTHING, Selection

CELL = 5
"""Columns per day: a four-cell label and a space."""


@dataclass(frozen=True, slots=True)
class DayCell:
    """What the strip shows for one day."""

    day_id: str
    initials: str
    colour: str | None
    board: int
    actor_id: str = ""
    """Whose initials they are ("" for nobody)."""


class PowerStrip(Widget):
    """One cell per day: the seat holder's initials in their colour (OpenAI's CEO), the
    counted body's size under it (its board); what is followed is the story's `power`."""

    selection: reactive[Selection] = reactive(NOTHING, init=False, repaint=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga
        self._figures: tuple[Event, ...] = tuple(e for e in saga.events if e.figure is not None)
        self._cells = lru_cache(maxsize=4)(self._compute_cells)
        self._window = (0, 0)
        """The first day shown and the width of the labels, for clicks."""

    def _compute_cells(self, lang: str) -> tuple[DayCell, ...]:
        cells = []
        # Each holder's initials and colour, worked out once: a seat changes hands a few times
        # in thousands of days (8,328 cells at 100,000 events, 0.1 s a language before).
        looks: dict[str, tuple[str, str | None]] = {}
        for day in self.saga.days:
            date = self.saga.day_date(day)
            holders = self.saga.seat_holders(date)
            board = self.saga.body_size(date)
            if holders:
                actor = holders[-1].actor
                if actor.id not in looks:
                    initials = "".join(word[:1] for word in actor.name(lang).split()[:2]) or "?"
                    looks[actor.id] = (initials, actor_colour(self.saga, actor.id))
                initials, colour = looks[actor.id]
                cells.append(DayCell(day.id, initials, colour, board, actor.id))
            else:
                cells.append(DayCell(day.id, "--", None, board))
        return tuple(cells)

    def watch_selection(self, old: Selection, new: Selection) -> None:
        days = (
            self.saga.day_of_event
        )  # the strip shows the day, not the event: same day, same strip
        if (days.get(old.event), old.lang) != (days.get(new.event), new.lang):
            self.refresh()

    def render(self) -> Text:
        """Three lines: each column's day, the seat holder's initials (with a legend), the
        body's size (with the latest figure); two in a short terminal (no body line)."""
        saga = self.saga
        lang = self.selection.lang
        current = saga.day_of_event.get(self.selection.event, "")
        power = saga.info.power
        day_line = Text(end="")
        seat_line = plain(power.seat_label(lang) if power else "", "bold")
        body_line = plain(power.body_label(lang) if power and power.body else "", "bold")
        compact = self.size.height < 3  # a short terminal: the days and the seat only
        label_width = max(seat_line.cell_len, 0 if compact else body_line.cell_len) + 1
        for line in (day_line, seat_line, body_line):
            line.pad_right(label_width - line.cell_len)
        cells = self._cells(lang) if power is not None else ()
        index = saga.day_index(current) if current else 0
        room = max(1, (self.size.width - label_width - 24) // CELL)
        while True:  # as many days as leave room for the legend of those shown
            first = max(0, min(index - room // 2, len(cells) - room))
            shown = cells[first : first + room]
            legend = self._legend(shown, lang)
            if room <= 3 or label_width + room * CELL + legend.cell_len <= self.size.width:
                break
            room -= 1
        self._window = (first, label_width)
        for cell in shown:
            here = cell.day_id == current
            day_line.append(f"{self._day_label(cell.day_id, lang):^4} ", style=_here(here, "bold"))
            style = f"bold reverse {cell.colour}" if cell.colour else "dim"
            seat_line.append_text(Text(f"{cell.initials:^4}", style=_here(here, style)))
            seat_line.append(" ")
            body_line.append(f"{cell.board:^4} ", style=_here(here, ""))
        day = saga.day_by_id.get(current)
        if day is not None:
            day_line.append_text(plain(day_title(saga, day, lang), "bold"))
            body_line.append_text(self._figure_so_far(saga.day_date(day), lang))
        seat_line.append_text(legend)
        lines = [day_line, seat_line, body_line] if power is not None else [day_line]
        if self.size.height < len(lines):
            lines = lines[: max(1, self.size.height)]
        strip = Text("\n", end="", no_wrap=True, overflow="crop").join(lines)
        strip.no_wrap, strip.overflow = True, "crop"  # a line too long is cut, never wrapped
        return strip

    def _day_label(self, day_id: str, lang: str) -> str:
        """A column's day: "Fr17", or the background's short name."""
        if day_id == BACKGROUND:
            return tr(lang, "power.background")
        return strip_day(day_id, lang)

    def _legend(self, cells: tuple[DayCell, ...], lang: str) -> Text:
        """Who the initials stand for: "SA Sam Altman · MM Mira Murati"."""
        legend = Text(end="")
        seen: dict[str, str] = {}
        for cell in cells:
            if cell.actor_id and cell.initials not in seen:
                seen[cell.initials] = cell.actor_id
        for order, (initials, actor_id) in enumerate(seen.items()):
            legend.append(" · " if order else " ", style="dim")
            legend.append(initials, style="bold")
            legend.append(" ")
            legend.append_text(actor_name(self.saga, actor_id, lang))
        return legend

    def on_click(self, event: events.Click) -> None:
        """A click on a column opens its day."""
        first, label_width = self._window
        column = event.x - self.styles.padding.left - label_width
        cells = self._cells(self.selection.lang)
        if column >= 0 and first + column // CELL < len(cells):
            self.post_message(DayPicked(cells[first + column // CELL].day_id))

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


def _here(here: bool, style: str) -> str:
    """A style, underlined in the selected day's column."""
    return f"{style} underline".strip() if here else style
