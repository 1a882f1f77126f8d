"""The quiz (`Q`): one question at a time, its choices, the answer revealed on a key.

The quiz is the selection's mode "quiz", with its `question` and `revealed`: `enter` returns to
the browser at the event that answers the question. So a class following the teacher sees the
same question, and the teacher's reveal shows the answer to everyone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from story import Saga
from story.lesson import QuizQuestion
from tui.app.commands import QUIZ_COMMANDS, bindings, fit_footer
from tui.app.widgets.key_bar import KeyBar
from tui.locale.cldr import number, story_date
from tui.locale.i18n import tr
from tui.view.render import text_in
from tui.view.safe import plain
from tui.view.selection import Selection

if TYPE_CHECKING:
    from tui.app.screens.browser import BrowserScreen

LETTERS = "ABCDEF"
"""How choices are labelled (a story's questions have at most six)."""


def question_text(item: QuizQuestion, lang: str) -> Text:
    """The question, then its choices lettered A, B, C..."""
    out = Text(end="")
    out.append_text(text_in(item.question, lang, "bold"))
    out.append("\n")
    for index, choice in enumerate(item.choices):
        out.append(f"\n {LETTERS[index]}  ", style="bold")
        out.append_text(text_in(choice.text, lang))
    return out


def revealed_text(saga: Saga, item: QuizQuestion, lang: str) -> Text:
    """The question with the right choice marked, the others dimmed, then why and where."""
    out = Text(end="")
    out.append_text(text_in(item.question, lang, "bold"))
    out.append("\n")
    for index, choice in enumerate(item.choices):
        if choice.correct:
            out.append(f"\n✔{LETTERS[index]}  ", style="bold green")
            out.append_text(text_in(choice.text, lang, "bold green"))
        else:
            out.append(f"\n {LETTERS[index]}  ", style="dim")
            out.append_text(text_in(choice.text, lang, "dim"))
    out.append("\n\n")
    out.append(tr(lang, "quiz.answer", letter=LETTERS[item.answer]) + " ", style="bold")
    out.append_text(text_in(item.why, lang))
    event = saga.event_by_id.get(item.event)
    if event is not None:
        out.append("\n\n" + tr(lang, "quiz.answered_by") + " ", style="bold")
        out.append(story_date(event.date, lang) + " — ", style="dim")
        out.append_text(text_in(event.title, lang, "italic"))
    return out


class QuizScreen(Screen[None]):
    """A question, its choices, and on `space` the answer with the event that gives it."""

    CSS_PATH = "quiz.tcss"
    MODE = "quiz"
    """The selection's mode that shows this screen (`SagaApp._show_mode`)."""
    COMMAND_TABLE = QUIZ_COMMANDS
    BINDINGS = bindings(COMMAND_TABLE)

    def __init__(self, browser: BrowserScreen) -> None:
        super().__init__()
        self.browser = browser
        """The screen whose selection holds the language, the question and whether it is
        revealed (so a class following the teacher sees the same question, revealed for all)."""
        self.saga: Saga = browser.saga
        lesson = browser.saga.lesson
        self.quiz: tuple[QuizQuestion, ...] = lesson.quiz if lesson else ()
        selection = browser.selection
        self.index = max(0, min(selection.question, len(self.quiz) - 1))
        self.revealed = selection.revealed

    def compose(self) -> ComposeResult:
        yield Static(id="quiz-title", markup=False)
        with VerticalScroll(id="quiz-body"):
            yield Static(id="quiz-question", markup=False)
            yield Static(id="quiz-hint", markup=False)
        yield KeyBar()

    @property
    def lang(self) -> str:
        """The reader's language (the selection's)."""
        return self.browser.selection.lang

    def on_mount(self) -> None:
        self._render_all()
        self.query_one("#quiz-body").focus()
        self.watch(self.browser, "selection", self._follow, init=False)

    def _follow(self, old: Selection, new: Selection) -> None:
        """Redraw in a new language; move or reveal as the selection says (a teacher's app)."""
        if new.question != self.index:
            self.show_question(new.question)
        if new.revealed and not self.revealed:
            self.reveal()
        elif old.lang != new.lang:
            self._render_all()

    @property
    def current(self) -> QuizQuestion | None:
        """The question on screen (None when the story has no quiz)."""
        return self.quiz[self.index] if self.quiz else None

    # Hooks for a class: what the teacher's screen does, a student's screen can be told ------

    def show_question(self, index: int) -> None:
        """Show question `index` (0-based), answer hidden; out-of-range indexes are ignored."""
        if 0 <= index < len(self.quiz) and (index != self.index or self.revealed):
            self.index = index
            self.revealed = False
            self._render_all()

    def reveal(self) -> None:
        """Show the answer of the current question (the teacher's reveal, for everyone)."""
        if self.current is not None and not self.revealed:
            self.revealed = True
            self._render_all()

    # Drawing ---------------------------------------------------------------------------------

    def on_resize(self) -> None:
        """Crossing the narrow width changes which keys the footer has room for."""
        self._fit_footer()

    def _fit_footer(self) -> None:
        fit_footer(self, self.lang)

    def _render_all(self) -> None:
        self._fit_footer()
        lang = self.lang
        title = Text(end="")
        title.append(tr(lang, "quiz.title"), style="bold")
        question = self.query_one("#quiz-question", Static)
        hint = self.query_one("#quiz-hint", Static)
        item = self.current
        if item is None:
            self.query_one("#quiz-title", Static).update(title)
            question.update(plain(tr(lang, "quiz.none")))
            hint.update("")
            return
        position = tr(
            lang,
            "quiz.position",
            number=number(self.index + 1, lang),
            count=number(len(self.quiz), lang),
        )
        title.append(f"  ·  {position}")
        self.query_one("#quiz-title", Static).update(title)
        if self.revealed:
            question.update(revealed_text(self.saga, item, lang))
            hint.update(plain(tr(lang, "quiz.hint_open"), "dim italic"))
        else:
            question.update(question_text(item, lang))
            hint.update(plain(tr(lang, "quiz.hint_reveal"), "dim italic"))
        self.query_one("#quiz-body", VerticalScroll).scroll_home(animate=False)

    # Actions ---------------------------------------------------------------------------------

    def action_reveal(self) -> None:
        if self.current is None:
            self.app.bell()
            return
        self.reveal()
        self.browser.change(question=self.index, revealed=True)

    def action_step_question(self, step: int) -> None:
        target = self.index + step
        if not 0 <= target < len(self.quiz):
            self.app.bell()
            return
        self.show_question(target)
        self.browser.change(question=self.index, revealed=False)

    def action_open_event(self) -> None:
        item = self.current
        if item is None or item.event not in self.saga.event_by_id:
            self.app.bell()
            return
        self.browser.change(mode="browse", event=item.event)

    def action_close(self) -> None:
        self.browser.change(mode="browse")
