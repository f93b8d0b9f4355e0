"""Organisational words that are one word written two ways, by rigour's organisation symbols.

``rigour`` (OpenSanctions' name library, MIT) tags the words of organisation names with
language-independent symbols: PETROLEUM and OIL both carry ``DOMAIN:OIL``, ORGANIZATION and
ORG ``SYMBOL:ORG``, FACTORY and ZAVOD ``DOMAIN:FACTORY``, RUSSIAN FEDERATION and RUSSIA
``LOC:ru``. Where :mod:`graph.resolve.org_translate` has no row for a word, a symbol the two
names share pairs it with its counterpart: "CENTRAL BANK OF THE RUSSIAN FEDERATION" is "CENTRAL
BANK OF RUSSIA", "AL RAHMAH WELFARE ORGANIZATION" is "ALRAHMAH WELFARE ORG".

The discipline of :mod:`org_translate` holds (the reverted ``f1`` branch let generic words lend
weight to partial matches): :func:`same_by_symbols` holds only when

* every word carrying a symbol on either side is paired by a symbol the other name carries too
  (one name's extra line of business — "ACME TECHNOLOGY TRADING" / "ACME TRADING" — or country
  is no pairing), and at least one shared symbol is written differently (else there is nothing
  to add to the name similarity);
* the words carrying no symbol — the names proper — agree on their own (``org_translate``'s
  test: written together at least ``ANCHOR_RATIO`` alike, or one romanisation), present on both
  sides; a name made only of symbol words needs ``MIN_ORG_ONLY_WORDS`` shared symbols.

Words are read after the translation table (``org_translate.translate``), so both tables and
symbols pair words. Only the domain, organisation-word and place symbols count: legal forms
have their own feature (:mod:`legal_forms`), numbers theirs (``number_conflict``), and personal
names are not organisational words. Symbols are computed once per distinct name (cached).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rigour.names import NameTypeTag, analyze_names

from graph.resolve.org_translate import MIN_ORG_ONLY_WORDS, SKIP_WORDS, names_alike, translate

#: rigour symbol categories that name organisational words: line of business (DOMAIN), kind of
#: body (SYMBOL: MINISTRY, ORG, INSTITUTE …) and place (LOC: a country however written).
_CATEGORIES = frozenset({"DOMAIN", "SYMBOL", "LOC"})
#: rigour's "anywhere" place (GLOBAL, INTERNATIONAL): a word, not a country.
_NO_PLACE = "LOC:zz"
#: Words never compared as names proper: particles and the "and / of / for" of every language.
_PARTICLES = SKIP_WORDS | frozenset({"IN", "AL", "EL", "AT", "ON", "TO"})


@dataclass(frozen=True)
class SymbolView:
    """A name as rigour reads it: ``words`` (translated where the table knows them) and the
    ``spans``, each a symbol and the indexes of the words carrying it."""

    words: tuple[str, ...]
    spans: tuple[tuple[str, frozenset[int]], ...]

    @property
    def symbols(self) -> frozenset[str]:
        return frozenset(symbol for symbol, _ in self.spans)

    def written(self, symbol: str) -> frozenset[str]:
        """How the name writes ``symbol``: the words of each of its spans."""
        return frozenset(" ".join(self.words[i] for i in sorted(ix)) for s, ix in self.spans if s == symbol)


@lru_cache(maxsize=200_000)
def symbol_view(text: str) -> SymbolView:
    """The :class:`SymbolView` of normalised name words ``text`` (space-separated, legal form
    cut). Each word the translation table knows is read in English first."""
    words = tuple(w for t in text.split() for w in (translate(t) or t).split())
    if not words:
        return SymbolView(words=(), spans=())
    # One pass over the words as one string; phonetics and numerics are not read.
    names = analyze_names(NameTypeTag.ORG, [" ".join(words).lower()], phonetics=False, numerics=False)
    spans: list[tuple[str, frozenset[int]]] = []
    for name in names:
        if len(name.parts) != len(words):  # rigour split a word (a hyphen, an apostrophe): unusable
            return SymbolView(words=words, spans=())
        for span in name.spans:
            symbol = f"{span.symbol.category.value}:{span.symbol.id}"
            if span.symbol.category.value in _CATEGORIES and symbol != _NO_PLACE:
                spans.append((symbol, frozenset(p.index for p in span.parts)))
    return SymbolView(words=words, spans=tuple(dict.fromkeys(spans)))


@dataclass(frozen=True)
class SymbolPairing:
    """Two names whose organisational words pair by symbol: ``shared`` the symbols written
    differently (``SYMBOL:ORG``: 'ORGANIZATION' / 'ORG'), ``rest_a`` / ``rest_b`` the names proper."""

    shared: tuple[tuple[str, str, str], ...]
    rest_a: str
    rest_b: str


def pairing(text_a: str, text_b: str) -> SymbolPairing | None:
    """The :class:`SymbolPairing` of two names' words, when :func:`same_by_symbols` holds."""
    a, b = symbol_view(text_a), symbol_view(text_b)
    shared = a.symbols & b.symbols
    if not shared:
        return None
    differ = [s for s in sorted(shared) if a.written(s) != b.written(s)]
    if not differ:
        return None
    rest_a, rest_b = _rest(a, shared), _rest(b, shared)
    if rest_a is None or rest_b is None:
        return None
    if not rest_a and not rest_b:
        if len(shared) < MIN_ORG_ONLY_WORDS:
            return None
    elif not rest_a or not rest_b or not names_alike("".join(sorted(rest_a)), "".join(sorted(rest_b))):
        return None
    written = tuple((s, " / ".join(sorted(a.written(s))), " / ".join(sorted(b.written(s)))) for s in differ)
    return SymbolPairing(shared=written, rest_a=" ".join(rest_a), rest_b=" ".join(rest_b))


