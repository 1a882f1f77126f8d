"""Queries of the model: days, order, roles on a date, arcs, the script, search."""

from __future__ import annotations

from pathlib import Path

from story import Saga, load_story
from story.localized import Localized
from story.search import SearchIndex, fold
from tests.conftest import write


def test_days_in_order_with_background_first(mini: Saga) -> None:
    assert [day.id for day in mini.days] == ["background", "2023-11-16", "2023-11-17", "2023-11-22"]
    assert [e.id for e in mini.day_by_id["2023-11-17"].events] == ["fired", "murati-named"]


def test_events_in_story_order_across_files(mini: Saga) -> None:
    assert [event.id for event in mini.events] == [
        "founded",
        "message",
        "fired",
        "murati-named",
        "back",
    ]
    assert mini.next_event("message", 1).id == "fired"  # type: ignore[union-attr]
    assert mini.next_event("back", 1) is None
    assert mini.next_event("founded", -1) is None


def test_seat_holders_each_day(mini: Saga) -> None:
    def ceo(day: str) -> list[str]:
        return [holder.actor.id for holder in mini.seat_holders(day)]

    assert ceo("2023-11-16") == ["sam-altman"]
    assert ceo("2023-11-17") == ["mira-murati"]
    assert ceo("2023-11-20") == []
    assert ceo("2023-11-29") == ["sam-altman"]


def test_background_day_stands_for_the_eve_of_the_focus(mini: Saga) -> None:
    assert mini.day_date(mini.days[0]) == "2023-11-15"


def test_roles_as_of_a_date(mini: Saga) -> None:
    assert [r.position for r in mini.roles_on("mira-murati", "2023-11-16")] == ["cto"]
    assert [r.position for r in mini.roles_on("mira-murati", "2023-11-18")] == ["interim-ceo"]
    assert mini.roles_on("nobody", "2023-11-18") == ()


def test_arc_mixes_events_and_role_changes_in_order(mini: Saga) -> None:
    steps = [
        (step.date, step.event.id if step.event else f"{step.role.position}:{step.starts}")  # type: ignore[union-attr]
        for step in mini.arc("mira-murati")
        if step.role is None or step.role.position
    ]
    assert steps == [
        ("2023-11-16", "cto:False"),
        ("2023-11-17", "interim-ceo:True"),
        ("2023-11-17", "fired"),
        ("2023-11-17", "murati-named"),
        ("2023-11-19", "interim-ceo:False"),
    ]


def test_cast_of_a_day(mini: Saga) -> None:
    day = mini.day_by_id["2023-11-17"]
    assert [actor.id for actor in mini.cast_of(day)] == ["sam-altman", "mira-murati"]


def test_script_links(mini: Saga) -> None:
    assert [beat.id for _, beat in mini.acts_of_event["fired"]] == ["beat-fired"]
    assert mini.act("act-1") is not None and mini.act("act-9") is None


def test_notes_about_an_event(mini: Saga) -> None:
    assert [note.id for note in mini.notes_about("fired")] == ["note-one"]


def test_search_across_languages(mini: Saga) -> None:
    index = SearchIndex(mini)
    assert [(h.kind, h.event_id) for h in index.search("licencie")] == [("event", "fired")]
    assert [(h.kind, h.item_id) for h in index.search("PAS franc")] == [("quote", "not-candid")]
    assert [h.item_id for h in index.search("murati") if h.kind == "actor"] == ["mira-murati"]
    assert index.search("   ") == []


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Licencié ÉTÉ") == "licencie ete"


def test_localized_fallback_is_visible() -> None:
    text = Localized({"en": "Hello", "fr": ""})
    assert text.get("fr") == ("Hello", "en", True)
    assert text.get("en") == ("Hello", "en", False)
    assert Localized({"zh": "你好"}).get("id") == ("你好", "zh", True)
    assert Localized({}).get("en") == ("", "en", True)


def test_untimed_events_keep_their_place_after_the_event_before_them() -> None:
    from story.localized import EMPTY
    from story.model import Event
    from story.saga import story_order

    def event(event_id: str, date: str, time: str | None) -> Event:
        return Event(event_id, date, EMPTY, EMPTY, ("s",), time)

    ordered = story_order(
        (
            event("noon", "2023-11-17", "12:00"),
            event("after-noon", "2023-11-17", None),
            event("morning", "2023-11-17", "09:00"),
            event("first-untimed", "2023-11-18", None),
            event("year", "2015", None),
            event("evening", "2023-11-17", "evening"),
        )
    )
    assert [e.id for e in ordered] == [
        "year",
        "morning",
        "noon",
        "after-noon",
        "evening",
        "first-untimed",
    ]


