"""BIS Denied Persons List, tab-separated text with a quoted header row.

Columns: Name, Street_Address, City, State, Country, Postal_Code, Effective_Date, Expiration_Date,
Standard_Order, Last_Update, Action, FR_Citation. The file has no ids: ``source_id`` is a stable
hash of name, street, city and effective date.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from graph.model import ListSource
from ingest.lists import safe
from ingest.lists.model import EntityKind, ListAddress, ListEntry, ReadResult, RejectedRow
from ingest.lists.name_kind import untyped_kind
from ingest.lists.readers._clauses import clean_names
from ingest.lists.readers._common import country_iso2, parse_date
from ingest.lists.readers._text import unique_aliases

FORMAT = "bis-dpl"
REQUIRED = ("Name", "Street_Address", "City", "Country", "Effective_Date", "FR_Citation")
_US_ZIP = re.compile(r"^\d{5}(-\d{4})?$")


def sniff(path: Path, head: bytes) -> bool:
    first = head.split(b"\n", 1)[0]
    return b"\t" in first and b"Street_Address" in first and b"FR_Citation" in first


def read(path: Path) -> ReadResult:
    text = safe.read_text(path)
    rows = safe.csv_rows(path, text, delimiter="\t")
    _, header = next(rows)
    index = safe.require_columns(path, header, REQUIRED)
    result = ReadResult(format=FORMAT)
    seen: dict[str, int] = {}
    for line, fields in rows:
        if not any(f.strip() for f in fields):
            continue
        result.rows_read += 1
        if len(fields) != len(header):
            result.rejected.append(RejectedRow(line, None, f"{len(fields)} fields, header has {len(header)}"))
            continue
        rec = {col: " ".join(fields[i].split()) for col, i in index.items()}
        name = rec["Name"]
        if not name:
            result.rejected.append(RejectedRow(line, "Name", "row has no name"))
            continue
        effective = parse_date(rec["Effective_Date"])
        if rec["Effective_Date"] and effective is None:
            result.rejected.append(
                RejectedRow(line, "Effective_Date", f"not a date: {rec['Effective_Date']!r}")
            )
            continue
        state, postal = rec.get("State") or None, rec.get("Postal_Code") or None
        country = country_iso2(rec["Country"]) if rec["Country"] else None
        if (
            country is None
            and not rec["Country"]
            and state
            and len(state) == 2
            and _US_ZIP.match(postal or "")
        ):
            country = "US"  # the DPL leaves Country empty for US addresses
        basis = "|".join((name, rec["Street_Address"], rec["City"], rec["Effective_Date"]))
        key = hashlib.sha256(basis.encode()).hexdigest()[:16]
        if key in seen:
            result.rejected.append(RejectedRow(line, "Name", f"duplicate of line {seen[key]}"))
            continue
        seen[key] = line
        parts = (rec["Street_Address"], rec["City"], state, postal, rec["Country"] or country)
        raw = ", ".join(p for p in parts if p)
        address = ListAddress(raw, rec["Street_Address"] or None, rec["City"] or None, state, postal, country)
        remarks = " | ".join(p for p in (rec.get("Action"), rec.get("Last_Update")) if p) or None
        # "PEARL (A.K.A. NEI-CHIEN CHU) LI": the clause is an alias (the id stays the published name's)
        own, named = clean_names(name, [])
        # the DPL mixes people and firms without saying which: a person's name is read as one
        kind, kind_source, kind_evidence = untyped_kind(
            own, EntityKind.UNKNOWN, aliases=[a.name for a in named]
        )
        result.entries.append(
            ListEntry(
                list=ListSource.US_DPL,
                source_id=key,
                kind=kind,
                kind_source=kind_source,
                kind_evidence=kind_evidence,
                name=own,
                aliases=unique_aliases(named, own),
                addresses=(address,) if raw else (),
                countries=(country,) if country else (),
                legal_basis=rec["FR_Citation"] or None,
                license_requirement="All items subject to the EAR (denial order)"
                if rec.get("Standard_Order", "").upper() == "Y"
                else None,
                start_date=effective,
                end_date=parse_date(rec.get("Expiration_Date")),
                remarks=remarks,
                raw_ref=f"{path.name}:line {line}",
            )
        )
    return result
