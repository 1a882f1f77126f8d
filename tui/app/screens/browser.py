"""The browser: linked panes that always show the same moment.

The screen owns one reactive, `selection` (`tui.view.selection.Selection`): the event, the language,
the followed actor, the second language, the clock and the mode. Every pane is bound to it with
`data_bind` and derives what it shows ("attributes down"); panes post `EventPicked`,
`DayPicked`, `ActorFollowed` ("messages up") and the screen answers with a new selection. The
day is never stored: it is the selected event's day, so no two panes can disagree about it.

To add a pane: give it a `selection` reactive (a list pane: subclass `SagaList`, which has it)
and a `watch_selection(old, new)` that redraws what depends on the fields that changed, then
yield it from `compose` with `.data_bind(BrowserScreen.selection)`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive, reactive
from textual.widget import Widget
from textual.widgets import Static

from story import Saga
from tui.app.commands import BROWSER_COMMANDS, bindings, fit_footer
from tui.app.labels import tr_label
from tui.app.messages import ActorFollowed, DayPicked, EventPicked
from tui.app.screens.batch_frames import NoDroppedFrames
from tui.app.widgets.arc import ArcList
from tui.app.widgets.cast import CastList
from tui.app.widgets.days import DaysList
from tui.app.widgets.detail import EventDetail
from tui.app.widgets.events import EventsList
from tui.app.widgets.key_bar import KeyBar
from tui.app.widgets.power import PowerStrip
from tui.app.widgets.presenter import PresenterView
from tui.locale.cldr import READER_ZONES, number
from tui.locale.i18n import LANGUAGE_NAMES, LANGUAGES, next_language, tr
from tui.view.safe import neutralise, plain
from tui.view.selection import NOTHING, Selection

if TYPE_CHECKING:
    from tui.app.saga_app import SagaApp


class BrowserScreen(NoDroppedFrames):
    """Days, events, the event in full, the cast and the followed actor's arc."""

    CSS_PATH = "browser.tcss"
    COMMAND_TABLE = BROWSER_COMMANDS
    BINDINGS = bindings(COMMAND_TABLE)

    selection: reactive[Selection] = reactive(NOTHING, init=False, repaint=False)
    """What is on screen; the one place the event, the actor and the language live."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual repaints the whole screen when the focus moves (a frame's worth of work on every
    `tab`); here only the pane losing focus and the one gaining it change (their `:focus`
    looks), and each repaints itself."""

    def __init__(self, saga: Saga, selection: Selection) -> None:
        super().__init__()
        self.saga = saga
        self.set_reactive(BrowserScreen.selection, selection)
        self.hits: list[str] = []
        """Event ids of the last search, for n / N."""
        self._selecting = False
        self._next: Selection | None = None
        """A selection asked for while another was being handed to the panes (`select`)."""

    def compose(self) -> ComposeResult:
        bound = BrowserScreen.selection
        yield Static(id="title-bar", markup=False)
        yield PowerStrip(self.saga, id="power").data_bind(bound)
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield DaysList(self.saga, id="days").data_bind(bound)
                yield CastList(self.saga, id="cast").data_bind(bound)
            with Vertical(id="middle"):
                yield EventsList(self.saga, id="events").data_bind(bound)
                yield ArcList(self.saga, id="arc").data_bind(bound)
            yield EventDetail(self.saga, id="detail").data_bind(bound)
        presentation = cast("SagaApp", self.app).presentation
        yield PresenterView(self.saga, presentation).data_bind(bound)
        yield KeyBar()

    def on_mount(self) -> None:
        self.relabel()
        self.show_presenter(self.selection.mode == "present")
        self.query_one("#events").focus()

    # The selection ---------------------------------------------------------------------------

    def select(self, selection: Selection) -> None:
        """Show `selection`: every pane redraws what changed, in one screen update.

        A selection asked for while one is being handed to the panes (a watcher that answers a
        change with another: a class undoing a student's key) waits for the first to reach
        every pane, then follows it. Set at once, the panes after that watcher would be handed
        the first selection after the second, and keep showing it."""
        if self._selecting:
            self._next = selection
            return
        self._selecting = True
        try:
            with self.app.batch_update():
                while True:
                    if selection != self.selection:
                        self.selection = selection
                    if self._next is None:
                        break
                    selection, self._next = self._next, None
        finally:
            self._selecting = False

    def change(self, **changes: object) -> None:
        """Show the selection with some fields changed (`change(event="altman-fired")`)."""
        self.select(replace(self.selection, **changes))  # type: ignore[arg-type]

    def show_presenter(self, on: bool) -> None:
        """Presenter mode: the presenter view replaces the panes, under the power strip.

        Two widgets shown or hidden, not a class on the app: a class restyles every widget of
        every screen (most of what `p` cost)."""
        for presenter in self.query(PresenterView):  # none before the screen is composed
            presenter.display = on
        for panes in self.query("#panes"):
            panes.display = not on

    @property
    def presenting(self) -> bool:
        """Whether the presenter view is shown (presenter mode)."""
        return any(presenter.display for presenter in self.query(PresenterView))

    def watch_selection(self, old: Selection, new: Selection) -> None:
        if (old.lang, old.second_lang) != (new.lang, new.second_lang):
            self.relabel()

    def relabel(self) -> None:
        """Texts of the screen itself that depend on the language."""
        lang = self.selection.lang
        self.query_one("#days", DaysList).border_title = tr_label(lang, "pane.days")
        title = plain(self.saga.info.title(lang), "bold")
        title.append(f"  ·  {LANGUAGE_NAMES[lang]}", style="dim")
        if self.selection.second_lang:
            title.append(f" + {LANGUAGE_NAMES[self.selection.second_lang]}", style="dim")
        # One line across the screen whatever it says (browser.tcss): a repaint, not a layout.
        self.query_one("#title-bar", Static).update(title, layout=False)
        fit_footer(self, lang)

    @property
    def day_id(self) -> str:
        """The selected day: always the selected event's day."""
        return self.saga.day_of_event[self.selection.event]

    def select_event(self, event_id: str | None) -> None:
        """Select an event (and so its day) in every pane; unknown ids are ignored."""
        if event_id in self.saga.event_by_id:
            self.change(event=event_id)

    def select_day(self, day_id: str) -> None:
        """Select a day: its first event."""
        day = self.saga.day_by_id.get(day_id)
        if day is not None and day_id != self.day_id:
            self.change(event=day.events[0].id)

    def follow(self, actor_id: str) -> None:
        """Follow an actor's arc."""
        if actor_id in self.saga.actors:
            self.change(actor=actor_id)
            lang = self.selection.lang
            name = self.saga.actors[actor_id].name(lang)
            notice = neutralise(tr(lang, "notice.following", name=name))
            self.notify(notice, markup=False, timeout=2)

    def on_event_picked(self, message: EventPicked) -> None:
        self.select_event(message.event_id)

    def on_day_picked(self, message: DayPicked) -> None:
        self.select_day(message.day_id)

    def on_actor_followed(self, message: ActorFollowed) -> None:
        self.follow(message.actor_id)

    # Actions ---------------------------------------------------------------------------------

    def action_step_day(self, step: int) -> None:
        index = self.saga.day_index(self.day_id) + step
        if 0 <= index < len(self.saga.days):
            self.select_day(self.saga.days[index].id)

    def action_edge_day(self, index: int) -> None:
        self.select_day(self.saga.days[index].id)

    def action_step_event(self, step: int) -> None:
        events = self.saga.day_by_id[self.day_id].events
        here = self.selection.event
        position = next(i for i, event in enumerate(events) if event.id == here) + step
        if 0 <= position < len(events):
            self.change(event=events[position].id)

    def action_step_story(self, step: int) -> None:
        event = self.saga.next_event(self.selection.event, step)
        if event is not None:
            self.change(event=event.id)

    def action_step_hit(self, step: int) -> None:
        """Next / previous search hit, or the followed actor's next / previous appearance; says
        where it is ("3 / 7"), and says so when there is nothing to step to."""
        lang = self.selection.lang
        targets = self.hits or [
            event.id for event in self.saga.events_of_actor.get(self.selection.actor, ())
        ]
        if len(targets) <= 1 and (not targets or targets[0] == self.selection.event):
            self.app.bell()
            key = "search.nothing" if not targets else "search.only_one"
            self.notify(tr(lang, key), timeout=3)
            return
        here = self.saga.position_of_event[self.selection.event]
        positions = sorted(self.saga.position_of_event[target] for target in targets)
        if step > 0:
            later = [p for p in positions if p > here]
            position = min(later) if later else min(positions)
        else:
            earlier = [p for p in positions if p < here]
            position = max(earlier) if earlier else max(positions)
        self.change(event=self.saga.events[position].id)
        where = tr(
            lang,
            "search.position",
            position=number(positions.index(position) + 1, lang),
            count=number(len(positions), lang),
        )
        self.notify(where, timeout=2)

    def action_toggle_bilingual(self) -> None:
        second = self.selection.second_lang
        self.change(second_lang=None if second else next_language(self.selection.lang))

    def show_beside(self, lang: str) -> None:
        """Bilingual mode with `lang` beside the reader's language."""
        if lang in LANGUAGES and lang != self.selection.lang:
            self.change(second_lang=lang)

    def action_next_second_language(self) -> None:
        lang = self.selection.lang
        choice = next_language(self.selection.second_lang or lang)
        if choice == lang:
            choice = next_language(choice)
        self.change(second_lang=choice)

    def action_next_zone(self) -> None:
        zones: list[str | None] = [None, *READER_ZONES]
        self.change(zone=zones[(zones.index(self.selection.zone) + 1) % len(zones)])

    def action_toggle_lower_pane(self) -> None:
        """In a narrow terminal, show the cast below the days or the arc below the events."""
        self.toggle_class("-lower-cast")

    def action_open_script(self) -> None:
        self.change(mode="script")

    def action_open_quiz(self) -> None:
        """The quiz, as the selection's mode: a class following the teacher sees it too."""
        self.change(mode="quiz")

    def action_search(self) -> None:
        from tui.app.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self), callback=self._searched)

    def _searched(self, result: tuple[list[str], str | None] | None) -> None:
        if result is None:
            return
        hits, chosen = result
        self.hits = hits
        self.select_event(chosen)

    @property
    def focused_pane(self) -> str:
        """The id of the focused pane (saved with the place)."""
        focused = self.focused
        return focused.id if focused is not None and focused.id else "events"
