"""How common a word is in English: tells a dictionary word (FUSION, COSMOS) from a coined name (FUSSION).

The table (``data/english_word_frequency.tsv``, see ``data/SOURCE.md``) holds the English words
of three letters or more used at least once per million words, with their Zipf frequency
(log10 of uses per billion words: 3 is once per million, 6 is once per thousand).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("data") / "english_word_frequency.tsv"
#: From this frequency a word is common enough that a near-miss spelling of it is another word, not a
#: slip (about once in 300,000 words: FUSION 4.0, COSMOS 3.6, AIRBORNE 3.7; SYNERGI, FUSSION absent).
COMMON_ZIPF = 3.5


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    out: dict[str, float] = {}
    with TABLE.open(encoding="utf-8") as fh:
        next(fh)  # header
        for line in fh:
            word, _, zipf = line.rstrip("\n").partition("\t")
            out[word] = float(zipf)
    return out


def zipf(word: str) -> float:
    """The Zipf frequency of an upper-case word; 0.0 for a word not in the table (rarer, or no word)."""
    return _table().get(word, 0.0)


def is_common_word(word: str, min_zipf: float = COMMON_ZIPF) -> bool:
    return zipf(word) >= min_zipf
