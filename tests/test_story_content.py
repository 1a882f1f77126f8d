"""The shipped story: complete in four languages, sourced, with the real names and the real
chain of command."""

from __future__ import annotations

import os
import re
from dataclasses import fields
from pathlib import Path

import pytest

from story import Localized, Saga, coverage
from story.checks import items_with_origin
from tui.locale.cldr import clock_time, compact_date, language_name, publication_date, story_date
from tui.locale.i18n import catalogue
from tui.view.export import dossier, whole_story
from tui.view.render import arc_row, cast_row, day_row, event_detail
from tui.view.sources import source_label

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_FILES = {
    "000_3ec74e41f1df8cec.txt",
    "001_5d4f7316e187d8ab.txt",
    "002_e6c42df7ed528c8f.txt",
    "003_2058c9d928cbac57.txt",
    "004_613e29778f795b9d.txt",
}
FIXED_ACTORS = {
    "sam-altman",
    "ilya-sutskever",
    "mira-murati",
    "greg-brockman",
    "satya-nadella",
    "emmett-shear",
    "adam-dangelo",
    "helen-toner",
    "tasha-mccauley",
    "dario-amodei",
    "openai",
    "microsoft",
    "anthropic",
}


def test_every_language_is_complete(saga: Saga) -> None:
    assert {item.lang: item.percent for item in coverage(saga)} == {
        "en": 100.0,
        "fr": 100.0,
        "id": 100.0,
        "zh": 100.0,
    }


def test_fixed_actor_ids(saga: Saga) -> None:
    assert set(saga.actors) >= FIXED_ACTORS


def test_days_from_background_to_the_return(saga: Saga) -> None:
    days = [day.id for day in saga.days]
    assert days[0] == "background"
    for day in (
        "2023-11-16",
        "2023-11-17",
        "2023-11-18",
        "2023-11-19",
        "2023-11-20",
        "2023-11-21",
        "2023-11-22",
        "2023-11-29",
    ):
        assert day in days


def test_ceo_seat_day_by_day(saga: Saga) -> None:
    """A day shows everyone who held the seat during it, in the order they took it."""

    def ceo(day: str, time: str | None = None) -> list[str]:
        return [holder.actor.id for holder in saga.seat_holders(day, time=time)]

    assert ceo("2023-11-16") == ["sam-altman"]
    assert ceo("2023-11-17") == ["sam-altman", "mira-murati"]
    assert ceo("2023-11-18") == ["mira-murati"]
    assert ceo("2023-11-19") == ["mira-murati", "emmett-shear"]
    assert ceo("2023-11-20") == ["emmett-shear"]
    assert ceo("2023-11-21") == ["emmett-shear", "sam-altman"]
    assert ceo("2023-11-22") == ceo("2023-11-29") == ["sam-altman"]
    assert ceo("2023-11-17", "morning") == ["sam-altman"]
    assert ceo("2023-11-17", "afternoon") == ceo("2023-11-19", "evening") == ["mira-murati"]


def test_murati_goes_from_cto_to_interim_ceo_and_back(saga: Saga) -> None:
    positions = [role.position for role in saga.roles_on("mira-murati", "2023-11-16")]
    assert "cto" in positions
    assert "interim-ceo" in [r.position for r in saga.roles_on("mira-murati", "2023-11-18")]
    assert "cto" in [r.position for r in saga.roles_on("mira-murati", "2023-11-29")]


def test_seeds_cited_by_their_file_names(saga: Saga) -> None:
    seeds = {s.file for s in saga.sources.values() if s.kind == "seed"}
    assert seeds == SEED_FILES
    for source in saga.sources.values():
        if source.kind == "outside":
            assert source.url and source.url.startswith("https://"), source.id


def test_after_the_seeds_comes_from_outside_and_says_so(saga: Saga) -> None:
    for event in saga.events:
        if event.date > "2023-11-20":
            kinds = {saga.sources[s].kind for s in event.sources}
            assert "outside" in kinds, event.id


