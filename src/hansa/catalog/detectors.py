"""Problem listings the platform demotes in search: duplicates within one supplier, products in a
probably wrong category, and keyword stuffing.

``find_problems`` judges a listing's working copy and writes nothing (the review page shows it
live); ``detect_problems`` stores the result in ``Product.problems`` and re-scores the listing.
It runs when a listing is approved and for every live listing from ``manage.py detect_problems``.

The keys this module owns in ``Product.problems``:

- ``duplicate_of``: id of the supplier's older listing this one copies, with
  ``duplicate_evidence`` ({"title", "images": [[ours, theirs, distance]], "title_similarity"});
- ``suggested_category``: {"code", "name", "probability", "current_probability"};
- ``keyword_stuffing``: {"repeated": {word: count}, "keyword_is_title": [...], "title_items": n}.

Plain Python throughout (no numpy): the classifier is a multinomial naive Bayes over word
counts, small enough to train in-process from the live catalog and cached until it changes.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max

from hansa.catalog.listing_selectors import public_products
from hansa.catalog.models import Category, Product, ProductImage
from hansa.catalog.models.listings import ListingStatus

# --- Thresholds, each with its reason ---------------------------------------------------------

# dhash distance (of 64 bits) under which two photos are the same picture: resizing and JPEG
# re-encoding move a handful of bits, a different photo about half of them.
IMAGE_DISTANCE_MAX = 6
# A hash with almost no bits set (or almost all) comes from a featureless picture (a plain
# colour, a blank placeholder): every such picture would "match" every other one.
FEATURELESS_BITS = 4
# A shared photo makes a copy only under a similar title too: suppliers reuse a factory,
# packaging or certificate photo across different products, and that is not a duplicate.
IMAGE_TITLE_JACCARD_MIN = 0.5
# Titles sharing this share of their words (numbers and units aside) name the same product...
TITLE_JACCARD_MIN = 0.85
# ...and are the same listing when their attribute values agree this much as well (a 12 V and a
# 24 V version of a strip differ in an attribute, so they are two products, not a duplicate).
ATTRIBUTE_AGREEMENT_MIN = 0.8
# Leaf categories need this many live listings before the classifier speaks for them.
MIN_EXAMPLES = 5
# Laplace smoothing: an unseen word costs a category something, never everything.
SMOOTHING = 1.0
# Suggest another category only when the classifier is this sure of it...
SUGGEST_PROBABILITY = 0.8
# ...and gives the listing's own category at most this much.
CURRENT_PROBABILITY_LOW = 0.1
# The same word this many times in title and keywords (see ``keyword_stuffing``).
REPEAT_MIN = 3
# A title that is a list of this many comma-separated items is a list of brands or models.
TITLE_ITEMS_MIN = 6

# Search multiplies a listing's relevance by these (see ``search_demotion``).
DEMOTION = {
    "duplicate_of": Decimal("0.5"),
    "suggested_category": Decimal("0.6"),
    "keyword_stuffing": Decimal("0.7"),
}
OWN_KEYS = ("duplicate_of", "duplicate_evidence", "suggested_category", "keyword_stuffing")

# --- Text ---------------------------------------------------------------------------------------

_STOPWORD_TEXT = (
    "a an and are as at be by for from in into is it of on or the to with without new hot "
    "sale best good high quality cheap price factory supplier wholesale oem odm"
)
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
WORD = re.compile(r"[a-z]+|[\u3400-\u9fff]+")
UNITS = (
    "mm|cm|m|km|in|inch|inches|ft|kg|g|mg|t|ton|tons|lb|lbs|l|ml|v|kv|w|kw|mw|a|ma|mah|ah|wh|"
    "kwh|hz|khz|mhz|ghz|gb|tb|mb|lm|k|pcs|pc|set|sets|pairs|pair|m2|m3|psi|bar|rpm|%"
)
NUMBER_UNIT = re.compile(rf"\d+(?:[.,]\d+)*(?:\s*(?:{UNITS})\b)?", re.IGNORECASE)
LIST_SEPARATORS = re.compile(r"[,，、;；|/]")


def _stem(word: str) -> str:
    """Plural to singular, roughly: lights → light, boxes → box, batteries → battery."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """English words (lower case, singular, no stop words) and Chinese character bigrams.

    Chinese has no spaces; overlapping pairs of characters are the usual cheap stand-in for
    words (灯带 "light strip" in 柔性灯带 gives 柔性, 性灯, 灯带).
    """
    out: list[str] = []
    for run in WORD.findall((text or "").lower()):
        if run[0].isascii():
            if len(run) > 1 and run not in STOPWORDS:
                out.append(_stem(run))
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


def title_words(title: str) -> set[str]:
    """The words of a title with every number and measure made equal ("12V", "5 m" → "0")."""
    text = NUMBER_UNIT.sub(" 0 ", (title or "").lower())
    words = set(tokens(text))
    if re.search(r"(?<![a-z])0(?![a-z])", text):
        words.add("0")
    return words


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def _featureless(hexhash: str) -> bool:
    bits = int(hexhash, 16).bit_count()
    return bits < FEATURELESS_BITS or bits > 64 - FEATURELESS_BITS


# --- (a) Duplicates within one supplier ------------------------------------------------------


def attribute_agreement(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Share of the filled attributes on which two listings give the same value."""
    keys = {k for k, v in a.items() if v not in (None, "", [])} | {
        k for k, v in b.items() if v not in (None, "", [])
    }
    if not keys:
        return 1.0
    return sum(a.get(k) == b.get(k) for k in keys) / len(keys)


