"""`export --brief`: the lesson handout a teacher prints, at most four A4 pages.

Four parts, each a table or a list that fits on paper: the crisis day by day (date, CEO, what
happened), who held which seat when (seats by days, a holder's run of days merged into one
cell), ChatGPT's script beside reality with the tally, and the discussion questions. The brief
is computed once as plain rows (`Brief`), then written as HTML or Markdown; Textual is never
imported. A test prints the HTML in Chromium and counts the pages in every language.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from story import Saga
from story.model import Actor, Role
from story.saga import ActorRole
from tui.locale.cldr import clock_time, long_day, medium_date, short_day, zone_name
from tui.locale.i18n import tr
from tui.view.event_view import beat_view
from tui.view.safe import neutralise
from tui.view.script import act_label, tally_heading, tally_items
from tui.view.shown import in_lang, marked
from tui.view.verdicts import VERDICT_MARK

TOP_SEAT = "ceo"
"""The seat the story's power strip follows, shown first (its positions merged)."""
SEAT_LABELS = {
    "ceo": "seat.ceo",
    "chair": "seat.chair",
    "president": "seat.president",
    "cto": "seat.cto",
    "chief-scientist": "seat.chief-scientist",
    "board-member": "seat.board-member",
    "board-observer": "seat.board-observer",
}
"""Catalogue keys for the usual seats; any other position is named by its first role's title."""
SEAT_ORDER = tuple(SEAT_LABELS)


@dataclass(frozen=True, slots=True)
class DayRow:
    """One day of the crisis: its date, its CEO(s), its events (time and title)."""

    day: str
    ceo: str
    events: tuple[tuple[str, str], ...]
    """(time or part of the day, "" when unknown; title)."""


@dataclass(frozen=True, slots=True)
class Cell:
    """Who held a seat over a run of consecutive days (`span` columns)."""

    text: str
    span: int


@dataclass(frozen=True, slots=True)
class SeatRow:
    """A seat and its holders across the days of the crisis."""

    seat: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class BeatRow:
    """A beat of the script beside what happened; `act` is set on an act's first beat only,
    with `act_rows` the number of beats it spans."""

    act: str | None
    act_rows: int
    mark: str
    verdict: str
    verdict_key: str
    text: str
    why: str


@dataclass(frozen=True, slots=True)
class QuestionGroup:
    """Discussion questions about one day or one act."""

    heading: str
    questions: tuple[str, ...]


@dataclass
class Brief:
    """The brief in one language, as rows: what the HTML and Markdown writers draw."""

    lang: str
    title: str
    subtitle: str
    zone: str
    seat: str = ""
    """How the story names the top seat its power strip follows ("CEO"); "" when it has none."""
    days: list[DayRow] = field(default_factory=list)
    seat_days: list[str] = field(default_factory=list)
    seats: list[SeatRow] = field(default_factory=list)
    tally: str = ""
    beats: list[BeatRow] = field(default_factory=list)
    questions: list[QuestionGroup] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def label(self, key: str, **values: object) -> str:
        """A catalogue string in the brief's language."""
        return tr(self.lang, key, **values)


def short_name(actor: Actor, lang: str) -> str:
    """The family name, as a crowded table cell wants it ("Altman", "奥尔特曼", "Microsoft")."""
    name = actor.name(lang)
    return name.split("·")[-1].split()[-1] if name.strip() else actor.id


def central_org(saga: Saga) -> str | None:
    """The organisation the story is about: the one its power strip follows, else the one most
    roles belong to."""
    if saga.info.power is not None:
        return saga.info.power.org
    counts = Counter(role.org for actor in saga.actors.values() for role in actor.roles)
    counts.pop(None, None)
    return counts.most_common(1)[0][0] if counts else None


def crisis_days(saga: Saga) -> list[str]:
    """The days on the strip after the background: the crisis and what followed."""
    return [day.id for day in saga.days if not day.is_background]


