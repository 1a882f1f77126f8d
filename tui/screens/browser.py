"""The browser: linked panes that always show the same moment.

The screen owns the selection (`event_id`, `actor_id`) and the language as reactives and binds
every pane to them ("attributes down"); panes post `EventPicked`, `DayPicked`, `ActorFollowed`
("messages up"). The day is never stored: it is the selected event's day, so no two panes can
disagree about it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from story import Saga
from tui.cldr import READER_ZONES
from tui.commands import BROWSER_COMMANDS, bindings, localize_bindings
from tui.i18n import LANGUAGE_NAMES, LANGUAGES, next_language, tr
from tui.messages import ActorFollowed, DayPicked, EventPicked
from tui.safe import plain
from tui.widgets.arc import ArcList
from tui.widgets.cast import CastList
from tui.widgets.days import DaysList
from tui.widgets.detail import EventDetail
from tui.widgets.events import EventsList
from tui.widgets.power import PowerStrip

SHARED = ("event_id", "actor_id", "lang", "second_lang", "compare_zone")
"""The screen's attributes that panes mirror."""


class BrowserScreen(Screen[None]):
    """Days, events, the event in full, the cast and the followed actor's arc."""

    CSS_PATH = "browser.tcss"
    BINDINGS = bindings(BROWSER_COMMANDS)

    event_id: reactive[str] = reactive("", init=False)
    actor_id: reactive[str] = reactive("", init=False)
    lang: reactive[str] = reactive("en", init=False)
    second_lang: reactive[str | None] = reactive(None, init=False)
    compare_zone: reactive[str | None] = reactive(None, init=False)

    def __init__(self, saga: Saga, *, event_id: str, actor_id: str, lang: str) -> None:
        super().__init__()
        self.saga = saga
        self.set_reactive(BrowserScreen.event_id, event_id)
        self.set_reactive(BrowserScreen.actor_id, actor_id)
        self.set_reactive(BrowserScreen.lang, lang)
        self._panes: list[Widget] = []
        self.hits: list[str] = []
        """Event ids of the last search, for n / N."""

    def compose(self) -> ComposeResult:
        yield Static(id="title-bar", markup=False)
        yield self._bound(PowerStrip(self.saga, id="power"))
        with Horizontal(id="panes"):
            with Vertical(id="left"):
                yield self._bound(DaysList(self.saga, id="days"))
                yield self._bound(CastList(self.saga, id="cast"))
            with Vertical(id="middle"):
                yield self._bound(EventsList(self.saga, id="events"))
                yield self._bound(ArcList(self.saga, id="arc"))
            yield self._bound(EventDetail(self.saga, id="detail"))
        yield Footer(show_command_palette=False)

    def _bound(self, pane: Widget) -> Widget:
        """Give a pane the screen's current values of the attributes it declares."""
        for name in SHARED:
            if hasattr(type(pane), name):
                pane.set_reactive(getattr(type(pane), name), getattr(self, name))
        self._panes.append(pane)
        return pane

    def _push(self, name: str, value: object) -> None:
        """Attributes down: set `name` on every pane that has it, in one screen update.

        Done here rather than with `data_bind`, whose watchers run one pane per message-loop
        turn, so the screen was drawn four or five times per key instead of once.
        """
        with self.app.batch_update():
            for pane in self._panes:
                if hasattr(type(pane), name):
                    setattr(pane, name, value)

    def on_mount(self) -> None:
        self.query_one("#days", DaysList).border_title = tr(self.lang, "pane.days")
        self._refresh_titles()
        localize_bindings(self, self.lang)
        self.query_one("#events").focus()

    # The selection ---------------------------------------------------------------------------

    @property
    def day_id(self) -> str:
        """The selected day: always the selected event's day."""
        return self.saga.day_of_event[self.event_id]

    def select_event(self, event_id: str) -> None:
        """Select an event (and so its day) in every pane."""
        if event_id in self.saga.event_by_id:
            self.event_id = event_id

    def select_day(self, day_id: str) -> None:
        """Select a day: its first event."""
        day = self.saga.day_by_id.get(day_id)
        if day is not None and day_id != self.day_id:
            self.event_id = day.events[0].id

    def on_event_picked(self, message: EventPicked) -> None:
        self.select_event(message.event_id)

    def on_day_picked(self, message: DayPicked) -> None:
        self.select_day(message.day_id)

    def on_actor_followed(self, message: ActorFollowed) -> None:
        self.follow(message.actor_id)

    def follow(self, actor_id: str) -> None:
        """Follow an actor's arc."""
        if actor_id in self.saga.actors:
            self.actor_id = actor_id
            name = self.saga.actors[actor_id].name(self.lang)
            self.notify(tr(self.lang, "notice.following", name=name), markup=False, timeout=2)

    def watch_lang(self, lang: str) -> None:
        self._push("lang", lang)
        self.query_one("#days", DaysList).border_title = tr(self.lang, "pane.days")
        self._refresh_titles()
        localize_bindings(self, self.lang)

    def watch_event_id(self, event_id: str) -> None:
        self._push("event_id", event_id)

    def watch_actor_id(self, actor_id: str) -> None:
        self._push("actor_id", actor_id)

    def watch_second_lang(self, second_lang: str | None) -> None:
        self._push("second_lang", second_lang)

    def watch_compare_zone(self, zone: str | None) -> None:
        self._push("compare_zone", zone)

    def _refresh_titles(self) -> None:
        title = plain(self.saga.info.title(self.lang), "bold")
        title.append(f"  ·  {LANGUAGE_NAMES[self.lang]}", style="dim")
        if self.second_lang:
            title.append(f" + {LANGUAGE_NAMES[self.second_lang]}", style="dim")
        self.query_one("#title-bar", Static).update(title)

    # Actions ---------------------------------------------------------------------------------

    def action_step_day(self, step: int) -> None:
        index = self.saga.day_index(self.day_id) + step
        if 0 <= index < len(self.saga.days):
            self.select_day(self.saga.days[index].id)

    def action_edge_day(self, index: int) -> None:
        self.select_day(self.saga.days[index].id)

    def action_step_event(self, step: int) -> None:
        events = self.saga.day_by_id[self.day_id].events
        position = next(i for i, event in enumerate(events) if event.id == self.event_id) + step
        if 0 <= position < len(events):
            self.event_id = events[position].id

    def action_step_story(self, step: int) -> None:
        event = self.saga.next_event(self.event_id, step)
        if event is not None:
            self.event_id = event.id

    def action_step_hit(self, step: int) -> None:
        """Next / previous search hit, or the followed actor's next / previous appearance."""
        targets = self.hits or [
            event.id for event in self.saga.events_of_actor.get(self.actor_id, ())
        ]
        if not targets:
            self.app.bell()
            return
        here = self.saga.position_of_event[self.event_id]
        positions = [self.saga.position_of_event[target] for target in targets]
        if step > 0:
            later = [p for p in positions if p > here]
            position = min(later) if later else min(positions)
        else:
            earlier = [p for p in positions if p < here]
            position = max(earlier) if earlier else max(positions)
        self.event_id = self.saga.events[position].id

    def action_toggle_bilingual(self) -> None:
        self.second_lang = None if self.second_lang else next_language(self.lang)
        self._refresh_titles()

    def show_beside(self, lang: str) -> None:
        """Bilingual mode with `lang` beside the reader's language."""
        if lang in LANGUAGES and lang != self.lang:
            self.second_lang = lang
            self._refresh_titles()

    def action_next_second_language(self) -> None:
        current = self.second_lang or self.lang
        choice = next_language(current)
        if choice == self.lang:
            choice = next_language(choice)
        self.second_lang = choice
        self._refresh_titles()

    def action_next_zone(self) -> None:
        zones: list[str | None] = [None, *READER_ZONES]
        self.compare_zone = zones[(zones.index(self.compare_zone) + 1) % len(zones)]

    def action_open_script(self) -> None:
        from tui.screens.script import ScriptScreen

        self.app.push_screen(
            ScriptScreen(self.saga, self.lang, self.event_id), callback=self.select_event_or_none
        )

    def action_open_quiz(self) -> None:
        from tui.screens.quiz import QuizScreen

        self.app.push_screen(QuizScreen(self.saga, self.lang), callback=self.select_event_or_none)

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.saga, self.lang), callback=self._searched)

    def _searched(self, result: tuple[list[str], str | None] | None) -> None:
        if result is None:
            return
        hits, chosen = result
        self.hits = hits
        if chosen:
            self.select_event(chosen)

    @property
    def focused_pane(self) -> str:
        """The id of the focused pane (saved with the place)."""
        focused = self.focused
        return focused.id if focused is not None and focused.id else "events"

    def set_language(self, lang: str) -> None:
        """Switch every text on this screen to `lang` (the selection stays)."""
        if lang in LANGUAGES:
            self.lang = lang
            if self.second_lang == lang:
                self.second_lang = next_language(lang)

    def select_event_or_none(self, event_id: str | None) -> None:
        """A screen callback: select the event it returned, if any."""
        if event_id:
            self.select_event(event_id)