def find_duplicate(product: Product) -> dict[str, Any] | None:
    """The supplier's oldest listing that this (newer) one copies, with the evidence.

    Same picture (any pair of photos within ``IMAGE_DISTANCE_MAX``) under a similar title, or
    the same title (numbers and units aside) with the same attribute values. Only older
    listings count, so of two copies the newer one is flagged and the original keeps its place.
    """
    if product.pk is None:
        return None
    older = (
        Product.objects.filter(company_id=product.company_id)
        .exclude(pk=product.pk)
        .exclude(status=ListingStatus.ARCHIVED)
        .filter(created_at__lte=product.created_at)
        .order_by("created_at", "id")
    )
    candidates = [
        c
        for c in older.values("id", "title", "category_id", "attributes", "created_at")
        if (c["created_at"], c["id"]) < (product.created_at, product.pk)
    ]
    if not candidates:
        return None
    ours = [
        (i.position, i.dhash) for i in product.images.all() if i.dhash and not _featureless(i.dhash)
    ]
    theirs: dict[int, list[tuple[int, str]]] = {}
    if ours:
        rows = ProductImage.objects.filter(product_id__in=[c["id"] for c in candidates])
        for pid, position, hexhash in rows.values_list("product_id", "position", "dhash"):
            if hexhash and not _featureless(hexhash):
                theirs.setdefault(pid, []).append((position, hexhash))
    words = title_words(product.title)
    for candidate in candidates:
        pairs = [
            [mine + 1, other + 1, distance]
            for mine, a in ours
            for other, b in theirs.get(candidate["id"], [])
            if (distance := hamming(a, b)) <= IMAGE_DISTANCE_MAX
        ]
        similarity = jaccard(words, title_words(candidate["title"]))
        same_text = (
            similarity >= TITLE_JACCARD_MIN
            and candidate["category_id"] == product.category_id
            and attribute_agreement(product.attributes, candidate["attributes"])
            >= ATTRIBUTE_AGREEMENT_MIN
        )
        if (pairs and similarity >= IMAGE_TITLE_JACCARD_MIN) or same_text:
            return {
                "id": candidate["id"],
                "title": candidate["title"],
                "images": pairs,
                "title_similarity": round(similarity, 2),
            }
    return None


# --- (b) Probably the wrong category ------------------------------------------------------------


def listing_text(document: dict[str, Any]) -> str:
    """Title and keywords of a listing (a snapshot or the working copy), in every language."""
    parts = [document.get("title") or "", *(document.get("keywords") or [])]
    for version in (document.get("translations") or {}).values():
        parts += [version.get("title") or "", *(version.get("keywords") or [])]
    return " ".join(parts)