def build_brief(saga: Saga, lang: str) -> Brief:
    """Everything the brief shows, in `lang`."""
    info = saga.info
    brief = Brief(
        lang=lang,
        title=in_lang(info.title, lang),
        subtitle=in_lang(info.subtitle, lang) if info.subtitle.values else "",
        zone=tr(lang, "export.zone", zone=zone_name(info.zone, lang)),
        seat=info.power.seat_label(lang) if info.power is not None else "",
    )
    org = central_org(saga)
    days = crisis_days(saga)
    for day_id in days:
        day = saga.day_by_id[day_id]
        holders = saga.seat_holders(day_id)
        ceo = " → ".join(in_lang(holder.actor.name, lang) for holder in holders) or "—"
        events = tuple(
            (clock_time(event.time, lang), in_lang(event.title, lang)) for event in day.events
        )
        brief.days.append(DayRow(long_day(day_id, lang), ceo, events))
    if org is not None:
        brief.seat_days = [short_day(day_id, lang) for day_id in days]
        brief.seats = seat_rows(saga, org, days, lang)
    if saga.script is not None:
        script = saga.script
        brief.tally = (
            tally_heading(script, lang)
            + " "
            + " · ".join(item for _, item in tally_items(script, lang))
        )
        for act in script.acts:
            for index, beat in enumerate(act.beats):
                view = beat_view(saga, act, beat, lang)
                brief.beats.append(
                    BeatRow(
                        act=view.act if index == 0 else None,
                        act_rows=len(act.beats),
                        mark=VERDICT_MARK[beat.verdict],
                        verdict=tr(lang, f"verdict.{beat.verdict}"),
                        verdict_key=beat.verdict,
                        text=marked(view.text),
                        why=marked(view.why),
                    )
                )
    brief.questions = question_groups(saga, lang)
    for source in saga.sources.values():
        # The articles by title; outside sources, which back a date or a later fact, by outlet.
        date = f", {medium_date(source.date, lang)}" if source.date else ""
        if source.kind == "outside":
            brief.sources.append(f"{source.outlet(lang)}{date}")
        else:
            brief.sources.append(f"{source.title(lang)} ({source.outlet(lang)}{date})")
    return brief


def question_groups(saga: Saga, lang: str) -> list[QuestionGroup]:
    """The discussion questions, day by day, then act by act."""
    lesson = saga.lesson
    if lesson is None:
        return []
    groups = []
    for day in saga.days:
        asked = lesson.for_day(day.id)
        if asked:
            heading = tr(lang, "day.background") if day.is_background else long_day(day.id, lang)
            groups.append(QuestionGroup(heading, tuple(in_lang(q.text, lang) for q in asked)))
    script = saga.script
    for act in script.acts if script is not None else ():
        asked = lesson.for_act(act.id)
        if asked and script is not None:
            heading = act_label(script, act, lang)
            groups.append(QuestionGroup(heading, tuple(in_lang(q.text, lang) for q in asked)))
    return groups


def seat_rows(saga: Saga, org: str, days: list[str], lang: str) -> list[SeatRow]:
    """Each seat at `org` held on some day of the crisis, with who held it each day."""
    top = saga.info.power.seat if saga.info.power is not None else ()
    positions: dict[str, list[str]] = {}
    titles: dict[str, Role] = {}
    for actor in saga.actors.values():
        for role in actor.roles:
            if role.org != org:
                continue
            # The top seat's positions (CEO and interim CEO) are one seat, held in turn.
            seat = TOP_SEAT if role.position in top else role.position
            if role.position not in positions.setdefault(seat, []):
                positions[seat].append(role.position)
            titles.setdefault(seat, role)
    ordered = sorted(
        positions,
        key=lambda seat: SEAT_ORDER.index(seat) if seat in SEAT_ORDER else len(SEAT_ORDER),
    )
    rows = []
    for seat in ordered:
        joiner = " → " if seat == TOP_SEAT else ", "
        texts = [
            holders_on(saga.holders(tuple(positions[seat]), org, day), lang, joiner) for day in days
        ]
        if not any(texts):
            continue
        if seat == TOP_SEAT and saga.info.power is not None:
            label = saga.info.power.seat_label(lang)
        elif seat in SEAT_LABELS:
            label = tr(lang, SEAT_LABELS[seat])
        else:
            label = titles[seat].title(lang)
        rows.append(SeatRow(label, tuple(merge(texts))))
    return rows


