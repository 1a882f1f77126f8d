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
from story.moments import Bound
from tui.locale.cldr import clock_time, story_date, zone_name
from tui.locale.i18n import tr
from tui.view.render import fallback_mark
from tui.view.safe import neutralise
from tui.view.sources import source_label

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
        shown = value.get(self.lang)
        return shown.text + (fallback_mark(shown.lang) if shown.is_fallback else "")

    def name(self, actor_id: str) -> str:
        actor = self.saga.actors.get(actor_id)
        return self.t(actor.name) if actor else actor_id

    def when(self, event: Event) -> str:
        clock = clock_time(event.time, self.lang)
        return story_date(event.date, self.lang) + (f" · {clock}" if clock else "")

    def source_line(self, source_ids: tuple[str, ...]) -> str:
        names = "; ".join(self.source_name(source_id) for source_id in source_ids)
        return self.labelled(tr(self.lang, "detail.sources"), names)

    def source_name(self, source_id: str) -> str:
        """A source as readers know it (outlet, title, date in the handout's language), with
        the public address of an outside source."""
        source = self.saga.sources[source_id]
        where = f" · {source.url}" if source.url else ""
        outside = f" {tr(self.lang, 'source.outside')}" if source.kind == "outside" else ""
        return f"{source_label(source, self.lang)}{where}{outside}"

    def labelled(self, label: str, text: str) -> str:
        """ "Label: text" as the language writes it (French: a space before the colon)."""
        return tr(self.lang, "export.labelled", label=label, text=text)

    def quoted(self, text: str) -> str:
        """Text in the language's quotation marks (« » in French)."""
        return tr(self.lang, "export.quoted", text=text)

    def moment(self, bound: Bound | None) -> str:
        """One end of a role: its day and, when the story says, its time; "…" when open."""
        if bound is None:
            return "…"
        clock = clock_time(bound.time, self.lang)
        return story_date(bound.date, self.lang) + (f" · {clock}" if clock else "")

    def roles(self, actor_id: str) -> None:
        """An actor's roles, each from the moment it starts to the moment it ends."""
        for span in self.saga.role_spans.get(actor_id, ()):
            org = f" ({self.name(span.role.org)})" if span.role.org else ""
            when = f"{self.moment(span.start)} → {self.moment(span.end)}"
            self.add("li", self.labelled(f"{self.t(span.role.title)}{org}", when))

    def event(self, event: Event, level: Kind = "h4") -> None:
        self.add(level, f"{self.when(event)} — {self.t(event.title)}")
        self.add("p", self.t(event.text))
        if event.actors:
            names = []
            for actor_id in event.actors:
                roles = ", ".join(
                    self.t(role.title) for role in self.saga.roles_at(actor_id, event)
                )
                names.append(self.name(actor_id) + (f" ({roles})" if roles else ""))
            self.add("meta", self.labelled(tr(self.lang, "detail.actors"), "; ".join(names)))
        for quote in event.quotes:
            note = f" {tr(self.lang, 'quote.retranslated')}" if quote.retranslated else ""
            original = tr(self.lang, "quote.original", language=quote.original_language)
            doubt = " (?)" if quote.speaker_uncertain else ""
            self.add(
                "quote",
                self.labelled(self.name(quote.speaker) + doubt, self.quoted(self.t(quote.text)))
                + " — "
                f"{original} {quote.original}{note}",
            )
        for act, beat in self.saga.acts_of_event.get(event.id, ()):
            verdict = tr(self.lang, f"verdict.{beat.verdict}")
            self.add(
                "meta",
                self.labelled(
                    tr(self.lang, "detail.script"),
                    f"{self.t(act.title)} — {self.t(beat.text)} ({verdict})",
                ),
            )
        self.add("meta", self.source_line(event.sources))


def whole_story(saga: Saga, lang: str) -> Handout:
    """Everything, in story order."""
    out = Handout(saga, lang)
    out.add("h1", out.t(saga.info.title))
    if saga.info.subtitle.values:
        out.add("p", out.t(saga.info.subtitle))
    out.add("meta", tr(lang, "export.zone", zone=zone_name(saga.info.zone, lang)))
    out.add("h2", tr(lang, "export.cast"))
    for actor in saga.actors.values():
        out.add("h3", out.t(actor.name))
        out.add("p", out.t(actor.bio))
        if actor.camp.values:
            out.add("meta", out.t(actor.camp))
        out.roles(actor.id)
        out.add("meta", out.source_line(actor.sources))
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
            out.add("h4", out.t(act.title))
            for beat in act.beats:
                verdict = tr(lang, f"verdict.{beat.verdict}")
                real = "; ".join(
                    f"{out.when(saga.event_by_id[e])} — {out.t(saga.event_by_id[e].title)}"
                    for e in beat.events
                )
                out.add(
                    "li",
                    f"{out.t(beat.text)} — {out.labelled(verdict, out.t(beat.why))}"
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
    for source in saga.sources.values():
        out.add("li", out.source_name(source.id))
    return out


def dossier(saga: Saga, lang: str, actor_id: str) -> Handout:
    """One actor: who they are, their roles, and every event they take part in."""
    actor = saga.actors[actor_id]
    out = Handout(saga, lang)
    out.add("h1", out.t(actor.name))
    out.add("p", out.t(actor.bio))
    if actor.camp.values:
        out.add("meta", out.t(actor.camp))
    out.roles(actor_id)
    out.add("h2", tr(lang, "pane.arc", name=out.t(actor.name)))
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
