"""Company (or person) pairs chipwatch gets wrong on a split, sorted by what makes them hard.

    .venv/bin/python benchmarks/eval_pairs/company_misses.py            # dev split, companies
    .venv/bin/python benchmarks/eval_pairs/company_misses.py --split dev --out benchmarks/eval_pairs
    .venv/bin/python benchmarks/eval_pairs/company_misses.py --kind person   # person_misses_dev.*

Reads the name-variant pairs of ``pairs.csv`` (every negative, and the positives whose
``relation`` is ``variant``: the headline table of ``resolution_eval.py``), scores them as
``resolution_eval.py`` does and writes every false negative and false positive with the
phenomenon that explains it to ``<kind>_misses_<split>.csv``, and the counts to
``<kind>_misses_<split>.md``. The phenomenon is read by the first rule of :data:`PHENOMENA`
that holds (rules on the names, never on the label): a rough sort, for deciding where a rule
can help, not a second label. ``reachable`` says whether the names carry what a name matcher
needs (the same words spelt, cut, abbreviated or noised; the same name under another form);
the rest (reworded, translated, another brand, a person's name) are found from spelling only
by luck. Person pairs are sorted by :mod:`benchmarks.eval_pairs.person_phenomena` (token
order, particles, initials, patronymics, transliteration, middle names …).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.eval_pairs import person_phenomena  # noqa: E402
from benchmarks.resolution_eval import load_pairs, ours  # noqa: E402
from graph.resolve import Record, compare  # noqa: E402
from graph.resolve.name_kind_reading import read_kind  # noqa: E402
from graph.resolve.names import fold, normalise_name  # noqa: E402

#: Romanised Chinese places that lead a brand name ("Shenzhen Huawei …", "Ningbo …").
_PLACES = (
    "BEIJING SHANGHAI SHENZHEN GUANGZHOU TIANJIN CHONGQING WUHAN CHENGDU XIAN NANJING HANGZHOU "
    "SUZHOU NINGBO XIAMEN QINGDAO DALIAN HARBIN JIANGSU ZHEJIANG GUANGDONG SICHUAN XINJIANG HUNAN "
    "HUBEI SHAANXI SHANDONG FUJIAN HENAN HEBEI ANHUI JILIN LIAONING YUNNAN GUIZHOU HAINAN "
    "MIANYANG NANCHANG HEFEI URUMQI HETIAN LIANYUNGANG WUXI BAOTOU GUILIN CHANGSHA ZHUHAI"
)
CHINESE_PLACES = frozenset(_PLACES.split())
LOW_WORDS = frozenset({"AND", "OF", "THE", "FOR", "IN", "DE", "DEL", "LA", "&"})


def _words(name: str) -> list[str]:
    return [w for w in fold(name).split() if w not in LOW_WORDS]


def _initials_of(token: str, words: list[str]) -> bool:
    """``token`` (2–6 letters) is the initials of a run of ``words`` (or of compound parts)."""
    if not 2 <= len(token) <= 6 or not token.isalpha():
        return False
    heads = "".join(w[0] for w in words if w)
    return token in heads


def _acronym(a: list[str], b: list[str]) -> bool:
    return any(_initials_of(t, b) for t in a if t not in b) or any(
        _initials_of(t, a) for t in b if t not in a
    )


def _legal_conflict(a: str, b: str) -> bool:
    m = compare(Record("a", "company", (a,)), Record("b", "company", (b,)))
    return any(r.feature == "legal_form" and r.value <= -2 for r in m.reasons)


def _words_alike(a: list[str], b: list[str]) -> bool:
    """Every word of the shorter name has a partner on the other side at ratio ≥ 80."""
    short, long = sorted((a, b), key=len)
    return bool(short) and all(max((fuzz.ratio(w, o) for o in long), default=0) >= 80 for w in short)


def phenomenon(name_a: str, name_b: str, source: str) -> str:
    a, b = _words(name_a), _words(name_b)
    fa, fb = normalise_name(name_a), normalise_name(name_b)
    if source.endswith("_noise"):
        return "clerk noise"
    if re.search(r"[^\x00-\u024f‘’“”–]", name_a + name_b):
        return "other script"
    if read_kind(name_a).person or read_kind(name_b).person:
        return "person as company"
    if _legal_conflict(name_a, name_b):
        return "two legal-form families"
    sa, sb = set(a), set(b)
    if fa.tokens == fb.tokens or (set(fa.tokens) == set(fb.tokens) and fa.tokens):
        return "same words (another form or none)"
    da, db = list(fa.distinctive), list(fb.distinctive)
    one_in_other = _words_alike(da, list(fb.tokens)) or _words_alike(db, list(fa.tokens))
    # Names of as many words, each alike, are a spelling (read below).
    if da and db and one_in_other and not (len(da) == len(db) and _words_alike(da, db)):
        extra = set(fa.distinctive) ^ set(fb.distinctive)
        return "subset + extra distinctive words" if extra else "subset + extra generic words"
    if _acronym(a, b):
        return "acronym"
    if _words_alike(list(fa.distinctive), list(fb.distinctive)) and _words_alike(a, b):
        return "spelling"
    if (sa | sb) & CHINESE_PLACES and len(sa & sb) <= 1:
        return "Chinese brand / pinyin"
    if sa & sb:
        return "reworded / partial translation (shares a word)"
    return "translation / other name (no word shared)"


REACHABLE = frozenset(
    {
        "clerk noise",
        "two legal-form families",
        "subset + extra generic words",
        "subset + extra distinctive words",
        "same words (another form or none)",
        "acronym",
        "spelling",
    }
)


def misses(split: str, kind: str = "company") -> pd.DataFrame:
    df = load_pairs()
    df = df[(df.split == split) & (df.kind == kind) & ((df.label == 0) | (df.relation != "alias"))]
    df = df.reset_index(drop=True)
    score, match, _ = ours(df)
    df["score"] = score.round(3)
    wrong = df[(df.label == 1) != match].copy()
    wrong["error"] = ["false negative" if lab == 1 else "false positive" for lab in wrong.label]
    if kind == "person":
        wrong["phenomenon"] = [
            person_phenomena.phenomenon(a, b) for a, b in zip(wrong.name_a, wrong.name_b, strict=True)
        ]
        wrong["reachable"] = wrong.phenomenon.isin(person_phenomena.REACHABLE)
    else:
        wrong["phenomenon"] = [
            phenomenon(a, b, s) for a, b, s in zip(wrong.name_a, wrong.name_b, wrong.source, strict=True)
        ]
        wrong["reachable"] = wrong.phenomenon.isin(REACHABLE)
    cols = ["pair_id", "error", "phenomenon", "reachable", "score", "name_a", "name_b", "source"]
    return wrong[cols].sort_values(["error", "phenomenon", "score"])


def markdown(wrong: pd.DataFrame, split: str, n_pairs: int, kind: str = "company") -> str:
    rules = "`person_phenomena.phenomenon()`" if kind == "person" else "`phenomenon()`"
    option = " --kind person" if kind == "person" else ""
    lines = [
        f"# {kind.capitalize()} errors on the {split} split (name-variant table)",
        "",
        f"Written by `benchmarks/eval_pairs/company_misses.py{option}` (rules of {rules}, first",
        "that holds); every pair in the `.csv` beside this file. *Reachable*: the names carry what a",
        "name matcher needs (same words spelt, cut, abbreviated or noised, or another form of one name).",
        "",
        f"Pairs scored: {n_pairs}.",
        "",
        "| error | phenomenon | pairs | reachable from spelling |",
        "|---|---|---:|---|",
    ]
    for (error, what), g in wrong.groupby(["error", "phenomenon"]):
        lines.append(f"| {error} | {what} | {len(g)} | {'yes' if g.reachable.iloc[0] else 'no'} |")
    for error, g in wrong.groupby("error"):
        lines.append(f"| {error} | **total** ({int(g.reachable.sum())} reachable) | {len(g)} | |")
    lines += ["", "## Examples (lowest-scored false negatives, highest-scored false positives)", ""]
    for (error, what), g in wrong.groupby(["error", "phenomenon"]):
        g = g.sort_values("score", ascending=error == "false negative").head(3)
        for row in g.itertuples():
            lines.append(f"- {error}, {what}: {row.score:.3f} `{row.name_a}` / `{row.name_b}`")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--kind", choices=("company", "person"), default="company")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "eval_pairs")
    args = parser.parse_args()
    df = load_pairs()
    variants = (df.label == 0) | (df.relation != "alias")
    n = int(((df.split == args.split) & (df.kind == args.kind) & variants).sum())
    wrong = misses(args.split, args.kind)
    wrong.to_csv(args.out / f"{args.kind}_misses_{args.split}.csv", index=False)
    text = markdown(wrong, args.split, n, args.kind)
    (args.out / f"{args.kind}_misses_{args.split}.md").write_text(text, encoding="utf-8")
    print(wrong.groupby(["error", "phenomenon"]).size().to_string())


if __name__ == "__main__":
    main()