def holders_on(holders: Iterable[ActorRole], lang: str, joiner: str) -> str:
    """Who held a seat on a day, by family name, in the order they took it ("Altman → Murati
    (interim)" on a day of change); "(interim)" after an interim holder."""
    names: list[str] = []
    for holder in holders:
        name = short_name(holder.actor, lang)
        if holder.role.position.startswith("interim"):
            name += " " + tr(lang, "brief.interim")
        if name not in names:
            names.append(name)
    return joiner.join(names)


def merge(texts: Iterable[str]) -> list[Cell]:
    """Consecutive equal cells merged into one spanning several days."""
    cells: list[Cell] = []
    for text in texts:
        if cells and cells[-1].text == text:
            cells[-1] = Cell(text, cells[-1].span + 1)
        else:
            cells.append(Cell(text, 1))
    return cells


# Writing it out -------------------------------------------------------------------------------

BRIEF_STYLE = """
@page { size: A4; margin: 10mm; }
body { font-family: "Liberation Sans", Arial, Helvetica, "Noto Sans CJK SC", sans-serif;
  font-size: 8.1pt;
  line-height: 1.22; margin: 0 auto; max-width: 60em; color: #111; }
h1 { font-size: 14pt; margin: 0; }
h2 { font-size: 10.5pt; margin: 7pt 0 3pt; border-bottom: 1px solid #999; break-after: avoid; }
h3 { font-size: 8.8pt; margin: 4pt 0 1pt; break-after: avoid; }
p { margin: 0 0 3pt; }
.sub, .zone { color: #444; }
table { border-collapse: collapse; width: 100%; margin-bottom: 3pt; }
th, td { border: 1px solid #bbb; padding: 1.5pt 3pt; vertical-align: top; text-align: left; }
th { background: #eee; }
tr, li { break-inside: avoid; }
ul, ol { margin: 0 0 2pt; padding-left: 14pt; }
.day { white-space: nowrap; }
.seats { table-layout: fixed; }
.seats th.seat { width: 15%; }
.seats td { text-align: center; }
.time { color: #555; }
thead { display: table-header-group; }
tr.act { break-after: avoid; }
.seats td.seat { text-align: left; font-weight: bold; }
.happened { color: #176117; } .partly { color: #8a5a00; } .did-not-happen { color: #a31515; }
.mark { font-weight: bold; white-space: nowrap; }
.script td { width: 50%; }
.script tr.act td { background: #f3f3f3; font-weight: bold; }
.questions { column-count: 2; column-gap: 14pt; }
.questions h3:first-child { margin-top: 0; }
.sources { font-size: 7pt; color: #444; }
"""


def day_headers(brief: Brief) -> list[str]:
    """The day-by-day table's columns: the day, the top seat (when the story has one), events."""
    seat = [brief.seat] if brief.seat else []
    return [brief.label("brief.day"), *seat, brief.label("brief.what_happened")]


def _e(text: str) -> str:
    return html.escape(neutralise(text))


