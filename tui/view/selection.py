"""What is on screen, as one value: the `Selection`.

Everything a pane shows is derived from it (the day is the event's day; labels come from the
language), so two panes cannot disagree and a second screen or a second process can show the
same moment by applying one value. It turns into JSON and back (the classroom sends it between
the teacher's app and the students'), and it is pure data: no Textual here.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Literal

from story import Saga

Mode = Literal["browse", "present", "script", "quiz"]
MODES: tuple[Mode, ...] = ("browse", "present", "script", "quiz")
"""How the moment is shown: the linked panes, presenter mode, ChatGPT's script, the quiz."""

MAX_JSON_BYTES = 4096
"""A selection is a few ids; anything longer is not one (it may come over the network)."""


class SelectionError(ValueError):
    """A value that is not a selection (wrong shape, wrong types, too long)."""


@dataclass(frozen=True, slots=True)
class Selection:
    """The moment on screen and how it is shown."""

    event: str
    """The selected event's id (its day is the selected day)."""
    lang: str
    """The reader's language: story text, UI labels, dates."""
    actor: str = ""
    """The followed actor's id, whose arc is shown ("" for nobody)."""
    second_lang: str | None = None
    """The language shown beside the first (None: one language)."""
    zone: str | None = None
    """Another clock the moment is also shown on (None: the story's clock only)."""
    mode: Mode = "browse"
    """The panes, presenter mode or the script screen."""
    beat: str | None = None
    """The script beat highlighted on the script screen."""
    question: int = 0
    """The quiz question on the quiz screen (0-based)."""
    revealed: bool = False
    """Whether that question's answer is shown."""

    # Changes -------------------------------------------------------------------------------

    def with_lang(self, lang: str) -> Selection:
        """The same moment in `lang` (the second language moves aside if it was `lang`)."""
        second = None if self.second_lang == lang else self.second_lang
        return replace(self, lang=lang, second_lang=second)

    def fitted(self, saga: Saga, languages: Collection[str]) -> Selection:
        """This selection made valid for `saga`: unknown ids and languages fall back.

        Applied to every selection that comes from outside (a saved place, the classroom), so
        a selection from another version of the story cannot leave a pane on a missing item.
        """
        event = self.event if self.event in saga.event_by_id else saga.events[0].id
        lang = self.lang if self.lang in languages else next(iter(languages))
        second = self.second_lang if self.second_lang in languages else None
        beats = {beat.id for act in (saga.script.acts if saga.script else ()) for beat in act.beats}
        return Selection(
            event=event,
            lang=lang,
            actor=self.actor if self.actor in saga.actors else "",
            second_lang=None if second == lang else second,
            zone=self.zone,
            mode=self.mode,
            beat=self.beat if self.beat in beats else None,
            question=max(0, min(self.question, len(saga.lesson.quiz) - 1 if saga.lesson else 0)),
            revealed=self.revealed,
        )

    # JSON ----------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, str | int | bool | None]:
        """A plain mapping, for JSON."""
        return asdict(self)

    def to_json(self) -> str:
        """Compact JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Selection:
        """A selection from a mapping, its shape checked (unknown keys are ignored)."""
        known = {field.name for field in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        for name in ("event", "lang"):
            if not isinstance(values.get(name), str):
                raise SelectionError(f"a selection needs '{name}' as text")
        kinds = {"question": int, "revealed": bool}
        for name, value in values.items():
            kind = kinds.get(name, str)
            if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
                raise SelectionError(f"'{name}' must be a whole number")
            if kind is int and not 0 <= value < 10_000:  # type: ignore[operator]
                raise SelectionError(f"'{name}' is out of range")
            if kind is not int and value is not None and not isinstance(value, kind):
                raise SelectionError(
                    f"'{name}' must be {kind.__name__}, not {type(value).__name__}"
                )
        mode = values.get("mode", "browse")
        if mode not in MODES:
            raise SelectionError(f"'mode' must be one of {', '.join(MODES)}")
        return cls(**values)  # type: ignore[arg-type]

    @classmethod
    def from_json(cls, text: str | bytes) -> Selection:
        """A selection from JSON, refusing anything that is not one."""
        if len(text) > MAX_JSON_BYTES:
            raise SelectionError("too long for a selection")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise SelectionError(f"not JSON: {error}") from None
        if not isinstance(data, dict):
            raise SelectionError("a selection is a JSON object")
        return cls.from_dict(data)


NOTHING = Selection(event="", lang="en")
"""A pane's selection before the screen binds it to its own."""
