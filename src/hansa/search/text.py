"""Turning what a buyer typed into query clauses: clean-up, synonyms, spelling suggestions."""

from __future__ import annotations

import re
import time
import unicodedata

from hansa.search.engine.base import Clause

MAX_WORDS = 10
_WORD = re.compile(r"[\w]+(?:[.\-/][\w]+)*", re.UNICODE)
_synonyms: tuple[float, dict[str, tuple[str, ...]]] = (0.0, {})
SYNONYM_TTL_S = 30.0


def normalise(query: str) -> str:
    """Lower case, one space, no query-language characters (what the query log stores)."""
    return " ".join(words(query))


def words(query: str) -> list[str]:
    text = unicodedata.normalize("NFKC", query or "").lower()
    out = []
    for match in _WORD.finditer(text):
        word = match.group(0).strip("._-/")
        # Separators inside a model number ("ip-65", "12/24v") become spaces for the analyser.
        out.extend(w for w in re.split(r"[.\-/]", word) if w)
    return out[:MAX_WORDS]


def synonyms() -> dict[str, tuple[str, ...]]:
    global _synonyms
    loaded_at, table = _synonyms
    if time.monotonic() - loaded_at > SYNONYM_TTL_S:
        from hansa.search.models import Synonym

        table = {}
        for term, alternatives in Synonym.objects.filter(is_active=True).values_list(
            "term", "alternatives"
        ):
            key = normalise(term)
            alts = tuple(normalise(a) for a in alternatives or [] if normalise(a))
            table[key] = tuple(dict.fromkeys((*table.get(key, ()), *alts)))
            for alt in alts:  # synonyms work both ways
                table[alt] = tuple(dict.fromkeys((*table.get(alt, ()), key)))
        _synonyms = (time.monotonic(), table)
    return table


def forget_synonyms() -> None:
    global _synonyms
    _synonyms = (0.0, {})


def clauses(query: str, *, use_synonyms: bool = True) -> list[Clause]:
    """One clause per word; a synonym (also of a two-word phrase) adds alternatives."""
    tokens = words(query)
    table = synonyms() if use_synonyms else {}
    out: list[Clause] = []
    i = 0
    while i < len(tokens):
        pair = " ".join(tokens[i : i + 2]) if i + 1 < len(tokens) else ""
        if pair and pair in table:
            out.append(Clause((pair, *table[pair])))
            i += 2
            continue
        word = tokens[i]
        out.append(Clause((word, *table.get(word, ()))))
        i += 1
    return out


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, giving up (limit + 1) once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def closest(word: str, candidates: list[tuple[str, int]]) -> str | None:
    """The most frequent candidate within edit distance 1 (2 for words of 8+ letters)."""
    limit = 2 if len(word) >= 8 else 1
    best: tuple[int, int, str] | None = None
    for term, count in candidates:
        if term == word:
            return None
        d = edit_distance(word, term, limit)
        if d <= limit:
            key = (d, -count, term)
            if best is None or key < best:
                best = key
    return best[2] if best else None