def test_script_has_five_acts_a_climax_and_two_endings(saga: Saga) -> None:
    assert saga.script is not None
    assert [act.id for act in saga.script.acts] == [
        "act-1",
        "act-2",
        "act-3",
        "act-4",
        "act-5",
        "climax",
        "ending-light",
        "ending-tragic",
    ]
    assert (
        saga.script.title("fr") == "Changement intelligent\u00a0: la tempête de puissance d'OpenAI"
    )
    verdicts = {beat.verdict for act in saga.script.acts for beat in act.beats}
    assert verdicts == {"happened", "partly", "did-not-happen"}
    for act in saga.script.acts:
        for beat in act.beats:
            assert beat.events or beat.verdict == "did-not-happen", beat.id


GARBLED = re.compile(r"Cisaillement|Ultraman|Ilyan\b|Gongdou")


def test_real_names_in_titles_and_bios(saga: Saga) -> None:
    for event in saga.events:
        for text in event.title.all_texts():
            assert not GARBLED.search(text), event.id
    for actor in saga.actors.values():
        for text in (*actor.name.all_texts(), *actor.bio.all_texts()):
            assert not GARBLED.search(text), actor.id


def test_chinese_is_chinese(saga: Saga) -> None:
    """Every Chinese text holds Chinese characters (not an English copy)."""
    for event in saga.events:
        assert re.search(r"[\u4e00-\u9fff]", event.text("zh")), event.id
        assert event.text("fr") != event.text("en"), event.id
        assert event.text("id") != event.text("en"), event.id


def squash(text: str) -> str:
    """Text with every run of spaces (no-break ones included) as one space."""
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " ")).strip()


def seeds_folder() -> Path:
    """The five articles: beside the checkout, or where OPENAI_SAGA_SEEDS says."""
    folder = Path(os.environ.get("OPENAI_SAGA_SEEDS", SEEDS))
    if not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the seed articles are missing: {folder}")
        pytest.skip("the seed articles (shared/seeds) are not beside this checkout")
    return folder


def test_quotes_keep_the_seed_wording(saga: Saga) -> None:
    folder = seeds_folder()

    seed_text = {
        source.id: squash((folder / source.file).read_text(encoding="utf-8"))
        for source in saga.sources.values()
        if source.kind == "seed" and source.file
    }
    for quote in (quote for event in saga.events for quote in event.quotes):
        original = squash(quote.original.strip('«» "“”'))
        cited = [seed_text[s] for s in quote.sources if s in seed_text]
        assert any(original in text for text in cited), quote.id


def test_no_anachronistic_roles_in_the_background(saga: Saga) -> None:
    founded = saga.event_by_id["openai-founded"]  # 11 December 2015
    assert saga.day_of_event[founded.id] == "background"
    assert saga.roles_at("sam-altman", founded) == ()
    fired = saga.event_by_id["altman-fired"]
    assert "chief-scientist" in [r.position for r in saga.roles_at("ilya-sutskever", fired)]


# ---- the story as a finished work (issue 11) --------------------------------------------------

LANGS = ("en", "fr", "id", "zh")
PROCESS_WORDS = {
    "en": re.compile(r"\bseeds?\b", re.IGNORECASE),
    "fr": re.compile(
        r"\bgraines?\b|\bsemences?\b|sources? de départ|articles? sources?|\bsources? \d{3}\b",
        re.IGNORECASE,
    ),
    "id": re.compile(r"\bbenih\b|naskah sumber|artikel sumber|\bsumber \d{3}\b", re.IGNORECASE),
    "zh": re.compile(r"种子"),
}
FILE_NUMBER = re.compile(r"(?<![\d.,])(?<!\d[ \u00a0\u202f])00[0-4](?!\d)|\d{3}_[0-9a-f]{16}")
"""A seed's number ("seed 003", "源 004") or file name, as no reader knows it."""


def story_texts(saga: Saga) -> list[tuple[str, Localized]]:
    """Every text of the story a reader can be shown, with where it is."""
    roots: list[object] = [
        saga.info,
        *saga.sources.values(),
        *saga.actors.values(),
        *saga.events,
        *saga.perspectives,
        *saga.notes,
    ]
    if saga.script is not None:
        roots.append(saga.script)
    found = []
    for root in roots:
        for item in items_with_origin(root):
            for item_field in fields(item):
                value = getattr(item, item_field.name)
                if isinstance(value, Localized):
                    found.append(
                        (f"{getattr(item, 'id', type(item).__name__)}.{item_field.name}", value)
                    )
    return found


