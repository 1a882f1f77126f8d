"""Handouts: the whole story (or one actor's dossier) as Markdown or HTML (`tui.cli.export`
writes them).

The handout is built once as a list of blocks, then written in either format, so Markdown and
HTML always hold the same content: every event in story order with its date, time, text, actors
(with their role that day), quotes and sources; the script beside what really happened; the
perspectives and the teachers' notes. Textual is never imported here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

from story import Localized, Saga
from story.model import Event
from tui.locale.cldr import story_date, zone_name
from tui.locale.i18n import tr
from tui.view.event_view import (
    ActorView,
    SourceView,
    actor_view,
    beat_view,
    day_and_time,
    event_view,
    source_views,
)
from tui.view.safe import neutralise
from tui.view.script import act_label
from tui.view.shown import in_lang, marked

Kind = Literal["h1", "h2", "h3", "day", "h4", "p", "quote", "li", "meta"]
"""`day` is a day's heading: an h3 that starts a new page when printed."""


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the handout."""

    kind: Kind
    text: str


class Handout:
    """Blocks in one language."""

    def __init__(self, saga: Saga, lang: str) -> None:
        self.saga = saga
        self.lang = lang
        self.blocks: list[Block] = []

    def add(self, kind: Kind, text: str) -> None:
        self.blocks.append(Block(kind, neutralise(text)))

    def t(self, value: Localized) -> str:
        """A story text in the handout's language, marked " ⟨en⟩" when it falls back."""
        return in_lang(value, self.lang)

    def source_line(self, source_ids: tuple[str, ...]) -> str:
        return self.sources(source_views(self.saga, source_ids, self.lang))

    def sources(self, views: tuple[SourceView, ...]) -> str:
        """ "Sources: a; b", each as readers know it, with an outside source's address."""
        names = "; ".join(self.source_name(view) for view in views)
        return self.labelled(tr(self.lang, "detail.sources"), names)

    def source_name(self, view: SourceView) -> str:
        """A source as readers know it, with the public address of an outside source."""
        where = f" · {view.url}" if view.url else ""
        outside = f" {tr(self.lang, 'source.outside')}" if view.outside else ""
        return f"{view.label}{where}{outside}"

    def labelled(self, label: str, text: str) -> str:
        """ "Label: text" as the language writes it (French: a space before the colon)."""
        return tr(self.lang, "export.labelled", label=label, text=text)

    def quoted(self, text: str) -> str:
        """Text in the language's quotation marks (« » in French)."""
        return tr(self.lang, "export.quoted", text=text)

    def actor(self, view: ActorView, level: Kind) -> None:
        """An actor: name, who they are, their side, each role from its start to its end."""
        self.add(level, marked(view.name))
        self.add("p", marked(view.bio))
        if view.camp is not None:
            self.add("meta", marked(view.camp))
        for role in view.roles:
            org = f" ({marked(role.org)})" if role.org is not None else ""
            self.add(
                "li", self.labelled(f"{marked(role.title)}{org}", f"{role.start} → {role.end}")
            )

    def event(self, event: Event, level: Kind = "h4") -> None:
        """An event as the event pane shows it (`event_view`): the same parts, notes included."""
        view = event_view(self.saga, event, self.lang)
        self.add(level, f"{view.when} — {marked(view.title)}")
        self.add("p", marked(view.text))
        if view.actors:
            names = []
            for actor in view.actors:
                roles = ", ".join(marked(role) for role in actor.roles)
                names.append(marked(actor.name) + (f" ({roles})" if roles else ""))
            self.add("meta", self.labelled(tr(self.lang, "detail.actors"), "; ".join(names)))
        for quote in view.quotes:
            note = f" {tr(self.lang, 'quote.retranslated')}" if quote.retranslated else ""
            original = tr(self.lang, "quote.original", language=quote.original_language)
            doubt = " (?)" if quote.uncertain else ""
            self.add(
                "quote",
                self.labelled(marked(quote.speaker.name) + doubt, self.quoted(marked(quote.text)))
                + " — "
                f"{original} {quote.original}{note}",
            )
        for beat in view.beats:
            verdict = tr(self.lang, f"verdict.{beat.verdict}")
            self.add(
                "meta",
                self.labelled(
                    tr(self.lang, "detail.script"),
                    f"{beat.act} — {marked(beat.text)} ({verdict})",
                ),
            )
        for item in view.notes:
            self.add(
                "meta",
                self.labelled(
                    tr(self.lang, "detail.notes"), f"{marked(item.title)} — {marked(item.text)}"
                ),
            )
        self.add("meta", self.sources(view.sources))


