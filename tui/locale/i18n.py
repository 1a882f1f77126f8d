"""UI strings by language: one YAML catalogue per language, the languages are the catalogues.

Each catalogue (`assets/i18n/<code>.yaml`) names its language in its own words
(`language.name`), its CLDR locale (`language.locale`) and its place in the `l` cycle
(`language.order`), so a fifth UI language is one more file and no code. `OPENAI_SAGA_CATALOGUES`
points at another folder of catalogues (a translator trying one out). The catalogues are read once
and cached; a test checks that every language has exactly the same keys and that every key is
used somewhere in `tui/`.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from pathlib import Path

import yaml

from openai_saga_assets import I18N_DIR


def catalogue_dir() -> Path:
    """The folder of catalogues: the shipped one, unless OPENAI_SAGA_CATALOGUES says otherwise."""
    return Path(os.environ.get("OPENAI_SAGA_CATALOGUES") or I18N_DIR)


def _read(path: Path) -> dict[str, str]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=loader)
    return {str(key): str(value) for key, value in data.items()}


def _discover() -> dict[str, dict[str, str]]:
    """Every catalogue of the folder, in the order they declare."""
    found = {path.stem: _read(path) for path in sorted(catalogue_dir().glob("*.yaml"))}
    order = sorted(found, key=lambda code: (int(found[code].get("language.order", "99")), code))
    return {code: found[code] for code in order}


_CATALOGUES = _discover()

LANGUAGES: tuple[str, ...] = tuple(_CATALOGUES)
"""The UI languages, in the order `l` cycles through (en -> fr -> id -> zh for the shipped)."""
LANGUAGE_NAMES = {code: text.get("language.name", code) for code, text in _CATALOGUES.items()}
"""Each language in its own name (Babel calls Indonesian just "Indonesia": ours says better)."""
BABEL_LOCALES = {code: text.get("language.locale", code) for code, text in _CATALOGUES.items()}
"""The CLDR locale of each language, for dates and numbers."""


def catalogue(lang: str) -> Mapping[str, str]:
    """The UI strings of one language (empty for a language we have no catalogue for)."""
    return _CATALOGUES.get(lang, {})


def tr(lang: str, key: str, **values: object) -> str:
    """The UI string `key` in `lang` (English if missing), with `{name}` fields filled in."""
    text = catalogue(lang).get(key) or catalogue("en").get(key, key)
    return text.format(**values) if values else text


def next_language(lang: str) -> str:
    """The language after `lang` in the cycle en -> fr -> id -> zh -> en."""
    index = LANGUAGES.index(lang) if lang in LANGUAGES else -1
    return LANGUAGES[(index + 1) % len(LANGUAGES)]


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The UI language the user's locale asks for (LC_ALL, LC_MESSAGES, LANG), if we have it."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if not value:
            continue
        code = locale.normalize(value).split(".")[0].split("_")[0].lower()
        return code if code in LANGUAGES else None
    return None
