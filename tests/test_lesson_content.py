"""The lesson that ships with the saga: every day and act discussed, a quiz of twenty or more,
in four languages, resting on the events' own sources."""

from __future__ import annotations

import re

import pytest

from openai_saga_assets import STORY_DIR
from story import Saga
from story.lesson import Lesson


@pytest.fixture(scope="module")
def lesson(saga: Saga) -> Lesson:
    assert saga.lesson is not None
    return saga.lesson


def test_every_day_and_every_act_has_questions(saga: Saga, lesson: Lesson) -> None:
    assert saga.script is not None
    missing_days = [day.id for day in saga.days if not lesson.for_day(day.id)]
    missing_acts = [act.id for act in saga.script.acts if not lesson.for_act(act.id)]
    assert missing_days == [] and missing_acts == []


def test_the_quiz_has_twenty_questions_each_answered_by_an_event(
    saga: Saga, lesson: Lesson
) -> None:
    assert len(lesson.quiz) >= 20
    for item in lesson.quiz:
        assert item.event in saga.event_by_id
        assert sum(choice.correct for choice in item.choices) == 1
        # The answer rests on what the event itself cites.
        assert set(item.sources) & set(saga.event_by_id[item.event].sources), item.id


def test_the_right_answer_is_not_always_in_the_same_place(lesson: Lesson) -> None:
    positions = {item.answer for item in lesson.quiz}
    assert len(positions) >= 3


def test_every_lesson_text_is_in_four_languages(lesson: Lesson) -> None:
    texts = [q.text for q in lesson.discussion]
    for item in lesson.quiz:
        texts += [item.question, item.why, *(choice.text for choice in item.choices)]
    for text in texts:
        assert all(text.has(lang) for lang in ("en", "fr", "id", "zh")), text


def french_texts(lesson: Lesson) -> list[str]:
    texts = [q.text("fr") for q in lesson.discussion]
    for item in lesson.quiz:
        texts += [item.question("fr"), item.why("fr"), *(c.text("fr") for c in item.choices)]
    return texts


def test_french_typography(lesson: Lesson) -> None:
    """Guillemets and a non-breaking space before : ; ? ! and inside « »."""
    for text in french_texts(lesson):
        assert not re.search(r" [:;?!»]", text), text
        assert not re.search(r"« ", text), text
        assert not re.search(r"\S[;?!]", text.replace("http", "")), text
        assert '"' not in text and "“" not in text, text


def test_no_seed_file_names_or_our_word_seed_in_questions(lesson: Lesson) -> None:
    """Readers see sources by outlet and title: 'seed' is the authors' word."""
    for item in lesson.quiz:
        for text in (item.question("en"), item.why("en")):
            assert "seed" not in text.lower() and ".txt" not in text, text


def test_shipped_lesson_file_is_in_the_story_folder() -> None:
    assert (STORY_DIR / "lesson.yaml").is_file()


def test_chinese_punctuation_is_full_width(lesson: Lesson) -> None:
    texts = [q.text("zh") for q in lesson.discussion]
    for item in lesson.quiz:
        texts += [item.question("zh"), item.why("zh"), *(c.text("zh") for c in item.choices)]
    for text in texts:
        assert not re.search(r"[?,;:!]", text), text