def whole_story(saga: Saga, lang: str) -> Handout:
    """Everything, in story order."""
    out = Handout(saga, lang)
    out.add("h1", out.t(saga.info.title))
    if saga.info.subtitle.values:
        out.add("p", out.t(saga.info.subtitle))
    out.add("meta", tr(lang, "export.zone", zone=zone_name(saga.info.zone, lang)))
    out.add("h2", tr(lang, "export.cast"))
    for actor in saga.actors.values():
        view = actor_view(saga, actor.id, lang)
        out.actor(view, "h3")
        out.add("meta", out.sources(view.sources))
    out.add("h2", tr(lang, "export.days"))
    for day in saga.days:
        title = tr(lang, "day.background") if day.is_background else story_date(day.id, lang)
        out.add("day", title)
        for event in day.events:
            out.event(event)
    script = saga.script
    if script is not None:
        out.add("h2", tr(lang, "export.script"))
        out.add("h3", out.t(script.title))
        out.add("p", out.t(script.summary))
        for setting in script.roles:
            out.add("li", out.labelled(out.t(setting.label), out.t(setting.text)))
        for act in script.acts:
            out.add("h4", act_label(script, act, lang))
            for beat in act.beats:
                shown = beat_view(saga, act, beat, lang)
                verdict = tr(lang, f"verdict.{shown.verdict}")
                real = "; ".join(
                    f"{day_and_time(event.date, event.time, lang)} — {out.t(event.title)}"
                    for event in shown.events
                )
                out.add(
                    "li",
                    f"{marked(shown.text)} — {out.labelled(verdict, marked(shown.why))}"
                    + (f" ({out.labelled(tr(lang, 'script.real_events'), real)})" if real else ""),
                )
        out.add("meta", out.source_line(script.sources))
    for heading, items in (
        (tr(lang, "export.perspectives"), saga.perspectives),
        (tr(lang, "detail.notes"), saga.notes),
    ):
        if items:
            out.add("h2", heading)
        for item in items:
            out.add("h3", out.t(item.title))
            out.add("p", out.t(item.text))
            out.add("meta", out.source_line(item.sources))
    out.add("h2", tr(lang, "detail.sources"))
    for source in source_views(saga, tuple(saga.sources), lang):
        out.add("li", out.source_name(source))
    return out


def dossier(saga: Saga, lang: str, actor_id: str) -> Handout:
    """One actor: who they are, their roles, and every event they take part in."""
    view = actor_view(saga, actor_id, lang)
    out = Handout(saga, lang)
    out.actor(view, "h1")
    out.add("h2", tr(lang, "pane.arc", name=marked(view.name)))
    for event in saga.events_of_actor.get(actor_id, ()):
        out.event(event, "h3")
    return out


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def to_markdown(handout: Handout) -> str:
    """Markdown, with story text escaped so it reads literally."""
    lines = []
    for block in handout.blocks:
        text = _MD_SPECIAL.sub(r"\\\1", block.text)
        prefix = {
            "h1": "# ",
            "h2": "## ",
            "h3": "### ",
            "day": "### ",
            "h4": "#### ",
            "li": "- ",
            "quote": "> ",
        }.get(block.kind, "")
        if block.kind == "meta":
            text = f"_{text}_"
        lines.append(prefix + text.replace("\n", "\n" + (prefix if block.kind == "quote" else "")))
        lines.append("")
    return "\n".join(lines)


PRINT_STYLE = """
body { font-family: system-ui, "Noto Sans", "Noto Sans CJK SC", sans-serif; max-width: 46em;
  margin: 2em auto; line-height: 1.5; padding: 0 1em; }
.meta { color: #555; font-size: .9em; }
blockquote { border-left: 3px solid #999; margin-left: 0; padding-left: 1em; }
ul { margin: .2em 0; }
h4 { margin-bottom: .2em; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; line-height: 1.4; }
  h2, h3.day { break-before: page; }
  h1 + h2, h2 + h3.day { break-before: auto; }
  h2, h3, h4 { break-after: avoid; }
  blockquote, li, .meta { break-inside: avoid; }
  .meta { color: #333; }
}
"""
"""Screen and print styles: on paper each day starts a page, as does each part."""


def to_html(handout: Handout) -> str:
    """A standalone, printable HTML page (no scripts, no outside resources)."""
    body = []
    for block in handout.blocks:
        text = html.escape(block.text)
        if block.kind in ("h1", "h2", "h3", "h4"):
            body.append(f"<{block.kind}>{text}</{block.kind}>")
        elif block.kind == "day":
            body.append(f'<h3 class="day">{text}</h3>')
        elif block.kind == "quote":
            body.append(f"<blockquote>{text}</blockquote>")
        elif block.kind == "li":
            body.append(f"<ul><li>{text}</li></ul>")
        elif block.kind == "meta":
            body.append(f'<p class="meta">{text}</p>')
        else:
            body.append(f"<p>{text}</p>")
    title = html.escape(handout.blocks[0].text if handout.blocks else "openai-saga")
    return (
        f'<!DOCTYPE html>\n<html lang="{handout.lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{PRINT_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
