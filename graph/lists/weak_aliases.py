"""OFAC's weak a.k.a.s, weak on every copy of an OFAC entry.

OFAC marks some aliases *weak* (low quality, broad or generic: never a match on their own): the
quoted ``a.k.a. 'ABU FATIMA'`` of ``sdn.csv``'s remarks, ``<category>weak</category>`` of the XML,
``isLowQuality`` of CONS_ENHANCED.XML; the readers keep them as ``weak``. The CSL publishes no
such flag: its ``alt_names`` hold OFAC's strong and weak names alike (its row 6916 lists
'ABU FATIMA' beside 'AHMED, Ahmed'), so its copy of an entry (``list:US_SDN:SDN:6916``) has the
weak names as plain a.k.a.s, and resolution and screening read that copy beside OFAC's own
(``list:US_SDN:6916``, :mod:`graph.resolve.shared_entries`): through it a weak name could make
a match on its own. So on a copy that flags nothing weak, an a.k.a. that another current copy of
the same OFAC entry flags weak is weak too (the same name, case, spacing, commas and word order
aside), unless that copy also lists the name as a strong alias: OFAC's file says what the CSL
cannot.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pandas as pd

WEAK = "weak"  # ingest.lists.model.AliasKind.WEAK's value
AKA = "aka"


def _key(name: str) -> str:
    """A name as both copies can write it: the CSL writes OFAC's 'IVAN  MARQUEZ' (entry 8159's
    weak a.k.a.) as 'MARQUEZ, Ivan', so case, spacing, commas and word order aside."""
    return " ".join(sorted(str(name).replace(",", " ").casefold().split()))


def _aliases(value: object) -> list[list[str]]:
    """``aliases_json`` decoded: ``[[name, kind], …]``."""
    if not isinstance(value, str) or not value:
        return []
    loaded = json.loads(value)
    return [[str(a[0]), str(a[1])] for a in loaded] if isinstance(loaded, list) else []


def _weak_keys(copies: list[list[list[str]]]) -> set[str]:
    """The names the flagging copies mark weak and publish nowhere as a strong alias: OFAC lists
    entry 11271's 'HSING, Su' in alt.csv (strong) and 'SU HSING' in its remarks (weak), one name
    in word order aside, and the strong listing wins."""
    weak = {_key(n) for aliases in copies for n, k in aliases if k == WEAK}
    strong = {_key(n) for aliases in copies for n, k in aliases if k != WEAK}
    return weak - strong


def share_weak_aliases(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (``list_entries`` rows of the current versions) where a copy of an OFAC entry that
    flags no alias weak (the CSL's) has the a.k.a.s another copy flags weak marked weak too;
    unchanged when nothing is to mark. A copy that flags some (OFAC's own files) is left as
    published: it can say what is weak."""
    from graph.resolve.shared_entries import entry_of  # light module; keeps graph.resolve off import

    if rows.empty or "aliases_json" not in rows.columns:
        return rows
    entries = [entry_of(str(n)) for n in rows["node_id"]]
    copies: dict[str, list[int]] = defaultdict(list)
    for pos, (node_id, entry) in enumerate(zip(rows["node_id"], entries, strict=True)):
        if entry != node_id:  # only nodes carrying an OFAC entry number can have another copy
            copies[entry].append(pos)
    changed: dict[int, str] = {}
    for positions in copies.values():
        if len(positions) < 2:
            continue
        decoded = {pos: _aliases(rows["aliases_json"].iat[pos]) for pos in positions}
        flagging = [aliases for aliases in decoded.values() if any(k == WEAK for _, k in aliases)]
        weak = _weak_keys(flagging) if flagging else set()
        for pos, aliases in decoded.items():
            if aliases in flagging or not any(k == AKA and _key(n) in weak for n, k in aliases):
                continue
            marked = [[n, WEAK if k == AKA and _key(n) in weak else k] for n, k in aliases]
            changed[pos] = json.dumps(marked, ensure_ascii=False, separators=(",", ":"))
    if not changed:
        return rows
    out = rows.copy()
    texts = out["aliases_json"].tolist()
    for pos, text in changed.items():
        texts[pos] = text
    out["aliases_json"] = texts
    if "_aliases" in out.columns:  # the decoded twin list_graph_frames prefers: keep it in step
        twins = out["_aliases"].tolist()
        for pos, text in changed.items():
            twins[pos] = json.loads(text)
        out["_aliases"] = pd.Series(twins, index=out.index, dtype=object)
    return out
