"""The Selection: one value for what is on screen, to JSON and back, checked when it comes in."""

from __future__ import annotations

import pytest

from story import Saga
from tui.view.selection import Selection, SelectionError


def test_round_trips_through_json() -> None:
    selection = Selection(
        event="altman-fired",
        lang="zh",
        actor="mira-murati",
        second_lang="fr",
        zone="Europe/Paris",
        mode="script",
        beat="x",
    )
    assert Selection.from_json(selection.to_json()) == selection
    assert Selection.from_json(Selection(event="e", lang="en").to_json()).mode == "browse"


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        "{}",
        '{"event": 3, "lang": "en"}',
        '{"event": "e", "lang": "en", "mode": "party"}',
        '{"event": "e", "lang": "en", "actor": ["x"]}',
        "not json",
        "[" * 5000,
        '{"event": "' + "e" * 5000 + '", "lang": "en"}',
    ],
)
def test_refuses_what_is_not_a_selection(text: str) -> None:
    with pytest.raises(SelectionError):
        Selection.from_json(text)


def test_unknown_keys_are_ignored() -> None:
    assert Selection.from_json('{"event": "e", "lang": "en", "later": 1}').event == "e"


def test_fitted_replaces_what_the_story_does_not_have(saga: Saga) -> None:
    odd = Selection(event="nope", lang="xx", actor="nobody", second_lang="xx", beat="nope")
    fitted = odd.fitted(saga, ("en", "fr"))
    assert fitted.event == saga.events[0].id
    assert (fitted.lang, fitted.actor, fitted.second_lang, fitted.beat) == ("en", "", None, None)
    good = Selection(event="altman-fired", lang="fr", actor="sam-altman", second_lang="en")
    assert good.fitted(saga, ("en", "fr")) == good


def test_with_lang_moves_the_second_language_aside() -> None:
    both = Selection(event="e", lang="en", second_lang="fr")
    assert both.with_lang("fr").second_lang is None
    assert both.with_lang("zh") == Selection(event="e", lang="zh", second_lang="fr")
