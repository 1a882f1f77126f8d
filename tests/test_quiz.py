"""The quiz screen: a question, its choices, the answer on a key, enter to the event."""

from __future__ import annotations

from textual.widgets import Static

from story.lesson import QuizQuestion
from tests.conftest import MINI
from tests.test_browser_mini import press, rendered
from tests.test_browser_saga import palette, saga_app
from tui.app.saga_app import SagaApp
from tui.app.screens.quiz import LETTERS, QuizScreen
from tui.view.selection import Selection


def shown(app: SagaApp) -> str:
    """What the quiz shows: title, question (with choices and maybe the answer), hint."""
    screen = app.screen
    assert isinstance(screen, QuizScreen)
    parts = [
        screen.query_one(f"#{name}", Static).render()
        for name in ("quiz-title", "quiz-question", "quiz-hint")
    ]
    return "\n".join(rendered(part, width=200) for part in parts)


def squash(text: str) -> str:
    """Text with its spaces (non-breaking ones too) as `rendered` shows them."""
    return " ".join(text.split())


def first_question(app: SagaApp) -> QuizQuestion:
    assert app.saga.lesson is not None
    return app.saga.lesson.quiz[0]


async def test_q_opens_the_first_question_with_its_choices_and_no_answer() -> None:
    app = saga_app("--fresh", "--event", "altman-fired")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "Q")
        item = first_question(app)
        text = shown(app)
        assert f"Question 1 of {len(app.saga.lesson.quiz)}" in text  # type: ignore[union-attr]
        assert item.question("en") in text
        for letter, choice in zip(LETTERS, item.choices, strict=False):
            assert f"{letter} {choice.text('en')}" in text
        assert item.why("en") not in text and "✔" not in text


async def test_space_reveals_the_answer_why_and_the_event() -> None:
    app = saga_app("--fresh")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "Q", "space")
        item = first_question(app)
        text = shown(app)
        right = item.choices[item.answer].text("en")
        assert f"✔{LETTERS[item.answer]} {right}" in text
        assert f"Answer: {LETTERS[item.answer]}." in text and item.why("en") in text
        assert app.saga.event_by_id[item.event].title("en") in text


async def test_arrows_move_between_questions_and_hide_the_answer() -> None:
    app = saga_app("--fresh")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "Q", "r", "right")
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.index == 1 and not screen.revealed
        assert "Question 2 of" in shown(app) and "✔" not in shown(app)
        await press(pilot, "left", "left")  # the second left rings at the first question
        assert screen.index == 0
        await press(pilot, "n", "N")
        assert screen.index == 0


async def test_enter_goes_to_the_event_that_answers_it() -> None:
    app = saga_app("--fresh", "--event", "openai-founded")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "Q", "right", "right", "enter")
        assert app.screen is app.browser
        assert app.saga.lesson is not None
        assert app.browser.selection.event == app.saga.lesson.quiz[2].event


async def test_escape_returns_without_moving() -> None:
    app = saga_app("--fresh", "--event", "openai-founded")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "Q", "right", "space", "escape")
        assert app.screen is app.browser and app.browser.selection.event == "openai-founded"


async def test_the_quiz_follows_the_language() -> None:
    app = saga_app("--fresh", "--lang", "fr")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "Q", "space")
        item = first_question(app)
        assert squash(item.question("fr")) in shown(app) and "Réponse" in shown(app)
        await press(pilot, "l")  # to Indonesian: the question stays, so does the answer
        assert item.question("id") in shown(app) and item.why("id") in shown(app)
        assert "Pertanyaan 1 dari" in shown(app)


async def test_the_palette_opens_the_quiz() -> None:
    app = saga_app("--fresh")
    async with app.run_test(size=(120, 40)) as pilot:
        await palette(pilot, "Quiz")
        assert isinstance(app.screen, QuizScreen)


async def test_the_quiz_is_the_selection_s_mode_so_a_class_follows_it() -> None:
    """A selection from outside (the teacher's app) opens the quiz at a question, revealed for
    everyone; the reader's own moves change the selection (which a leader sends on)."""
    app = saga_app("--fresh")
    async with app.run_test(size=(80, 24)) as pilot:
        teacher = Selection(event="altman-fired", lang="en", mode="quiz", question=4, revealed=True)
        app.apply_selection(Selection.from_json(teacher.to_json()))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.index == 4 and screen.revealed and "✔" in shown(app)
        await press(pilot, "right")
        assert (app.selection.question, app.selection.revealed) == (5, False)
        await press(pilot, "space")
        assert (app.selection.question, app.selection.revealed) == (5, True)
        app.apply_selection(Selection(event="altman-fired", lang="en"))
        await pilot.pause()
        assert app.screen is app.browser


async def test_a_story_without_a_quiz_says_so() -> None:
    app = saga_app("--fresh", "--story", str(MINI))
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "Q", "space", "right", "enter")
        assert isinstance(app.screen, QuizScreen)
        assert "This story has no quiz." in shown(app)
        await press(pilot, "escape")
        assert not isinstance(app.screen, QuizScreen)


async def test_two_keys_in_one_frame_do_not_pop_the_browser() -> None:
    app = saga_app("--fresh")
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "Q")
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        screen.action_open_event()
        screen.action_close()  # still in the same frame: the quiz is no longer on top
        await pilot.pause()
        assert app.screen is app.browser
        await press(pilot, "l")  # the browser still works
        assert app.browser.selection.lang == "fr"