@dataclass
class NaiveBayes:
    """Multinomial naive Bayes with Laplace smoothing, one class per leaf category."""

    doc_counts: dict[str, int] = field(default_factory=dict)
    word_counts: dict[str, Counter[str]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    vocabulary: set[str] = field(default_factory=set)
    members: frozenset[int] = frozenset()  # the listings it was trained on

    @classmethod
    def train(cls, documents: Iterable[tuple[int, str, list[str]]]) -> NaiveBayes:
        """``documents``: (listing id, category code, tokens)."""
        by_category: dict[str, list[tuple[int, list[str]]]] = {}
        for pk, code, words in documents:
            by_category.setdefault(code, []).append((pk, words))
        model = cls()
        members: set[int] = set()
        for code, docs in by_category.items():
            if len(docs) < MIN_EXAMPLES:
                continue
            counts: Counter[str] = Counter()
            for pk, words in docs:
                counts.update(words)
                members.add(pk)
            model.doc_counts[code] = len(docs)
            model.word_counts[code] = counts
            model.totals[code] = sum(counts.values())
            model.vocabulary.update(counts)
        model.members = frozenset(members)
        return model

    def probabilities(
        self, words: list[str], *, leave_out: tuple[str, list[str]] | None = None
    ) -> dict[str, float]:
        """P(category | words) for every trained category; empty when nothing is known.

        ``leave_out`` takes one training document back out (a live listing judged against a
        model that learnt from it would mostly hear its own voice).
        """
        query = Counter(w for w in words if w in self.vocabulary)
        if not query or not self.doc_counts:
            return {}
        removed_code, removed = leave_out if leave_out else ("", [])
        removed_counts = Counter(removed)
        n_docs = sum(self.doc_counts.values()) - (1 if leave_out else 0)
        size = len(self.vocabulary)
        scores: dict[str, float] = {}
        for code, docs in self.doc_counts.items():
            own = code == removed_code
            docs_here = docs - (1 if own else 0)
            if docs_here <= 0:
                continue
            total = self.totals[code] - (sum(removed_counts.values()) if own else 0)
            counts = self.word_counts[code]
            score = math.log(docs_here / n_docs)
            denominator = math.log(total + SMOOTHING * size)
            for word, n in query.items():
                seen = counts.get(word, 0) - (removed_counts.get(word, 0) if own else 0)
                score += n * (math.log(seen + SMOOTHING) - denominator)
            scores[code] = score
        if not scores:
            return {}
        top = max(scores.values())
        weights = {code: math.exp(s - top) for code, s in scores.items()}
        whole = sum(weights.values())
        return {code: w / whole for code, w in weights.items()}


_model_lock = threading.Lock()
_model_cache: dict[str, Any] = {"version": None, "model": None}


def catalog_version() -> tuple[int, Any]:
    """Changes whenever a listing is approved, goes online or leaves the live catalog."""
    agg = public_products().aggregate(n=Count("id"), last=Max("published_at"))
    return agg["n"], agg["last"]


def train_classifier() -> NaiveBayes:
    """Learns from the live catalog: what buyers see (published snapshots), not drafts."""

    def documents() -> Iterable[tuple[int, str, list[str]]]:
        rows = public_products().values_list("pk", "published").iterator(chunk_size=2000)
        for pk, published in rows:
            if published and published.get("category"):
                yield pk, published["category"], tokens(listing_text(published))

    return NaiveBayes.train(documents())


def classifier() -> NaiveBayes:
    """The trained model, retrained lazily when the live catalog has changed."""
    version = catalog_version()
    cached = _model_cache
    if cached["version"] == version and cached["model"] is not None:
        return cached["model"]
    with _model_lock:
        if _model_cache["version"] != version or _model_cache["model"] is None:
            model = train_classifier()
            _model_cache.update(version=version, model=model)
        return _model_cache["model"]


def suggest_category(text: str, *, model: NaiveBayes | None = None) -> tuple[str | None, float]:
    """The most probable leaf category for a title and keywords, and its probability."""
    probabilities = (model or classifier()).probabilities(tokens(text))
    if not probabilities:
        return None, 0.0
    code = max(probabilities, key=probabilities.__getitem__)
    return code, probabilities[code]


def _name_words(category: Category) -> set[str]:
    return set(tokens(f"{category.name_en} {category.name_zh}"))


def wrong_category(product: Product, *, model: NaiveBayes | None = None) -> dict[str, Any] | None:
    """A better category when the classifier is sure and gives the current one little chance.

    A category with too few live listings to be learnt has no probability of its own; there the
    title naming the category (a word of its name the suggested one lacks) counts as enough.
    """
    model = model or classifier()
    document = {
        "title": product.title,
        "keywords": product.keywords,
        "translations": {
            t.language: {"title": t.title, "keywords": t.keywords}
            for t in product.translations.all()
        },
    }
    leave_out = None
    if product.pk in model.members and product.published:
        leave_out = (product.published["category"], tokens(listing_text(product.published)))
    probabilities = model.probabilities(tokens(listing_text(document)), leave_out=leave_out)
    if not probabilities:
        return None
    code = max(probabilities, key=probabilities.__getitem__)
    probability = probabilities[code]
    current = product.category
    if code == current.code or probability < SUGGEST_PROBABILITY:
        return None
    suggested = Category.objects.filter(code=code, is_active=True, is_leaf=True).first()
    if suggested is None:
        return None
    if current.code in probabilities:
        current_probability = probabilities[current.code]
    else:
        own_words = _name_words(current) - _name_words(suggested)
        named = own_words & set(tokens(listing_text(document)))
        current_probability = 1.0 if named else 0.0
    if current_probability > CURRENT_PROBABILITY_LOW:
        return None
    return {
        "code": suggested.code,
        "name": suggested.name_en,
        "probability": round(probability, 3),
        "current_probability": round(current_probability, 3),
    }


# --- (c) Keyword stuffing ---------------------------------------------------------------------


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def keyword_stuffing(title: str, keywords: list[str]) -> dict[str, Any] | None:
    """Repeated words, keywords that repeat the title, or a title that is a list of names.

    Repetition is counted across title and keywords, but each field may name its product word
    once: a keyword "LED strip" beside the title "LED strip light" is how buyers search, not
    stuffing. What counts is 1 + every further use inside the same field, so "LED strip LED
    light LED tape" (3) is stuffing, and so is the title "LED strip LED light" (2) with a
    keyword "LED LED light" (+1).
    """
    fields = [title, *keywords]
    repeats: Counter[str] = Counter()
    present: Counter[str] = Counter()
    for text in fields:
        counts = Counter(w for w in tokens(text) if len(w) > 1)
        for word, n in counts.items():
            repeats[word] += n - 1
            present[word] += 1
    repeated = {w: 1 + repeats[w] for w in present if 1 + repeats[w] >= REPEAT_MIN}
    normal_title = _normal(title)
    is_title = [k for k in keywords if normal_title and normal_title in _normal(k)]
    items = [p for p in LIST_SEPARATORS.split(title or "") if p.strip()]
    evidence: dict[str, Any] = {}
    if repeated:
        evidence["repeated"] = dict(sorted(repeated.items(), key=lambda kv: (-kv[1], kv[0])))
    if is_title:
        evidence["keyword_is_title"] = is_title
    if len(items) >= TITLE_ITEMS_MIN:
        evidence["title_items"] = len(items)
    return evidence or None


# --- Together ----------------------------------------------------------------------------------


def find_problems(product: Product, *, model: NaiveBayes | None = None) -> dict[str, Any]:
    """What the detectors find in the working copy now; writes nothing."""
    problems: dict[str, Any] = {}
    duplicate = find_duplicate(product)
    if duplicate:
        problems["duplicate_of"] = duplicate["id"]
        problems["duplicate_evidence"] = {k: v for k, v in duplicate.items() if k != "id"}
    suggestion = wrong_category(product, model=model)
    if suggestion:
        problems["suggested_category"] = suggestion
    stuffing = keyword_stuffing(product.title, list(product.keywords))
    if stuffing:
        problems["keyword_stuffing"] = stuffing
    return problems


def detect_problems(product: Product, *, model: NaiveBayes | None = None) -> dict[str, Any]:
    """Stores what the detectors find (keeping keys other checks own) and re-scores quality."""
    from hansa.catalog import quality

    found = find_problems(product, model=model)
    kept = {k: v for k, v in (product.problems or {}).items() if k not in OWN_KEYS}
    problems = {**kept, **found}
    Product.objects.filter(pk=product.pk).update(problems=problems)
    product.problems = problems
    quality.refresh_quality(product)
    return problems


def search_demotion(product: Product) -> Decimal:
    """The factor search multiplies a listing's relevance by: 1 when clean, less per problem.

    The search issue's ranking uses this (with ``Product.problems`` as detected at approval and
    by ``manage.py detect_problems``): a duplicate 0.5, a probable wrong category 0.6, keyword
    stuffing 0.7, multiplied when several apply (all three: 0.21). Demoted, never hidden: the
    listing is still found, below clean ones.
    """
    factor = Decimal(1)
    for key, multiplier in DEMOTION.items():
        if (product.problems or {}).get(key):
            factor *= multiplier
    return factor
