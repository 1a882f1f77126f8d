"""`openai-saga export`: the whole story (or one actor's dossier) as a Markdown or HTML handout.

The handout is built once as a list of blocks, then written in either format, so Markdown and
HTML always hold the same content: every event in story order with its date, time, text, actors
(with their role that day), quotes and sources; the script beside what really happened; the
perspectives and the teachers' notes. Textual is never imported here.
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from story import Localized, Saga
from story.model import Event
from story.moments import Bound
from tui.cldr import clock_time, story_date, zone_name
from tui.errors import UsageError
from tui.i18n import LANGUAGES, language_from_environment, tr
from tui.options import PROG, QuietParser, language
from tui.safe import neutralise
from tui.sources import source_label
from tui.start import load_saga

Kind = Literal["h1", "h2", "h3", "h4", "p", "quote", "li", "meta"]


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
        return shown.text + (f" [{shown.lang}]" if shown.is_fallback else "")

    def name(self, actor_id: str) -> str:
        actor = self.saga.actors.get(actor_id)
        return self.t(actor.name) if actor else actor_id

    def when(self, event: Event) -> str:
        clock = clock_time(event.time, self.lang)
        return story_date(event.date, self.lang) + (f" · {clock}" if clock else "")

    def source_line(self, source_ids: tuple[str, ...]) -> str:
        parts = []
        for source_id in source_ids:
            source = self.saga.sources[source_id]
            where = f" · {source.url}" if source.url else ""
            outside = f" {tr(self.lang, 'source.outside')}" if source.kind == "outside" else ""
            parts.append(f"{source_label(source, self.lang)}{where}{outside}")
        return f"{tr(self.lang, 'detail.sources')}: " + "; ".join(parts)

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
            self.add("li", f"{self.t(span.role.title)}{org}: {when}")

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
            self.add("meta", f"{tr(self.lang, 'detail.actors')}: " + "; ".join(names))
        for quote in event.quotes:
            note = f" {tr(self.lang, 'quote.retranslated')}" if quote.retranslated else ""
            original = tr(self.lang, "quote.original", language=quote.original_language)
            doubt = " (?)" if quote.speaker_uncertain else ""
            self.add(
                "quote",
                f"{self.name(quote.speaker)}{doubt}: “{self.t(quote.text)}” — "
                f"{original} {quote.original}{note}",
            )
        for act, beat in self.saga.acts_of_event.get(event.id, ()):
            verdict = tr(self.lang, f"verdict.{beat.verdict}")
            self.add(
                "meta",
                f"{tr(self.lang, 'detail.script')}: {self.t(act.title)} — "
                f"{self.t(beat.text)} ({verdict})",
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
        out.add("h3", title)
        for event in day.events:
            out.event(event)
    script = saga.script
    if script is not None:
        out.add("h2", tr(lang, "export.script"))
        out.add("h3", out.t(script.title))
        out.add("p", out.t(script.summary))
        for setting in script.roles:
            out.add("li", f"{out.t(setting.label)}: {out.t(setting.text)}")
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
                    f"{out.t(beat.text)} — {verdict}: {out.t(beat.why)}"
                    + (f" ({tr(lang, 'script.real_events')}: {real})" if real else ""),
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
        out.add("li", out.source_line((source.id,)).split(": ", 1)[1])
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
            "h4": "#### ",
            "li": "- ",
            "quote": "> ",
        }.get(block.kind, "")
        if block.kind == "meta":
            text = f"_{text}_"
        lines.append(prefix + text.replace("\n", "\n" + (prefix if block.kind == "quote" else "")))
        lines.append("")
    return "\n".join(lines)


def to_html(handout: Handout) -> str:
    """A standalone, printable HTML page (no scripts, no outside resources)."""
    body = []
    for block in handout.blocks:
        text = html.escape(block.text)
        if block.kind in ("h1", "h2", "h3", "h4"):
            body.append(f"<{block.kind}>{text}</{block.kind}>")
        elif block.kind == "quote":
            body.append(f"<blockquote>{text}</blockquote>")
        elif block.kind == "li":
            body.append(f"<ul><li>{text}</li></ul>")
        elif block.kind == "meta":
            body.append(f'<p class="meta">{text}</p>')
        else:
            body.append(f"<p>{text}</p>")
    title = html.escape(handout.blocks[0].text if handout.blocks else PROG)
    style = (
        "body{font-family:system-ui,sans-serif;max-width:46em;margin:2em auto;"
        "line-height:1.5;padding:0 1em}.meta{color:#555;font-size:.9em}"
        "blockquote{border-left:3px solid #999;margin-left:0;padding-left:1em}"
        "ul{margin:.2em 0}h4{margin-bottom:.2em}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{handout.lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def export_main(argv: list[str]) -> int:
    """Write the handout to stdout or --out."""
    parser = QuietParser(prog=f"{PROG} export", description="Write the story as a handout.")
    parser.add_argument("--lang", type=language)
    parser.add_argument("--format", choices=("md", "html"), default="md")
    parser.add_argument("--actor", help="one actor's dossier")
    parser.add_argument("--story", type=Path, help="a story folder or file")
    parser.add_argument("--out", type=Path, help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    lang = args.lang or language_from_environment() or "en"
    assert lang in LANGUAGES
    saga, _ = load_saga(args.story)
    if args.actor is not None and args.actor not in saga.actors:
        raise UsageError(f"{PROG}: unknown actor '{args.actor}'")
    handout = dossier(saga, lang, args.actor) if args.actor else whole_story(saga, lang)
    text = to_html(handout) if args.format == "html" else to_markdown(handout)
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{PROG}: cannot write {args.out}: {error.strerror or error}") from None
    return 0