def same_by_symbols(text_a: str, text_b: str) -> float:
    """1.0 when the two names' organisational words all pair by rigour symbol and the names
    proper agree on their own (see the module docstring); 0.0 otherwise."""
    return float(pairing(text_a, text_b) is not None)


def _rest(view: SymbolView, shared: frozenset[str]) -> list[str] | None:
    """The words of ``view`` carrying no symbol (particles left out), or ``None`` when a word
    carries only symbols the other name lacks (an organisational word left unpaired)."""
    paired = {i for s, ix in view.spans if s in shared for i in ix}
    tagged = {i for _, ix in view.spans for i in ix}
    if tagged - paired:
        return None
    return [w for i, w in enumerate(view.words) if i not in tagged and w not in _PARTICLES]


#: The symbol categories in words (``_CATEGORIES``).
_CATEGORY_WORDS = {"DOMAIN": "the line of business", "SYMBOL": "the kind of body", "LOC": "the country"}


def symbol_words(symbol: str) -> str:
    """A rigour symbol as an officer reads it: ``DOMAIN:FINANCIAL`` is "the line of business
    FINANCIAL", ``LOC:ru`` "the country RU"."""
    category, _, ident = symbol.partition(":")
    return f"{_CATEGORY_WORDS.get(category, category.lower())} {ident.upper()}"


def explain(text_a: str, text_b: str) -> str:
    """The reason text for two names :func:`same_by_symbols` holds for."""
    found = pairing(text_a, text_b)
    if found is None:
        return ""
    shared = "; ".join(f"{a!r} and {b!r} both name {symbol_words(s)}" for s, a, b in found.shared)
    if found.rest_a or found.rest_b:
        rest = f"the names proper {found.rest_a!r} / {found.rest_b!r} agree on their own"
    else:  # names made only of organisational words (MIN_ORG_ONLY_WORDS of them shared)
        rest = f"neither name has a word beyond its organisational words ({MIN_ORG_ONLY_WORDS} or more)"
    return (
        f"organisational words written two ways (OpenSanctions' table of organisation words): {shared}; "
        f"every organisational word paired, and {rest}: counted in the name similarity above"
    )
