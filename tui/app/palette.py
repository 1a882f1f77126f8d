"""The command palette (ctrl+p): every command of the tables, languages, and story jumps.

Commands come from the same tables as the bindings, footer and help (`tui.app.commands`): the app's
and those of the screen the palette was opened from, in the reader's language. Story jumps
(days, events, actors, acts) come from the story's one search index, matched in every language,
titles first. Textual's own system commands are left out: they are English only.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from story.search import Jump, JumpKind, fold, run_letting_in, search_index
from tui.app.commands import APP_COMMANDS, Command
from tui.locale.i18n import LANGUAGE_NAMES, LANGUAGES, tr
from tui.view.safe import neutralise

if TYPE_CHECKING:
    from tui.app.saga_app import SagaApp

Entry = tuple[str, tuple[str, ...], Callable[[], object], str]
"""What the palette shows, other texts it matches, what it does, its key (or "")."""


class SagaCommands(Provider):
    """Commands of the tables, languages and story jumps."""

    @property
    def saga_app(self) -> SagaApp:
        return cast("SagaApp", self.app)

    @cached_property
    def _entries(self) -> list[Entry]:
        """Built once per opening of the palette (a provider lives as long as the palette)."""
        from tui.app.screens.browser import BrowserScreen

        app = self.saga_app
        lang = app.lang
        # `self.screen` is the screen the palette was opened from (app.screen is the palette).
        screen = self.screen
        table: tuple[Command, ...] = getattr(screen, "COMMAND_TABLE", ())
        entries: list[Entry] = []
        for commands, target in ((table, screen), (APP_COMMANDS, app)):
            for command in commands:
                if command.palette:
                    entries.append(
                        (
                            tr(lang, f"cmd.{command.id}"),
                            (command.id,),
                            partial(target.run_action, command.action),
                            command.key_display or command.keys.split(",")[0],
                        )
                    )
        for code in LANGUAGES:
            name = LANGUAGE_NAMES[code]
            entries.append(
                (
                    tr(lang, "palette.language", name=name),
                    (code,),
                    partial(app.set_language, code),
                    "",
                )
            )
        if isinstance(screen, BrowserScreen):
            for code in LANGUAGES:
                if code != lang:
                    title = tr(lang, "palette.second", name=LANGUAGE_NAMES[code])
                    entries.append((title, (code,), partial(screen.show_beside, code), ""))
        return entries

    def _jump_hit(self, score: float, jump: Jump) -> Hit:
        """A story jump as the palette shows it: its title in the reader's language, its id."""
        app = self.saga_app
        saga, lang, browser = app.saga, app.lang, app.browser
        if jump.kind == "day":
            from tui.view.render import day_title

            title = tr(lang, "palette.day", day=day_title(saga, saga.day_by_id[jump.item_id], lang))
            action: Callable[[], object] = partial(browser.select_day, jump.item_id)
        elif jump.kind == "event":
            event = saga.event_by_id[jump.item_id]
            title = tr(lang, "palette.event", title=event.title(lang))
            action = partial(browser.change, event=jump.item_id, mode="browse")
        elif jump.kind == "actor":
            title = tr(lang, "palette.follow", name=saga.actors[jump.item_id].name(lang))
            action = partial(browser.follow, jump.item_id)
        else:
            act = saga.act(jump.item_id)
            assert act is not None  # the index lists the story's own acts
            title = tr(lang, "palette.act", title=act.title(lang))
            beat = act.beats[0].id if act.beats else None
            action = partial(browser.change, mode="script", beat=beat)
        shown = neutralise(title)
        return Hit(score, Content(shown), action, text=shown, help=neutralise(jump.item_id))

    async def discover(self) -> Hits:
        for title, _, action, key in self._entries:
            shown = neutralise(title)
            yield DiscoveryHit(Content(shown), action, text=shown, help=key or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        wanted = fold(query)
        for title, others, action, key in self._entries:
            shown = neutralise(title)
            candidates = (shown, *others)
            if wanted and any(wanted in fold(text) for text in candidates):
                score = 1.0  # the words typed appear as they are
            else:
                score = max(matcher.match(text) for text in candidates) * 0.9
            if score > 0:
                highlighted = literal_highlight(matcher, shown)
                yield Hit(score, highlighted, action, text=shown, help=key or None)
        from tui.app.screens.browser import BrowserScreen

        if isinstance(self.screen, BrowserScreen):
            lang = self.saga_app.lang
            labels: dict[JumpKind, str] = {
                "day": tr(lang, "palette.day", day=""),
                "event": tr(lang, "palette.event", title=""),
                "actor": tr(lang, "palette.follow", name=""),
                "act": tr(lang, "palette.act", title=""),
            }
            steps = search_index(self.saga_app.saga).jumps_steps(query, labels)
            # The story folded as the query reads it, the loop let in after every run.
            jumps = await run_letting_in(steps)
            assert jumps is not None  # always wanted: Textual cancels a stale search
            for score, jump in jumps:
                yield self._jump_hit(score * 0.95, jump)


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
