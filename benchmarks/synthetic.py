"""Synthetic stories of any size in the shipped format, that exercise every pane of the browser.

The shape, per story of N events (12 a day from 2001-01-01, so 100,000 events span 23 years):
- a background: the first week's events fall before `focus_from`;
- 20 people and three organisations; the tracked organisation (`TRACKED_ORG`, the one the
  power strip counts) has a CEO seat that changes hands every 45 days among four people
  (every fifth term an interim CEO) and a board of twelve whose seats come and go (each member
  on for 150 to 337 days a year, from a day of their own), so the strip shows initials and a
  changing board size, and arcs hold role changes as well as events;
- every event has a title in seven topics ("Board meeting 123", in four languages), a text of a
  few sentences, two or three actors; a quote on every tenth event, a figure (the strip's
  count) on every thousandth, a teacher's note on every 250th, a perspective on every 1000th;
- ChatGPT's script: five acts, a climax and two endings of three beats, linked to events spread
  over the whole story.
Every text is in en, fr, id and zh (Chinese text, so wide characters are laid out too).
`openai-saga validate` accepts every story written here (the benchmark checks it each run).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

GENERATOR_VERSION = 3
"""Bump when the shape changes, so stories written by an older generator are not reused."""

LANGS = ("en", "fr", "id", "zh")
EVENTS_PER_DAY = 12
PART_SIZE = 5_000
"""Events per file (the loader caps a single file's size)."""
START = date(2001, 1, 1)
BACKGROUND_DAYS = 7
TRACKED_ORG = "openai"
"""The organisation the power strip follows (declared as the story's `power`).
If stories can one day declare the organisation they track, set it in `story_info` and here."""
CEO_TERM_DAYS = 45
CEO_HOLDERS = 4
BOARD_SIZE = 12
BOARD_CYCLE_DAYS = 360
TYPED_WORD = "board"
"""What the benchmark types in the search box and the palette: it matches one topic in seven."""

GIVEN = (
    "Ada", "Basil", "Cleo", "Dorian", "Edith", "Felix", "Greta", "Hugo", "Iris", "Jules",
    "Kira", "Linus", "Maud", "Nils", "Opal", "Pavel", "Quinn", "Rosa", "Silas", "Tova",
)  # fmt: skip
FAMILY = (
    "Quill", "Marsh", "Vance", "Holt", "Reyes", "Okafor", "Lind", "Brandt", "Sato", "Moreau",
    "Ivers", "Castel", "Nkemelu", "Farrow", "Dahl", "Petrov", "Yuen", "Abara", "Kestrel", "Wren",
)  # fmt: skip
ZH_GIVEN = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
TOPICS = (
    ("Board meeting", "Réunion du conseil", "Rapat dewan", "董事会会议"),
    ("CEO statement", "Déclaration du PDG", "Pernyataan CEO", "CEO声明"),
    ("Staff letter", "Lettre du personnel", "Surat karyawan", "员工联名信"),
    ("Investor call", "Appel des investisseurs", "Panggilan investor", "投资人电话会"),
    ("Press report", "Article de presse", "Laporan pers", "媒体报道"),
    ("Product launch", "Lancement de produit", "Peluncuran produk", "产品发布"),
    ("Safety review", "Examen de sûreté", "Tinjauan keamanan", "安全审查"),
)


class Quoted(str):
    """A string written double-quoted, as the format wants dates and times."""


def _quoted(dumper: yaml.SafeDumper, value: Quoted) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"')


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's dumper when present; shared values written out in full (the format refuses
    YAML aliases), dates and times quoted."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


Dumper.add_representer(Quoted, _quoted)


def texts(en: str, fr: str, id_: str, zh: str) -> dict[str, str]:
    return {"en": en, "fr": fr, "id": id_, "zh": zh}


def same(stem: str) -> dict[str, str]:
    """The same (proper-noun-like) text in every language, marked with the language."""
    return {lang: f"{stem} ({lang})" for lang in LANGS}


ORGS = {
    TRACKED_ORG: texts("OpenAI", "OpenAI", "OpenAI", "OpenAI"),
    "rival-lab": texts("Rival Lab", "Labo rival", "Lab Pesaing", "竞争实验室"),
    "big-partner": texts("Big Partner", "Grand partenaire", "Mitra Besar", "大合作方"),
}


def day_of(index: int) -> date:
    return START + timedelta(days=index)


def iso(day: date) -> Quoted:
    return Quoted(day.isoformat())


def person_id(n: int) -> str:
    return f"{GIVEN[n].lower()}-{FAMILY[n].lower()}"


