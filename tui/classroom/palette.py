"""Palette commands of presenter mode and the class: the days played, pause, release, recall.

A Provider of its own (the app lists it beside the story's), offering only what makes sense:
release and recall only in a teacher's app, and the range of days only for days that exist.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from functools import cached_property, lru_cache, partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from story.saga import Saga
from story.search import fold
from tui.app.palette_match import TitleMatch
from tui.locale.i18n import tr
from tui.view.render import day_title
from tui.view.safe import neutralise

if TYPE_CHECKING:
    from tui.app.saga_app import SagaApp

Entry = tuple[str, Callable[[], object]]

DAYS_PER_STEP = 500
"""Days whose "play from" and "play to" titles are written between two turns of the event
loop while the palette opens (a few milliseconds): a long story's thousands of titles never
hold a frame up."""


MAX_DAY_HITS = 60
"""The most "play from" / "play to" days the palette lists for a query, the best first (as many
as story jumps, `story.search.MAX_JUMPS`): one letter can match a thousand days of a long story,
and the palette measures every hit it lists (0.1 s for a thousand)."""


class PlayTitles:
    """The "play from" and "play to" titles of every day of a story in one language (two a
    day, in day order), written once per story and language and matched in C (`TitleMatch`)."""

    def __init__(self, saga: Saga, lang: str) -> None:
        self.saga = saga
        self.lang = lang
        self._written: list[str] = []

    def __len__(self) -> int:
        """How many titles are written."""
        return len(self.match) if "match" in vars(self) else len(self._written)

    @property
    def complete(self) -> bool:
        return len(self) == 2 * len(self.saga.days)

    def write(self, days: int) -> None:
        """Write the titles of up to `days` more days."""
        saga, lang = self.saga, self.lang
        done = len(self) // 2
        for day in saga.days[done : done + days]:
            name = day_title(saga, day, lang)
            self._written.append(neutralise(tr(lang, "palette.play_from", day=name)))
            self._written.append(neutralise(tr(lang, "palette.play_to", day=name)))

    def title(self, index: int) -> str:
        """Title `index` (written already)."""
        return self.match.title(index) if "match" in vars(self) else self._written[index]

    @cached_property
    def match(self) -> TitleMatch:
        """The titles, all written, ready to be matched (the list they were written to goes)."""
        self.write(len(self.saga.days))
        match = TitleMatch(self._written)
        self._written = []
        return match


@lru_cache(maxsize=4)
def play_titles(saga: Saga, lang: str) -> PlayTitles:
    """The play titles of a story in a language, kept across openings of the palette."""
    return PlayTitles(saga, lang)


class ClassroomCommands(Provider):
    """Presenter mode's range and pause; the class's release and recall."""

    @property
    def saga_app(self) -> SagaApp:
        return cast("SagaApp", self.app)

    @cached_property
    def _entries(self) -> list[Entry]:
        """Pause, release and recall (a teacher's), play the whole story: the commands before
        the days' (which are `PlayTitles`)."""
        app = self.saga_app
        lang = app.selection.lang
        entries: list[Entry] = [(tr(lang, "cmd.pause"), self._pause)]
        link = app.class_link
        if link is not None and link.leads:
            entries += [(tr(lang, "palette.release"), link.release)]
            entries += [(tr(lang, "palette.recall"), link.recall)]
        entries.append((tr(lang, "palette.play_all"), partial(self._hold, None, None)))
        return entries

    @property
    def _play(self) -> PlayTitles:
        app = self.saga_app
        return play_titles(app.saga, app.selection.lang)

    async def startup(self) -> None:
        """Write the days' titles while the palette opens, a few hundred days a turn."""
        play = self._play
        while not play.complete:
            play.write(DAYS_PER_STEP)
            await asyncio.sleep(0)
        play.match  # noqa: B018  (folded now, not on the first key)

    def _play_action(self, index: int) -> Callable[[], object]:
        """What the play title `index` does: play from (even) or up to (odd) its day."""
        day_id = self.saga_app.saga.days[index // 2].id
        return partial(self._from if index % 2 == 0 else self._to, day_id)

    def _from(self, day_id: str) -> None:
        app = cast("SagaApp", self.app)
        last = app.presentation.playlist.last_day
        if last is not None and app.saga.day_index(last) < app.saga.day_index(day_id):
            last = None
        self._hold(day_id, last)

    def _to(self, day_id: str) -> None:
        app = cast("SagaApp", self.app)
        first = app.presentation.playlist.first_day
        if first is not None and app.saga.day_index(first) > app.saga.day_index(day_id):
            first = None
        self._hold(first, day_id)

    def _hold(self, first: str | None, last: str | None) -> None:
        """Play the days from `first` to `last`; in presenter mode, go into the range."""
        app = cast("SagaApp", self.app)
        presentation = app.presentation
        presentation.hold_to(app.saga, first, last)
        playlist = presentation.playlist
        selection = app.selection
        if selection.mode == "present" and selection.event not in playlist:
            app.browser.change(event=playlist.events[0])
        presentation.clock.restart(time.monotonic())
        lang = selection.lang
        names = [
            day_title(app.saga, app.saga.day_by_id[day], lang)
            for day in (
                playlist.first_day or app.saga.days[0].id,
                playlist.last_day or app.saga.days[-1].id,
            )
        ]
        notice = tr(lang, "notice.range", first=names[0], last=names[1])
        app.notify(neutralise(notice), markup=False, timeout=3)

    def _pause(self) -> None:
        """Pause or resume presenter mode's countdown."""
        app = cast("SagaApp", self.app)
        paused = app.presentation.clock.toggle(time.monotonic())
        app.notify(
            tr(app.selection.lang, "notice.paused" if paused else "notice.resumed"), timeout=2
        )

    async def discover(self) -> Hits:
        """The first three commands (the days' first when there are fewer before them)."""
        entries = list(self._entries[:3])
        play = self._play
        play.write(1)
        for index in range(min(3 - len(entries), len(play))):
            entries.append((play.title(index), self._play_action(index)))
        for title, action in entries:
            shown = neutralise(title)
            yield DiscoveryHit(Content(shown), action, text=shown)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        wanted = fold(query)
        for title, action in self._entries:
            shown = neutralise(title)
            score = 1.0 if wanted and wanted in fold(shown) else matcher.match(shown) * 0.9
            if score > 0:
                yield Hit(score, Content(shown), action, text=shown)
        # The days' titles: only those the query can match are scored, and only the best
        # `MAX_DAY_HITS` offered (the palette measures every hit it lists).
        match = self._play.match
        candidates, holding = match.candidates(query, wanted)
        scored = [
            (1.0 if index in holding else matcher.match(match.title(index)) * 0.9, index)
            for index in candidates
        ]
        scored = [(score, index) for score, index in scored if score > 0]
        if len(scored) > MAX_DAY_HITS:
            best = sorted(scored, key=lambda pair: -pair[0])[:MAX_DAY_HITS]  # stable
            scored = sorted(best, key=lambda pair: pair[1])
        for score, index in scored:
            shown = match.title(index)
            yield Hit(score, Content(shown), self._play_action(index), text=shown)
