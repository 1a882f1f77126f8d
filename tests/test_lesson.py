"""The lesson in the story format: discussion questions and a quiz, loaded and validated."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from story import Saga, coverage, read_story
from story.lesson import BACKGROUND_DAY
from story.schema import story_schema
from tests.conftest import MINI, write

LESSON = """lesson:
  discussion:
    - id: day-question
      day: "2023-11-17"
      text: {en: "Was it fair?", fr: "Était-ce juste ?"}
      events: [fired]
      sources: [seed-a]
    - id: act-question
      act: act-1
      text: {en: "Why a battle?", fr: "Pourquoi une bataille ?"}
      sources: [seed-a]
    - id: background-question
      day: background
      text: {en: "Why a lab?", fr: "Pourquoi un labo ?"}
      sources: [seed-a]
  quiz:
    - id: who-was-fired
      question: {en: "Who was fired?", fr: "Qui a été licencié ?"}
      choices:
        - text: {en: Murati, fr: Murati}
        - text: {en: Altman, fr: Altman}
          correct: true
      why: {en: The board fired him., fr: Le conseil l'a licencié.}
      event: fired
      sources: [seed-a]
"""


def mini_with(tmp_path: Path, lesson: str) -> Path:
    """The mini story plus a lesson file."""
    folder = tmp_path / "story"
    shutil.copytree(MINI, folder)
    write(folder, "30-lesson.yaml", lesson)
    return folder


def problems_of(tmp_path: Path, lesson: str) -> list[str]:
    saga, found = read_story(mini_with(tmp_path, lesson), "story")
    assert saga is None
    return [str(problem) for problem in found]


def test_a_lesson_loads_with_its_questions(tmp_path: Path) -> None:
    saga, found = read_story(mini_with(tmp_path, LESSON), "story")
    assert found == [] and saga is not None and saga.lesson is not None
    assert [q.id for q in saga.lesson.for_day("2023-11-17")] == ["day-question"]
    assert [q.id for q in saga.lesson.for_day(BACKGROUND_DAY)] == ["background-question"]
    assert [q.id for q in saga.lesson.for_act("act-1")] == ["act-question"]
    quiz = saga.lesson.quiz[0]
    assert quiz.answer == 1 and quiz.choices[1].text("fr") == "Altman"


def test_a_lesson_is_optional(mini: Saga) -> None:
    assert mini.lesson is None


def test_lesson_texts_count_in_coverage(tmp_path: Path, mini: Saga) -> None:
    saga, _ = read_story(mini_with(tmp_path, LESSON), "story")
    assert saga is not None
    with_lesson = {c.lang: c.total for c in coverage(saga)}
    without = {c.lang: c.total for c in coverage(mini)}
    assert with_lesson["en"] - without["en"] == 3 + 1 + 2 + 1  # questions, choices, why


def test_lessons_in_two_files_are_merged(tmp_path: Path) -> None:
    folder = mini_with(tmp_path, LESSON)
    second = LESSON.split("  quiz:")[0].replace("day-question", "other-question")
    second = second.replace("act-question", "act-two").replace("background-question", "bg-two")
    write(folder, "40-more.yaml", second)
    saga, found = read_story(folder, "story")
    assert found == [] and saga is not None and saga.lesson is not None
    assert len(saga.lesson.discussion) == 6 and len(saga.lesson.quiz) == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('day: "2023-11-17"', 'day: "2023-11-18"'), "no event on the day '2023-11-18'"),
        (('day: "2023-11-17"', 'day: "2023-02-30"'), "is not a real calendar date"),
        (('day: "2023-11-17"', "day: someday"), 'is not a quoted day "YYYY-MM-DD"'),
        (("act: act-1", "act: act-9"), "unknown act 'act-9'"),
        (("act: act-1", "act: act-1\n      day: background"), "give a 'day' or an 'act', not both"),
        (("      act: act-1\n", ""), "a discussion question needs a 'day' or an 'act'"),
        (("events: [fired]", "events: [nothing]"), "unknown event 'nothing'"),
        (("event: fired", "event: nothing"), "unknown event 'nothing'"),
        (("          correct: true\n", ""), "exactly one choice must be 'correct: true' (found 0)"),
        (("        - text: {en: Murati, fr: Murati}\n", ""), "1 choices: give between 2 and 6"),
        (("sources: [seed-a]\n  quiz", "sources: []\n  quiz"), "cites no source"),
        (("fr: Altman}", "de: Altman}"), "text: no text in fr"),
        (("id: who-was-fired", "id: day-question"), None),  # a quiz id may equal a question id
        (("id: act-question", "id: day-question"), "duplicate discussion id 'day-question'"),
    ],
)
def test_problems_are_placed(tmp_path: Path, change: tuple[str, str], message: str | None) -> None:
    assert change[0] in LESSON
    text = LESSON.replace(*change)
    if message is None:
        saga, found = read_story(mini_with(tmp_path, text), "story")
        assert found == [] and saga is not None
        return
    lines = problems_of(tmp_path, text)
    assert any(message in line for line in lines), lines
    assert all(re.match(r"story/30-lesson\.yaml:\d+:\d+: ", line) for line in lines), lines


def test_an_act_needs_a_script(tmp_path: Path) -> None:
    folder = mini_with(tmp_path, LESSON)
    events = (folder / "20-events.yaml").read_text(encoding="utf-8")
    script_start = events.index("script:")
    notes = events.index("notes:")
    (folder / "20-events.yaml").write_text(events[:script_start] + events[notes:], "utf-8")
    saga, found = read_story(folder, "story")
    assert saga is None
    assert any("unknown act 'act-1' (the story has no script)" in str(p) for p in found)


def test_the_schema_describes_the_lesson() -> None:
    schema = story_schema()
    assert "lesson" in schema["$defs"]["StoryFile"]["properties"]
    quiz = schema["$defs"]["QuizQuestion"]
    assert set(quiz["required"]) == {"id", "question", "choices", "why", "event", "sources"}
    validator = jsonschema.Draft202012Validator(schema)
    import yaml

    assert list(validator.iter_errors(yaml.safe_load(LESSON))) == []
    broken = yaml.safe_load(LESSON.replace("correct: true", "correct: yes please"))
    assert list(validator.iter_errors(broken))