def test_roles_in_background_events_only_when_their_start_is_known(mini: Saga) -> None:
    founded = mini.event_by_id["founded"]  # dated "2015" only: no day, no roles
    assert mini.roles_at("sam-altman", founded) == ()
    fired = mini.event_by_id["fired"]
    assert [r.position for r in mini.roles_at("mira-murati", fired)] == ["interim-ceo"]
    message = mini.event_by_id["message"]  # in the focus: open-ended roles count
    assert [r.position for r in mini.roles_at("sam-altman", message)] == ["ceo"]


MOMENTS = """story:
  title: {en: T}
  zone: America/Los_Angeles
  languages: [en]
  focus_from: "2023-11-16"
sources:
  - {id: s, kind: seed, title: {en: S}, outlet: {en: O}, language: fr}
actors:
  - id: sam-altman
    kind: person
    name: {en: Sam Altman}
    bio: {en: B}
    sources: [s]
    roles:
      - {position: ceo, org: openai, title: {en: CEO}, to_event: fired, sources: [s]}
  - id: mira-murati
    kind: person
    name: {en: Mira Murati}
    bio: {en: B}
    sources: [s]
    roles:
      - {position: cto, org: openai, title: {en: CTO}, to: "2023-11-17", to_time: "12:00", sources: [s]}
      - {position: interim-ceo, org: openai, title: {en: Interim CEO}, from_event: fired, sources: [s]}
  - {id: openai, kind: organisation, name: {en: OpenAI}, bio: {en: B}, sources: [s]}
events:
  - {id: message, date: "2023-11-16", time: evening, title: {en: M}, text: {en: M}, actors: [sam-altman], sources: [s]}
  - {id: fired, date: "2023-11-17", time: "12:00", title: {en: F}, text: {en: F}, actors: [sam-altman, mira-murati], sources: [s]}
  - {id: named, date: "2023-11-17", time: afternoon, title: {en: N}, text: {en: N}, actors: [mira-murati], sources: [s]}
  - {id: after, date: "2023-11-17", title: {en: A}, text: {en: A}, actors: [sam-altman, mira-murati], sources: [s]}
"""


def test_a_role_ends_at_the_moment_of_its_event(tmp_path: Path) -> None:
    saga = load_story(write(tmp_path, "s.yaml", MOMENTS))

    def ceo(time: str | None = None) -> list[str]:
        seat = ("ceo", "interim-ceo")
        return [holder.actor.id for holder in saga.holders(seat, "openai", "2023-11-17", time)]

    assert ceo() == ["sam-altman", "mira-murati"]  # the day of the change: both, in order
    assert ceo("morning") == ["sam-altman"]
    assert ceo("12:01") == ceo("afternoon") == ["mira-murati"]
    assert [r.position for r in saga.roles_on("sam-altman", "2023-11-17", "09:00")] == ["ceo"]
    assert saga.roles_on("sam-altman", "2023-11-17", "13:00") == ()
    assert saga.roles_on("sam-altman", "2023-11-18") == ()
    fired, after = saga.event_by_id["fired"], saga.event_by_id["after"]
    assert [r.position for r in saga.roles_at("sam-altman", fired)] == ["ceo"]  # the event ends it
    assert saga.roles_at("sam-altman", after) == ()  # untimed, but after the afternoon event
    assert [r.position for r in saga.roles_at("mira-murati", fired)] == ["interim-ceo"]
    board = saga.holders(("ceo", "interim-ceo"), "openai", "2023-11-17", at_end=True)
    assert [holder.actor.id for holder in board] == ["mira-murati"]


def test_arc_places_role_changes_at_their_moment(tmp_path: Path) -> None:
    saga = load_story(write(tmp_path, "s.yaml", MOMENTS))
    steps = [
        (
            step.date,
            step.time,
            step.event.id if step.event else f"{step.role.position}:{step.starts}",  # type: ignore[union-attr]
        )
        for step in saga.arc("mira-murati")
        if step.event is not None or step.role is not None
    ]
    assert steps == [
        ("2023-11-17", "12:00", "cto:False"),  # a time: before the events at that minute
        ("2023-11-17", None, "fired"),
        ("2023-11-17", "12:00", "interim-ceo:True"),  # an event: just after it
        ("2023-11-17", None, "named"),
        ("2023-11-17", None, "after"),
    ]
    keys = [saga.arc_key(step) for step in saga.arc("mira-murati")]
    assert keys == sorted(keys)
    assert saga.moment_key(saga.event_by_id["fired"]) < keys[2]