def reader_texts(saga: Saga, lang: str) -> list[tuple[str, str]]:
    """What a reader of `lang` reads: story texts, source labels and the UI catalogue."""
    texts = [(where, value.values.get(lang, "")) for where, value in story_texts(saga)]
    texts += [(f"label:{s.id}", source_label(s, lang)) for s in saga.sources.values()]
    texts += [(f"ui:{key}", str(value)) for key, value in catalogue(lang).items()]
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_no_process_words_in_what_readers_read(saga: Saga, lang: str) -> None:
    """ "Seed" (and its translations, and the seeds' numbers and file names) is our word."""
    for where, text in reader_texts(saga, lang):
        assert not PROCESS_WORDS[lang].search(text), (where, text)
        assert not FILE_NUMBER.search(text), (where, text)


@pytest.mark.parametrize("lang", LANGS)
def test_sources_are_labelled_by_outlet_title_date_and_language(saga: Saga, lang: str) -> None:
    for source in saga.sources.values():
        label = source_label(source, lang)
        assert source.outlet(lang) in label and source.title(lang) in label, label
        assert source.date and publication_date(source.date, lang) in label, label
        assert language_name(source.language, lang) in label, label
        if source.original_language and source.original_language != source.language:
            assert language_name(source.original_language, lang) in label, label
        if source.file:
            assert source.file not in label
    fired = saga.event_by_id["altman-fired"]
    shown = event_detail(saga, fired, lang, None).plain
    for source_id in fired.sources:
        source = saga.sources[source_id]
        assert source_label(source, lang) in shown
        assert not source.file or source.file not in shown


def test_outlets_are_translated_where_a_translation_is_natural(saga: Saga) -> None:
    """Chinese readers see every article's outlet in Chinese; a name that is a description
    (the Silicon-based Laboratory, a news site's translation) is translated for everyone."""
    for source in saga.sources.values():
        if source.kind == "seed":
            assert re.search(r"[\u4e00-\u9fff]", source.outlet("zh")), source.id
    for source_id in ("seed-000", "seed-001", "seed-002"):
        outlet = saga.sources[source_id].outlet
        assert len({outlet(lang) for lang in LANGS}) == len(LANGS), source_id


def test_every_outside_item_has_an_address(saga: Saga) -> None:
    outside = {s.id for s in saga.sources.values() if s.kind == "outside"}
    for source_id in outside:
        assert (saga.sources[source_id].url or "").startswith("https://"), source_id
    for event in saga.events:
        if event.date > "2023-11-20" or not set(event.sources) - outside:
            cited = [saga.sources[s] for s in event.sources if s in outside]
            assert cited, event.id
            shown = event_detail(saga, event, "en", None).plain
            assert all(s.url and s.url in shown for s in cited), event.id
    for event_id in ("amodei-declines", "letter-grows", "q-star-reports"):
        assert set(saga.event_by_id[event_id].sources) <= outside, event_id


WHEN_FIRED = ("2023-11-17", "12:00")


@pytest.mark.parametrize("lang", LANGS)
def test_altman_is_ceo_until_friday_noon_in_every_pane_and_handout(saga: Saga, lang: str) -> None:
    day, noon = WHEN_FIRED
    assert "ceo" in [r.position for r in saga.roles_on("sam-altman", day, "morning")]
    assert "ceo" not in [r.position for r in saga.roles_on("sam-altman", day, "12:01")]
    assert "cto" not in [r.position for r in saga.roles_on("mira-murati", day, "12:01")]
    assert "interim-ceo" in [r.position for r in saga.roles_on("mira-murati", day, "12:01")]
    clock = clock_time(noon, lang)
    ends = [
        s for s in saga.arc("sam-altman") if s.role and s.role.position == "ceo" and not s.starts
    ]
    assert [(s.date, s.time) for s in ends] == [WHEN_FIRED]
    assert clock in arc_row(saga, ends[0], lang).plain
    cast = cast_row(saga, saga.actors["sam-altman"], day, lang).plain
    assert f"{saga.actors['sam-altman'].roles[0].title(lang)} (→ {clock})" in cast
    strip = day_row(saga, saga.day_by_id[day], lang).plain
    assert strip.index(saga.actors["sam-altman"].name(lang)) < strip.index(
        saga.actors["mira-murati"].name(lang)
    )
    until = f"→ {story_date(day, lang)} · {clock}"
    for handout in (whole_story(saga, lang), dossier(saga, lang, "sam-altman")):
        roles = [b.text for b in handout.blocks if b.kind == "li"]
        ceo = saga.actors["sam-altman"].roles[0].title(lang)
        assert any(line.startswith(ceo) and line.endswith(until) for line in roles), roles[:3]


