"""Palette commands of presenter mode and the class: the days played, pause, release, recall.

A Provider of its own (the app lists it beside the story's), offering only what makes sense:
release and recall only in a teacher's app, and the range of days only for days that exist.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cached_property, partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from story.search import fold
from tui.locale.i18n import tr
from tui.view.render import day_title
from tui.view.safe import neutralise

if TYPE_CHECKING:
    from tui.app.saga_app import SagaApp

Entry = tuple[str, Callable[[], object]]


class ClassroomCommands(Provider):
    """Presenter mode's range and pause; the class's release and recall."""

    @cached_property
    def _entries(self) -> list[Entry]:
        app = cast("SagaApp", self.app)
        saga, lang = app.saga, app.selection.lang
        entries: list[Entry] = [(tr(lang, "cmd.pause"), self._pause)]
        link = app.class_link
        if link is not None and link.leads:
            entries += [(tr(lang, "palette.release"), link.release)]
            entries += [(tr(lang, "palette.recall"), link.recall)]
        entries.append((tr(lang, "palette.play_all"), partial(self._hold, None, None)))
        for day in saga.days:
            name = day_title(saga, day, lang)
            entries.append((tr(lang, "palette.play_from", day=name), partial(self._from, day.id)))
            entries.append((tr(lang, "palette.play_to", day=name), partial(self._to, day.id)))
        return entries

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
        for title, action in self._entries[:3]:
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
