"""The crisis at a glance: who held OpenAI's CEO seat and how many sat on its board, day by day."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from story import Saga
from tui.colours import actor_colour
from tui.i18n import tr
from tui.render import day_title
from tui.safe import plain


class PowerStrip(Widget):
    """One cell per day: the CEO's initial in their colour; the board's size under it."""

    event_id: reactive[str] = reactive("", init=False)
    lang: reactive[str] = reactive("en", init=False)

    def __init__(self, saga: Saga, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.saga = saga

    def render(self) -> Text:
        saga = self.saga
        current = saga.day_of_event.get(self.event_id)
        ceo_line = plain(tr(self.lang, "power.ceo") + " ", "bold")
        board_line = plain(tr(self.lang, "power.board") + " ", "bold")
        width = max(len(ceo_line), len(board_line))
        ceo_line.pad_right(width - len(ceo_line))
        board_line.pad_right(width - len(board_line))
        for day in saga.days:
            date = saga.day_date(day)
            holders = saga.ceo_on(date)
            here = day.id == current
            cell = Text(end="")
            if holders:
                actor = holders[-1].actor
                initials = "".join(word[:1] for word in actor.name(self.lang).split()[:2])
                cell.append(
                    f"{initials or '?':^4}", style=f"bold reverse {actor_colour(saga, actor.id)}"
                )
            else:
                cell.append(" -- ", style="dim")
            if here:
                cell.stylize("underline")
            ceo_line.append_text(cell)
            ceo_line.append(" ")
            board = saga.holders(("board-member",), "openai", date)
            board_line.append(f"{len(board):^4}", style="bold underline" if here else "")
            board_line.append(" ")
        day = saga.day_by_id.get(current or "")
        if day is not None:
            ceo_line.append("  ")
            ceo_line.append_text(plain(day_title(saga, day, self.lang), "bold"))
        return Text("\n", end="").join([ceo_line, board_line])