def to_html(brief: Brief) -> str:
    """A standalone page (no scripts, no outside resources) that prints on four A4 pages."""
    heading = brief.title + " · " + brief.label("brief.kind")
    out: list[str] = [f"<h1>{_e(heading)}</h1>"]
    if brief.subtitle:
        out.append(f'<p class="sub">{_e(brief.subtitle)}</p>')
    out.append(f'<p class="zone">{_e(brief.zone)}</p>')
    if brief.days:
        out.append("<h2>" + _e(brief.label("brief.days")) + "</h2>")
        out.append("<table><tr>")
        for header in day_headers(brief):
            out.append(f"<th>{_e(header)}</th>")
        out.append("</tr>")
        for row in brief.days:
            events = "<br>".join(
                (f'<span class="time">{_e(time)}</span> ' if time else "") + _e(title)
                for time, title in row.events
            )
            holder = f"<td>{_e(row.ceo)}</td>" if brief.seat else ""
            out.append(f'<tr><td class="day">{_e(row.day)}</td>{holder}<td>{events}</td></tr>')
        out.append("</table>")
    if brief.seats:
        out.append("<h2>" + _e(brief.label("brief.seats")) + "</h2>")
        out.append('<table class="seats"><thead><tr><th class="seat"></th>')
        out.extend(f"<th>{_e(day)}</th>" for day in brief.seat_days)
        out.append("</tr></thead>")
        for seat in brief.seats:
            cells = "".join(
                f'<td colspan="{cell.span}">{_e(cell.text) or "—"}</td>' for cell in seat.cells
            )
            out.append(f'<tr><td class="seat">{_e(seat.seat)}</td>{cells}</tr>')
        out.append("</table>")
    if brief.beats:
        out.append("<h2>" + _e(brief.label("export.script")) + "</h2>")
        out.append(f"<p><b>{_e(brief.tally)}</b></p>")
        out.append('<table class="script"><thead><tr>')
        for key in ("pane.script", "pane.reality"):
            out.append(f"<th>{_e(brief.label(key))}</th>")
        out.append("</tr></thead>")
        for beat in brief.beats:
            if beat.act is not None:
                out.append(f'<tr class="act"><td colspan="2">{_e(beat.act)}</td></tr>')
            out.append(
                f"<tr><td>{_e(beat.text)}</td>"
                f'<td><span class="mark {beat.verdict_key}">{_e(beat.mark)} '
                f"{_e(beat.verdict)}</span> {_e(beat.why)}</td></tr>"
            )
        out.append("</table>")
    if brief.questions:
        out.append("<h2>" + _e(brief.label("brief.questions")) + "</h2>")
        out.append('<div class="questions">')
        for group in brief.questions:
            out.append(f"<h3>{_e(group.heading)}</h3><ul>")
            out.extend(f"<li>{_e(question)}</li>" for question in group.questions)
            out.append("</ul>")
        out.append("</div>")
    if brief.sources:
        sources = "; ".join(_e(source) for source in brief.sources)
        label = _e(brief.label("detail.sources"))
        out.append(f'<p class="sources"><b>{label}</b> {sources}</p>')
    return (
        f'<!DOCTYPE html>\n<html lang="{brief.lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(brief.title)}</title>\n<style>{BRIEF_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(out)
        + "\n</body>\n</html>\n"
    )


def _md(text: str) -> str:
    """A table cell or a line in Markdown: literal, on one line."""
    escaped = neutralise(text).replace("\\", "\\\\")
    for special in "`*_[]<>#|":
        escaped = escaped.replace(special, "\\" + special)
    return " ".join(escaped.split("\n"))


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def to_markdown(brief: Brief) -> str:
    """The same brief as Markdown tables (merged cells repeated)."""
    lines = ["# " + _md(brief.title) + " · " + _md(brief.label("brief.kind")), ""]
    if brief.subtitle:
        lines += [_md(brief.subtitle), ""]
    lines += [f"_{_md(brief.zone)}_", ""]
    if brief.days:
        lines += ["## " + _md(brief.label("brief.days")), ""]
        rows = [
            [
                _md(row.day),
                *([_md(row.ceo)] if brief.seat else []),
                "<br>".join(
                    _md(f"{time} · {title}" if time else title) for time, title in row.events
                ),
            ]
            for row in brief.days
        ]
        lines += _table(day_headers(brief), rows)
    if brief.seats:
        lines += ["## " + _md(brief.label("brief.seats")), ""]
        rows = [
            [_md(seat.seat)]
            + [_md(cell.text) or "—" for cell in seat.cells for _ in range(cell.span)]
            for seat in brief.seats
        ]
        lines += _table(["", *(_md(day) for day in brief.seat_days)], rows)
    if brief.beats:
        lines += ["## " + _md(brief.label("export.script")), "", f"**{_md(brief.tally)}**", ""]
        headers = [brief.label(k) for k in ("brief.act", "pane.script", "brief.verdict")]
        headers.append(brief.label("pane.reality"))
        rows = [
            [
                _md(beat.act or ""),
                _md(beat.text),
                f"{beat.mark} {_md(beat.verdict)}",
                _md(beat.why),
            ]
            for beat in brief.beats
        ]
        lines += _table(headers, rows)
    if brief.questions:
        lines += ["## " + _md(brief.label("brief.questions")), ""]
        for group in brief.questions:
            lines += [f"### {_md(group.heading)}", ""]
            lines += [f"- {_md(question)}" for question in group.questions]
            lines.append("")
    if brief.sources:
        sources = "; ".join(_md(source) for source in brief.sources)
        label = brief.label("export.labelled", label=brief.label("detail.sources"), text=sources)
        lines += [f"_{label}_", ""]
    return "\n".join(lines)
