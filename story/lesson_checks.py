"""Checks of a story's lesson against the rest of the story: days, acts, events, choices.

The generic checks (`story.checks`) already verify the `events` and `sources` every item cites,
unique ids and translations; these add what only a lesson has: the day or act a discussion
question is about, the event that answers a quiz question, and a quiz question's choices.
"""

from __future__ import annotations

from collections.abc import Iterable

from story.checks import CheckContext
from story.dates import check_date, is_full_day
from story.lesson import BACKGROUND_DAY, Discussion, Lesson, QuizQuestion
from story.model import Event, Script, StoryFile, StoryInfo

MIN_CHOICES = 2
MAX_CHOICES = 6


def story_days(events: Iterable[Event], info: StoryInfo | None) -> set[str]:
    """The days on the story's strip: every full date of an event from the focus on, and the
    background when any event falls before the focus or has no full date (as `Saga` groups)."""
    focus = info.focus_from if info is not None else None
    days = set()
    for event in events:
        if not is_full_day(event.date) or (focus is not None and event.date < focus):
            days.add(BACKGROUND_DAY)
        else:
            days.add(event.date)
    return days


def check_lessons(files: list[StoryFile], info: StoryInfo | None, ctx: CheckContext) -> None:
    """Check every `lesson` section of the story's files."""
    lessons = [file.lesson for file in files if file.lesson is not None]
    if not lessons:
        return
    events = [event for file in files for event in file.events]
    days = story_days(events, info)
    event_ids = {event.id for event in events}
    script = next((file.script for file in files if file.script is not None), None)
    for lesson in lessons:
        check_lesson(lesson, days, event_ids, script, ctx)


def check_lesson(
    lesson: Lesson, days: set[str], event_ids: set[str], script: Script | None, ctx: CheckContext
) -> None:
    """One lesson section."""
    acts = {act.id for act in script.acts} if script is not None else set()
    for question in lesson.discussion:
        check_discussion(question, days, acts, script is not None, ctx)
    for item in lesson.quiz:
        check_quiz_question(item, event_ids, ctx)


def check_discussion(
    question: Discussion, days: set[str], acts: set[str], has_script: bool, ctx: CheckContext
) -> None:
    """A discussion question is about exactly one existing day or act, and cites a source."""
    if question.day is None and question.act is None:
        ctx.at(question.origin, message="a discussion question needs a 'day' or an 'act'")
    if question.day is not None and question.act is not None:
        ctx.at(question.origin, "act", message="give a 'day' or an 'act', not both")
    if question.day is not None:
        reason = check_date(question.day) if question.day != BACKGROUND_DAY else None
        if reason:
            ctx.at(question.origin, "day", message=reason)
        elif question.day not in days:
            ctx.at(question.origin, "day", message=f"no event on the day '{question.day}'")
    if question.act is not None and question.act not in acts:
        why = "" if has_script else " (the story has no script)"
        ctx.at(question.origin, "act", message=f"unknown act '{question.act}'{why}")
    if not question.sources:
        ctx.at(question.origin, "sources", message="this discussion question cites no source")


def check_quiz_question(item: QuizQuestion, event_ids: set[str], ctx: CheckContext) -> None:
    """A quiz question has 2-6 choices with exactly one right, an existing event, a source."""
    count = len(item.choices)
    if not MIN_CHOICES <= count <= MAX_CHOICES:
        ctx.at(
            item.origin,
            "choices",
            message=f"{count} choices: give between {MIN_CHOICES} and {MAX_CHOICES}",
        )
    right = sum(1 for choice in item.choices if choice.correct)
    if right != 1:
        ctx.at(
            item.origin,
            "choices",
            message=f"exactly one choice must be 'correct: true' (found {right})",
        )
    if item.event not in event_ids:
        ctx.at(item.origin, "event", message=f"unknown event '{item.event}'")
    if not item.sources:
        ctx.at(item.origin, "sources", message="this quiz question cites no source")