def test_brockman_leaves_the_board_with_the_announcement_and_quits_after(saga: Saga) -> None:
    ends = {
        s.role.position: s.key
        for s in saga.arc("greg-brockman")
        if s.role is not None and not s.starts and s.date == "2023-11-17"
    }
    announced = saga.moment_key(saga.event_by_id["murati-interim-ceo"])
    quits = saga.moment_key(saga.event_by_id["brockman-quits"])
    assert announced < ends["chair"] == ends["board-member"] < quits < ends["president"]


def test_fixes_checked_against_the_articles(saga: Saga) -> None:
    assert saga.script is not None
    beats = {beat.id: beat for act in saga.script.acts for beat in act.beats}
    assert beats["climax-leak-scandal"].verdict == "did-not-happen"
    quotes = {quote.id: quote for quote in (q for event in saga.events for q in event.quotes)}
    assert quotes["graham-money-power"].speaker_uncertain
    assert not quotes["graham-best-placed"].speaker_uncertain
    assert quotes["kwon-optimistic"].original == "« optimiste »"  # reported speech around it
    assert "not a chatbot" not in saga.event_by_id["chatgpt-release-decision"].text("en")
    assert "no longer" not in saga.event_by_id["superalignment"].text("en")


def test_indonesian_renderings_use_the_indonesian_article(saga: Saga) -> None:
    """A quote the Indonesian article also prints reads, in Indonesian, in its own words."""
    folder = seeds_folder()
    seed = saga.sources["seed-002"]
    assert seed.file is not None
    text = squash((folder / seed.file).read_text(encoding="utf-8"))
    for quote in (q for event in saga.events for q in event.quotes):
        if "seed-002" in quote.sources:
            rendering = squash(re.sub(r"\s*\[[^\]]*\]", "", quote.text("id")))
            assert rendering.rstrip(".") in text, quote.id


def test_battle_of_routes_is_explained(saga: Saga) -> None:
    literal = re.compile(r"battle of routes|bataille des routes|pertempuran rute", re.IGNORECASE)
    for where, value in story_texts(saga):
        for lang in ("en", "fr", "id"):
            if literal.search(value.values.get(lang, "")):
                assert "路线之争" in value.values[lang], (where, lang)


FRENCH_SPACES = "\u00a0\u202f"


def french_typography_problems(text: str) -> list[str]:
    problems = []
    for match in re.finditer(r"[;:!?]", text):
        at = match.start()
        before, after = text[at - 1 : at], text[at + 1 : at + 2]
        if before in FRENCH_SPACES or before in "!?" or (before.isdigit() and after.isdigit()):
            continue
        problems.append(text[max(0, at - 15) : at + 2])
    for match in re.finditer(r"«(.)|(.)»", text):
        if (match.group(1) or match.group(2)) not in FRENCH_SPACES:
            problems.append(match.group(0))
    problems += re.findall(r".{0,10}[“”\"].{0,10}", text)
    return problems


def test_french_punctuation_follows_french_rules(saga: Saga) -> None:
    for where, text in reader_texts(saga, "fr"):
        assert not french_typography_problems(text), (where, french_typography_problems(text))
    assert len(french_typography_problems("Altman : « oui »")) == 3
    assert catalogue("fr")["verdict.did-not-happen"] != "N'est pas arrivé"


def test_year_headings_in_chinese_say_year(saga: Saga) -> None:
    founded = next(e for e in saga.events if len(e.date) == 4)
    assert compact_date(founded.date, "zh") == founded.date + "年"
    assert compact_date(founded.date, "en") == founded.date
