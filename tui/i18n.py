"""UI strings by language: one YAML catalogue per language in `assets/i18n/`.

The catalogues are our own shipped files (read once, cached); a test checks that every language
has exactly the same keys and that every key is used somewhere in `tui/`.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping
from functools import cache

import yaml

from openai_saga_assets import I18N_DIR

LANGUAGES = ("en", "fr", "id", "zh")
"""The order `l` cycles through."""
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "id": "Bahasa Indonesia", "zh": "中文"}
"""Each language in its own name (Babel calls Indonesian just "Indonesia")."""
BABEL_LOCALES = {"en": "en_US", "fr": "fr_FR", "id": "id_ID", "zh": "zh_Hans_CN"}


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """The UI strings of one language."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(I18N_DIR / f"{lang}.yaml", encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=loader)
    return {str(key): str(value) for key, value in data.items()}


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