@dataclass(frozen=True)
class Span:
    """Days `first`..`last` (inclusive, indexes from START); None is open."""

    first: int | None
    last: int | None


def ceo_terms(days: int) -> list[tuple[int, str, Span]]:
    """(holder, position, span) for each CEO term over `days` days."""
    terms = []
    count = max(1, -(-days // CEO_TERM_DAYS))
    for term in range(count):
        first = None if term == 0 else term * CEO_TERM_DAYS
        last = None if term == count - 1 else (term + 1) * CEO_TERM_DAYS - 1
        position = "interim-ceo" if term % 5 == 4 else "ceo"
        terms.append((term % CEO_HOLDERS, position, Span(first, last)))
    return terms


def board_seats(member: int, days: int) -> list[Span]:
    """The spans a board member holds a seat: each year from a day of their own, for 150 to 337
    days (longer for later members), so the board's size changes through the year."""
    spans = []
    begin = member * 30 - BOARD_CYCLE_DAYS
    while begin < days:
        end = begin + 150 + 17 * member - 1
        if end >= 0:
            spans.append(Span(None if begin <= 0 else begin, None if end >= days - 1 else end))
        begin += BOARD_CYCLE_DAYS
    return spans


def role(position: str, title: dict[str, str], span: Span) -> dict[str, Any]:
    item: dict[str, Any] = {"position": position, "org": TRACKED_ORG, "title": title}
    if span.first is not None:
        item["from"] = iso(day_of(span.first))
    if span.last is not None:
        item["to"] = iso(day_of(span.last))
    item["sources"] = ["bench-seed"]
    return item


CEO_TITLE = texts("Chief Executive Officer", "PDG", "CEO", "首席执行官")
INTERIM_TITLE = texts("Interim CEO", "PDG par intérim", "CEO sementara", "临时首席执行官")
BOARD_TITLE = texts("Board member", "Administrateur", "Anggota dewan", "董事会成员")


def actors(days: int) -> list[dict[str, Any]]:
    roles: dict[int, list[dict[str, Any]]] = {n: [] for n in range(len(GIVEN))}
    for holder, position, span in ceo_terms(days):
        title = INTERIM_TITLE if position == "interim-ceo" else CEO_TITLE
        roles[holder].append(role(position, title, span))
    for member in range(BOARD_SIZE):
        for span in board_seats(member, days):
            roles[CEO_HOLDERS + member].append(role("board-member", BOARD_TITLE, span))
    people = []
    for n in range(len(GIVEN)):
        name = f"{GIVEN[n]} {FAMILY[n]}"
        person: dict[str, Any] = {
            "id": person_id(n),
            "kind": "person",
            "name": texts(name, name, name, f"{ZH_GIVEN[n]} {FAMILY[n]}"),
            "bio": texts(
                f"{name} is a made-up person of a synthetic benchmark story.",
                f"{name} est une personne inventée d'une histoire de test synthétique.",
                f"{name} adalah tokoh rekaan dari cerita uji sintetis.",
                f"{ZH_GIVEN[n]}是合成基准故事中的虚构人物。",
            ),
            "sources": ["bench-seed"],
        }
        if n % 3 == 0:
            person["camp"] = texts("The fast camp", "Le camp rapide", "Kubu cepat", "快速派")
        if roles[n]:
            person["roles"] = roles[n]
        people.append(person)
    organisations = [
        {
            "id": org,
            "kind": "organisation",
            "name": name,
            "bio": texts(
                "A made-up organisation.",
                "Une organisation inventée.",
                "Organisasi rekaan.",
                "一个虚构的组织。",
            ),
            "sources": ["bench-seed"],
        }
        for org, name in ORGS.items()
    ]
    return people + organisations


def event(n: int) -> dict[str, Any]:
    day = day_of(n // EVENTS_PER_DAY)
    minute = (n % EVENTS_PER_DAY) * 75 + 7 * 60
    topic = TOPICS[n % len(TOPICS)]
    first, second = n % 20, (n * 7 + 3) % 20
    if second == first:
        second = (second + 1) % 20
    who = [person_id(first), person_id(second)]
    if n % 5 == 0:
        who.append(list(ORGS)[n // 5 % len(ORGS)])
    a, b = f"{GIVEN[first]} {FAMILY[first]}", f"{GIVEN[second]} {FAMILY[second]}"
    item: dict[str, Any] = {
        "id": f"event-{n}",
        "date": Quoted(day.strftime("%Y-%m")) if n < 3 else iso(day),
        "title": texts(f"{topic[0]} {n}", f"{topic[1]} {n}", f"{topic[2]} {n}", f"{topic[3]}{n}号"),
        "text": texts(
            f"{a} and {b} met for the {topic[0].lower()} number {n}. They disagreed about the "
            "role of the board. By evening a statement was drafted, read out and sent to "
            "investors, who asked for more time.",
            f"{a} et {b} se sont retrouvés pour l'événement « {topic[1]} » numéro {n}. Le "
            "soir, une déclaration était rédigée, lue et envoyée aux "
            "investisseurs, qui ont demandé plus de temps.",
            f"{a} dan {b} bertemu untuk {topic[2].lower()} nomor {n}. Pada "
            "malam hari sebuah pernyataan disusun, dibacakan, dan dikirim ke investor, yang "
            "meminta waktu lebih.",
            f"{a}与{b}为第{n}号{topic[3]}会面。到了晚上，一份声明"
            "起草完毕，当众宣读后发给了投资人，投资人要求给出更多时间。",
        ),
        "sources": ["bench-seed"],
        "actors": who,
    }
    if n >= 3:
        item["time"] = Quoted(f"{minute // 60:02d}:{minute % 60:02d}")
    if n % 10 == 0:
        item["quotes"] = [
            {
                "id": f"quote-{n}",
                "speaker": person_id(first),
                "original": f"« Nous ne reculerons pas, pas même d'un jour ({n}). »",
                "original_language": "fr",
                "text": texts(
                    f"“We will not back down, not even by a day ({n}).”",
                    f"« Nous ne reculerons pas, pas même d'un jour ({n}). »",
                    f"“Kami tidak akan mundur, sehari pun tidak ({n}).”",
                    f"“我们绝不退让，哪怕一天也不（{n}）。”",
                ),
                "sources": ["bench-seed"],
            }
        ]
    if n % 1000 == 500:
        item["figure"] = {
            "value": 100 + n // 1000,
            "total": 1000,
            "label": texts("signed the letter", "ont signé", "menandatangani", "人签名"),
        }
    return item


ACTS = (
    ("act-1", "act"),
    ("act-2", "act"),
    ("act-3", "act"),
    ("act-4", "act"),
    ("act-5", "act"),
    ("climax", "climax"),
    ("ending-light", "ending"),
    ("ending-tragic", "ending"),
)
BEATS_PER_ACT = 3
VERDICTS = ("happened", "partly", "did-not-happen")


def script(events: int) -> dict[str, Any]:
    beats_total = len(ACTS) * BEATS_PER_ACT
    acts = []
    for a, (act_id, kind) in enumerate(ACTS):
        beats = []
        for b in range(BEATS_PER_ACT):
            index = a * BEATS_PER_ACT + b
            anchor = (index + 1) * events // (beats_total + 1)
            linked = sorted({min(events - 1, anchor + step * 5) for step in range(3)})
            beats.append(
                {
                    "id": f"{act_id}-beat-{b}",
                    "text": texts(
                        f"The script says the board acts in secret ({index}).",
                        f"Le scénario dit que le conseil agit en secret ({index}).",
                        f"Naskah menyebut dewan bertindak diam-diam ({index}).",
                        f"剧本说董事会暗中行事（{index}）。",
                    ),
                    "verdict": VERDICTS[index % 3],
                    "why": texts(
                        "What really happened differs in one detail.",
                        "Ce qui s'est vraiment passé diffère sur un point.",
                        "Yang sebenarnya terjadi berbeda dalam satu hal.",
                        "真实发生的事有一处不同。",
                    ),
                    "events": [f"event-{e}" for e in linked],
                }
            )
        acts.append(
            {
                "id": act_id,
                "kind": kind,
                "title": same(act_id.replace("-", " ").title()),
                "beats": beats,
                "sources": ["bench-seed"],
            }
        )
    return {
        "title": texts(
            "A synthetic script", "Un scénario synthétique", "Naskah sintetis", "合成剧本"
        ),
        "summary": texts(
            "A plot summary, as a chatbot would write it.",
            "Un résumé de l'intrigue, comme l'écrirait un agent conversationnel.",
            "Ringkasan alur, seperti yang ditulis chatbot.",
            "一段剧情梗概，就像聊天机器人会写的那样。",
        ),
        "sources": ["bench-seed"],
        "roles": [
            {
                "label": same(f"Role {n}"),
                "text": texts("A character.", "Un personnage.", "Seorang tokoh.", "一个角色。"),
                "actor": person_id(n),
            }
            for n in range(3)
        ],
        "acts": acts,
    }


def notes(events: int) -> list[dict[str, Any]]:
    kinds = ("translation", "contradiction", "context")
    return [
        {
            "id": f"note-{n}",
            "kind": kinds[(n // 250) % 3],
            "title": texts(f"Note {n}", f"Note {n}", f"Catatan {n}", f"注释{n}"),
            "text": texts(
                "The two sources disagree on the hour; the story follows the earlier one.",
                "Les deux sources divergent sur l'heure ; l'histoire suit la plus ancienne.",
                "Kedua sumber berbeda soal jam; cerita mengikuti yang lebih awal.",
                "两个来源在时间上有出入；故事采用较早的说法。",
            ),
            "sources": ["bench-seed"],
            "events": [f"event-{n}"],
            "actors": [person_id(n % 20)],
        }
        for n in range(125, events, 250)
    ]


def perspectives(events: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"perspective-{n}",
            "kind": ("lesson", "winner", "loser")[(n // 1000) % 3],
            "title": texts(f"Lesson {n}", f"Leçon {n}", f"Pelajaran {n}", f"启示{n}"),
            "text": texts(
                "Governance matters more than any single person.",
                "La gouvernance compte plus qu'une seule personne.",
                "Tata kelola lebih penting daripada satu orang.",
                "治理比任何个人都重要。",
            ),
            "sources": ["bench-seed"],
            "events": [f"event-{n}"],
            "actors": [person_id(n % 20)],
        }
        for n in range(10, events, 1000)
    ]


def story_info() -> dict[str, Any]:
    return {
        "title": texts("Synthetic saga", "Saga synthétique", "Saga sintetis", "合成传奇"),
        "subtitle": texts(
            "A benchmark story", "Une histoire de test", "Cerita uji", "一个基准测试故事"
        ),
        "zone": "America/Los_Angeles",
        "languages": list(LANGS),
        "focus_from": iso(day_of(BACKGROUND_DAYS)),
        # The strip follows what the story declares, so the benchmark measures it too.
        "power": {
            "org": TRACKED_ORG,
            "seat": ["ceo", "interim-ceo"],
            "seat_label": texts("CEO", "PDG", "CEO", "CEO"),
            "body": ["board-member"],
            "body_label": texts("Board members", "Membres du conseil", "Anggota dewan", "董事人数"),
        },
    }


SOURCES = [
    {
        "id": "bench-seed",
        "kind": "seed",
        "file": "bench.txt",
        "title": texts("Bench article", "Article de test", "Artikel uji", "测试文章"),
        "outlet": texts("Bench", "Banc", "Uji", "基准"),
        "language": "fr",
        "original_language": "en",
        "date": Quoted("2001-01-01"),
    }
]


def days_spanned(events: int) -> int:
    return max(1, -(-events // EVENTS_PER_DAY))


def walk_day(events: int) -> str:
    """The day the key benchmark starts on: the middle of the story, where a CEO takes over."""
    middle = round(days_spanned(events) / 2 / CEO_TERM_DAYS) * CEO_TERM_DAYS
    return day_of(max(BACKGROUND_DAYS, middle)).isoformat()


def story_files(events: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """The story's files, one at a time: the settings and everything but events, then events."""
    yield (
        "story.yaml",
        {
            "story": story_info(),
            "sources": SOURCES,
            "actors": actors(days_spanned(events)),
            "script": script(events),
            "perspectives": perspectives(events),
            "notes": notes(events),
        },
    )
    for part in range(max(1, -(-events // PART_SIZE))):
        first = part * PART_SIZE
        numbers = range(first, min(events, first + PART_SIZE))
        yield f"events-{part:03d}.yaml", {"events": [event(n) for n in numbers]}


def is_written(folder: Path) -> bool:
    """Whether `folder` holds a whole story written by this version of the generator."""
    done = folder / ".complete"
    return done.exists() and done.read_text() == str(GENERATOR_VERSION)


def write_story(folder: Path, events: int) -> Path:
    """Write (once) a story folder of `events` events; a folder left half-written by an
    interrupted run is written again."""
    if is_written(folder):
        return folder
    done = folder / ".complete"
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in story_files(events):
        temporary = folder / f".{name}.tmp"
        with open(temporary, "w", encoding="utf-8") as handle:
            yaml.dump(data, handle, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100)
        os.replace(temporary, folder / name)
    done.write_text(str(GENERATOR_VERSION))
    return folder


if __name__ == "__main__":
    size = int(sys.argv[1])
    print(write_story(Path(sys.argv[2] if len(sys.argv) > 2 else f"/tmp/saga-{size}"), size))
