"""The command palette (ctrl+p): jump to a day, event, actor or act; language; modes.

Titles are matched in every language of the story, so a French title finds an event while the
screen is in Chinese; what is offered depends on the screen (no "follow" from the help screen).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from story.search import fold
from tui.i18n import LANGUAGE_NAMES, LANGUAGES, tr
from tui.safe import neutralise

if TYPE_CHECKING:
    from tui.app import SagaApp

Entry = tuple[str, tuple[str, ...], Callable[[], object]]
"""What the palette shows, the other texts it matches (every language), what it does."""


class SagaCommands(Provider):
    """Story-aware commands."""

    @cached_property
    def _entries(self) -> list[Entry]:
        """Built once per opening of the palette (a provider lives as long as the palette),
        not on every key typed."""
        from tui.render import day_title
        from tui.screens.browser import BrowserScreen

        app = cast("SagaApp", self.app)
        saga = app.saga
        lang = app.lang
        entries: list[Entry] = [
            (
                tr(lang, "palette.language", name=LANGUAGE_NAMES[code]),
                (code,),
                partial(app.set_language, code),
            )
            for code in LANGUAGES
        ]
        entries.append((tr(lang, "cmd.presenter"), (), app.action_toggle_presenter))
        # `self.screen` is the screen the palette was opened from (app.screen is the palette).
        if not isinstance(self.screen, BrowserScreen):
            return entries
        browser = self.screen
        for day in saga.days:
            entries.append(
                (
                    tr(lang, "palette.day", day=day_title(saga, day, lang)),
                    (day.id,),
                    partial(browser.select_day, day.id),
                )
            )
        for event in saga.events:
            entries.append(
                (
                    tr(lang, "palette.event", title=event.title(lang)),
                    (event.id, *event.title.all_texts()),
                    partial(browser.select_event, event.id),
                )
            )
        for actor in saga.actors.values():
            if actor.id in saga.events_of_actor:
                entries.append(
                    (
                        tr(lang, "palette.follow", name=actor.name(lang)),
                        (actor.id, *actor.name.all_texts()),
                        partial(browser.follow, actor.id),
                    )
                )
        for act in saga.script.acts if saga.script else ():
            entries.append(
                (
                    tr(lang, "palette.act", title=act.title(lang)),
                    (act.id, *act.title.all_texts()),
                    partial(self._open_act, act.id),
                )
            )
        entries.append((tr(lang, "cmd.bilingual"), (), browser.action_toggle_bilingual))
        entries.append((tr(lang, "cmd.quiz"), (), browser.action_open_quiz))
        for code in LANGUAGES:
            if code != lang:
                entries.append(
                    (
                        tr(lang, "palette.second", name=LANGUAGE_NAMES[code]),
                        (code,),
                        partial(browser.show_beside, code),
                    )
                )
        return entries

    def _open_act(self, act_id: str) -> None:
        from tui.screens.script import ScriptScreen

        app = cast("SagaApp", self.app)
        browser = app.browser
        app.push_screen(
            ScriptScreen(app.saga, app.lang, browser.event_id, act_id),
            callback=browser.select_event_or_none,
        )

    async def discover(self) -> Hits:
        for title, _, action in self._entries[: len(LANGUAGES) + 1]:
            shown = neutralise(title)
            yield DiscoveryHit(Content(shown), action, text=shown)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        wanted = fold(query)
        for title, others, action in self._entries:
            shown = neutralise(title)
            candidates = (shown, *(neutralise(other) for other in others))
            if wanted and any(wanted in fold(text) for text in candidates):
                score = 1.0  # the words typed appear as they are, in some language
            else:
                score = max(matcher.match(text) for text in candidates) * 0.9
            if score > 0:
                yield Hit(score, literal_highlight(matcher, shown), action, text=shown)


def literal_highlight(matcher: Matcher, text: str) -> Content:
    """The matched letters in bold, with the text kept literal.

    Textual's own `Matcher.highlight` reads its argument as markup, which a story title
    containing "[/]" would break.
    """
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if offset < len(text) and not text[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content
