"""``chipwatch compare "NAME A" "NAME B"`` and ``chipwatch compare --pairs IN.csv --out OUT.csv``."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click
import numpy as np

from chipwatch.errors import InputFileError
from graph.atomic import atomic_path
from graph.csv_delimiters import one_column_reason
from graph.csv_lines import line_of_row
from graph.excel_safe import neutralise
from graph.resolve import Match, Record, compare, prepare, score_pairs
from graph.resolve.compare import DEFAULT_THRESHOLDS
from graph.resolve.link import LinkThresholds
from graph.score_text import score_text
from graph.utf8_cells import undecodable_cell

#: ``unknown``: a record whose source publishes no kind, such as a shipment party; its name is
#: read (graph.resolve.unknown_kinds) and compared with a person as a person when it may be one.
KINDS = ("company", "person", "vessel", "unknown")


def compare_score_text(score: float, digits: int = 3) -> str:
    """The score beside its decision, never read across compare's thresholds (match, possible)
    nor resolve's (link, review) it explains, nor as 1 below it."""
    t, link = DEFAULT_THRESHOLDS, LinkThresholds()
    return score_text(float(score), (t.match, t.possible, link.link, link.review), digits=digits)


#: What a reason's number is, said once above the reasons of one pair.
CONTRIBUTIONS = "log-odds points for (+) or against (-) a match; the score is the logistic of their sum"


def weight_text(contribution: float) -> str:
    """A reason's contribution with the way it pushes: ``+3.96 towards a match``, ``-3.00
    against a match``, or none of its own (a reading already counted in the name similarity)."""
    if round(contribution, 2) == 0:
        return "no weight of its own"
    return f"{contribution:+.2f} {'towards' if contribution > 0 else 'against'} a match"


def _reasons_text(match: Match) -> str:
    return "; ".join(f"{r.feature} ({weight_text(r.contribution)}): {r.detail}" for r in match.reasons)


def _read_pairs(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = list(reader.fieldnames or [])
            missing = [c for c in ("name_a", "name_b") if c not in header]
            if missing:
                reason = one_column_reason(header, "save it as a CSV separated by commas")
                raise InputFileError(
                    path, reason or f"missing column(s) {', '.join(missing)}; found {header}", line=1
                )
            rows = []
            for number, row in enumerate(reader, start=1):  # data rows (DictReader skips blank lines)
                kind = _kind(path, number, "kind", row.get("kind") or "company")
                row["kind"] = kind
                # kind_a / kind_b, when given, set one side's kind (a shipment party: unknown)
                for side in ("kind_a", "kind_b"):
                    row[side] = _kind(path, number, side, row.get(side) or kind)
                rows.append({k: (v or "") for k, v in row.items() if k is not None})
    except UnicodeDecodeError as exc:
        raise undecodable_cell(path) from exc
    except csv.Error as exc:
        raise InputFileError(path, f"malformed CSV: {exc}") from exc
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror}") from exc
    return rows, header


def _kind(path: Path, number: int, field: str, value: str) -> str:
    kind = value.strip().lower()
    if kind not in KINDS:
        raise InputFileError(
            path,
            f"unknown kind {kind!r}, expected one of {KINDS}",
            row=number,
            line=line_of_row(path, number),
            field=field,
        )
    return kind


def _bulk(pairs_path: Path, out: Path) -> int:
    if out.suffix.lower() != ".csv":  # a CSV saved as .xlsx is a file Excel refuses to open
        raise InputFileError(out, "output must end in .csv (the scored pairs are written as CSV)")
    rows, header = _read_pairs(pairs_path)
    left = prepare(
        [Record(str(i), r["kind_a"], (r["name_a"],), r.get("country_a") or None) for i, r in enumerate(rows)]
    )
    right = prepare(
        [Record(str(i), r["kind_b"], (r["name_b"],), r.get("country_b") or None) for i, r in enumerate(rows)]
    )
    index = np.arange(len(rows), dtype=np.int64)
    scored = score_pairs(left, right, np.column_stack([index, index]))
    columns = header + [c for c in ("score", "decision", "reasons") if c not in header]
    for row in rows:  # the sides' kinds are written back only when the file has their columns
        for side in ("kind_a", "kind_b"):
            if side not in header:
                del row[side]
    try:
        with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for i, row in enumerate(rows):
                match = scored.explain(i)
                out_row = {k: neutralise(v) for k, v in row.items()}
                out_row.update(
                    score=compare_score_text(scored.score[i], digits=4),
                    decision=scored.decision_of(i).value,
                    reasons=neutralise(_reasons_text(match)),
                )
                writer.writerow(out_row)
    except OSError as exc:
        raise InputFileError(out, f"cannot write: {exc.strerror}") from exc
    return len(rows)


def register(group: click.Group) -> None:
    @group.command("compare")
    @click.argument("name_a", required=False)
    @click.argument("name_b", required=False)
    @click.option("--kind", type=click.Choice(KINDS), default="company", show_default=True)
    @click.option("--kind-a", type=click.Choice(KINDS), default=None, help="Kind of A (default: --kind).")
    @click.option(
        "--kind-b",
        type=click.Choice(KINDS),
        default=None,
        help="Kind of B (default: --kind); unknown: a record that publishes none, such as a shipment party.",
    )
    @click.option("--country-a", default=None, help="Country of A (ISO code or name).")
    @click.option("--country-b", default=None, help="Country of B (ISO code or name).")
    @click.option("--json", "as_json", is_flag=True, help='Print {"score", "decision", "reasons"} as JSON.')
    @click.option(
        "--pairs",
        "pairs_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Bulk mode: CSV with name_a,name_b[,kind,country_a,country_b].",
    )
    @click.option(
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Bulk mode: CSV written with score,decision,reasons beside each row.",
    )
    def compare_cmd(
        name_a: str | None,
        name_b: str | None,
        kind: str,
        kind_a: str | None,
        kind_b: str | None,
        country_a: str | None,
        country_b: str | None,
        as_json: bool,
        pairs_path: Path | None,
        out: Path | None,
    ) -> None:
        """Score two names (or every row of --pairs) and say why: score, decision, reasons."""
        if pairs_path is not None:
            if out is None or name_a is not None:
                raise click.UsageError("bulk mode takes --pairs PAIRS.csv --out OUT.csv and no names")
            count = _bulk(pairs_path, out)
            click.echo(f"scored {count} pairs → {out}", err=True)
            return
        if name_a is None or name_b is None:
            raise click.UsageError('give two names: chipwatch compare "NAME A" "NAME B" (or --pairs/--out)')
        a = Record("a", kind_a or kind, (name_a,), country_a)
        match = compare(a, Record("b", kind_b or kind, (name_b,), country_b))
        if as_json:
            click.echo(json.dumps(match.to_dict(), ensure_ascii=False))
            return
        click.echo(f"score     {compare_score_text(match.score)}")
        click.echo(f"decision  {match.decision.value}")
        click.echo(f"reasons   ({CONTRIBUTIONS})")
        for r in match.reasons:
            click.echo(f"  {r.feature:<12} {r.contribution:+6.2f}  {r.detail}")
