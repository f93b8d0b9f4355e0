"""Next versions of the real OFAC fixture files, edited one record at a time (shared by the list tests).

OFAC ``tests/fixtures/lists/ofac``: ``tiny/`` is an SDN legacy CSV set (17 entries),
``non_sdn/CONS_ENHANCED.XML.gz`` the consolidated list (443 entities, 77 also on the SDN list, among
them TNK TRADING INTERNATIONAL S.A., ``list:US_SDN:28603``, the one entity in both files).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

OFAC = Path(__file__).resolve().parents[2] / "fixtures" / "lists" / "ofac"
SDN = OFAC / "tiny"
CONS = OFAC / "non_sdn" / "CONS_ENHANCED.XML.gz"
SHARED = "list:US_SDN:28603"  # TNK TRADING INTERNATIONAL S.A.: in both files
SHARED_NAME = "TNK TRADING INTERNATIONAL S.A."


def _text(path: Path) -> str:
    raw = path.read_bytes()
    return (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")


def without(path: Path, out: Path, tag: str, source_id: str) -> Path:
    """A copy of an OFAC file without one record: the XML ``<entity id=…>`` or the CSV row."""
    text = _text(path)
    pattern = rf'\s*<entity id="{source_id}">.*?</entity>' if tag == "xml" else rf"(?m)^{source_id},.*\r?\n"
    kept, n = re.subn(pattern, "", text, count=1, flags=re.S)
    assert n == 1
    out.write_text(kept, encoding="utf-8", newline="")
    return out


def sdn_without(folder: Path, source_id: str) -> Path:
    """A copy of the SDN CSV set in ``folder`` without the entry ``source_id`` (its address and
    alias rows left, as orphans)."""
    folder.mkdir()
    for f in SDN.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    without(SDN / "sdn.csv", folder / "sdn.csv", "csv", source_id)
    return folder


def cons_with_shared_copy(out: Path, name: str, street: str) -> Path:
    """A copy of the consolidated list whose copy of the shared SDN entity has another name and
    street: the two feeds' copies of one node id differ."""
    text = _text(CONS)
    entity = re.search(r'<entity id="28603">.*?</entity>', text, re.S)
    assert entity is not None
    edited = entity.group(0)
    for tag in ("formattedFullName", "formattedLastName"):
        edited = edited.replace(f"<{tag}>{SHARED_NAME}</{tag}>", f"<{tag}>{name}</{tag}>")
    edited = edited.replace("<value>place du Lac 2</value>", f"<value>{street}</value>")
    assert edited.count(name) == 2 and street in edited
    out.write_text(text.replace(entity.group(0), edited), encoding="utf-8", newline="")
    return out
