"""What the teacher's notes view shows of the class's moment: what the room does not see.

The room sees the event (presenter mode leaves the notes out); the teacher's second screen shows
the notes about it, the script beats it echoes with their verdicts, and the questions to ask
about its day (and its acts). Pure functions of the story, the selection and the language.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

from story import Saga
from tui.locale.i18n import tr
from tui.view.event_view import day_and_time, event_view
from tui.view.render import beat_lines, notes_block, text_in
from tui.view.selection import Selection


def discussion_questions(saga: Saga, event_id: str) -> tuple[Any, ...]:
    """The discussion questions of the event's day and of the script acts it echoes.

    HOOK: the lesson model (`saga.lesson`, with `for_day` and `for_act`) comes from the lesson
    branch; until it is merged a story has no questions and this returns ().
    """
    lesson = getattr(saga, "lesson", None)
    if lesson is None:
        return ()
    found = list(lesson.for_day(saga.day_of_event[event_id]))
    for act, _ in saga.acts_of_event.get(event_id, ()):
        found += [item for item in lesson.for_act(act.id) if item not in found]
    return tuple(found)


def moment_heading(saga: Saga, selection: Selection, lang: str) -> Text:
    """The event's title, and its date and time."""
    event = saga.event_by_id[selection.event]
    out = text_in(event.title, lang, "bold")
    out.append("\n" + day_and_time(event.date, event.time, lang), style="dim")
    return out


def notes_text(saga: Saga, selection: Selection, lang: str) -> Text:
    """The teacher's notes on the moment: notes, the script beats it echoes, the questions."""
    event_id = selection.event
    out = Text(end="")
    out.append(tr(lang, "detail.notes") + "\n", style="bold underline")
    view = event_view(saga, saga.event_by_id[event_id], lang)
    if not view.notes:
        out.append(tr(lang, "notes.none") + "\n", style="dim")
    out.append_text(notes_block(view.notes))
    if view.beats:
        out.append("\n" + tr(lang, "detail.script") + "\n", style="bold underline")
        for beat in view.beats:
            out.append_text(beat_lines(beat, lang, "▶" if selection.beat == beat.id else " "))
    out.append("\n" + tr(lang, "notes.questions") + "\n", style="bold underline")
    questions = discussion_questions(saga, event_id)
    if not questions:
        out.append(tr(lang, "notes.no_questions") + "\n", style="dim")
    for number, question in enumerate(questions, start=1):
        out.append(f" {number}. ", style="bold cyan")
        out.append_text(text_in(question.text, lang))
        out.append("\n")
    return out
