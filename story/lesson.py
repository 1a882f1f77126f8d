"""Lesson material that ships with a story: discussion questions and a quiz.

Part of the story format like events and the script (these classes are converted from YAML and
give the JSON Schema its definitions), but optional: a story without a `lesson` section is
complete. Every question cites the sources it rests on, like every other item, and names the
day, act or event it is about, so a class can move from a question to the story and back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated

from story.fields import Id, Origin, Pattern, doc, origin_field
from story.localized import Localized

BACKGROUND_DAY = "background"
"""How a question names the background day (the events before the story's focus)."""

DayOrBackground = Annotated[
    str,
    Pattern(r"^(\d{4}-\d{2}-\d{2}|background)$", 'a quoted day "YYYY-MM-DD", or "background"'),
]


@dataclass(frozen=True)
class Discussion:
    """An open question for a class, about one day of the story or one act of the script."""

    id: Id = doc("Stable id.")
    text: Localized = doc("The question.")
    sources: tuple[Id, ...] = doc("The sources the question rests on.")
    day: DayOrBackground | None = doc(
        'The day it is about ("YYYY-MM-DD", or "background"); give a day or an act.', None
    )
    act: Id | None = doc("The script act it is about (act-1, climax, ...); or give a day.", None)
    events: tuple[Id, ...] = doc("The events a class should read to discuss it.", ())
    origin: Origin = origin_field()


@dataclass(frozen=True)
class Choice:
    """One possible answer to a quiz question."""

    text: Localized = doc("The answer as offered.")
    correct: bool = doc("True for the one right answer.", False)
    origin: Origin = origin_field()


@dataclass(frozen=True)
class QuizQuestion:
    """A question with choices, one right answer, a line of why, and the event that answers it."""

    id: Id = doc("Stable id.")
    question: Localized = doc("The question.")
    choices: tuple[Choice, ...] = doc("Two to six choices, exactly one of them correct.")
    why: Localized = doc("One line: why the right answer is right.")
    event: Id = doc("The event that answers it (the quiz opens it on enter).")
    sources: tuple[Id, ...] = doc("The sources the answer rests on.")
    origin: Origin = origin_field()

    @property
    def answer(self) -> int:
        """The position of the right choice (validated: exactly one is right)."""
        return next((index for index, choice in enumerate(self.choices) if choice.correct), 0)


@dataclass(frozen=True)
class Lesson:
    """Material for a class: discussion questions by day and act, and a quiz."""

    discussion: tuple[Discussion, ...] = doc("Discussion questions.", ())
    quiz: tuple[QuizQuestion, ...] = doc("Quiz questions, in the order they are asked.", ())
    origin: Origin = origin_field()

    def for_day(self, day_id: str) -> tuple[Discussion, ...]:
        """The discussion questions of a day ("background" or an ISO date)."""
        return tuple(item for item in self.discussion if item.day == day_id)

    def for_act(self, act_id: str) -> tuple[Discussion, ...]:
        """The discussion questions of a script act."""
        return tuple(item for item in self.discussion if item.act == act_id)


def merge_lessons(lessons: Iterable[Lesson]) -> Lesson | None:
    """One lesson from the `lesson` sections of several story files (None when there is none)."""
    found = list(lessons)
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    return Lesson(
        discussion=tuple(item for lesson in found for item in lesson.discussion),
        quiz=tuple(item for lesson in found for item in lesson.quiz),
        origin=found[0].origin,
    )
