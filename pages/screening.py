"""Screening: upload CSV/XLSX → results table with filters → download CSV/XLSX (audited run)."""

from __future__ import annotations

import streamlit as st

from chipwatch.ui import keys
from chipwatch.ui.screening import UploadRun, screen_upload
from chipwatch.ui.store import guarded, screening_index, settings
from chipwatch.ui.tables import blank_missing, table_bytes

st.header("Screening")
st.write(
    "Upload counterparties (a `name` column; optional `country`, `address`, `id`): an XLSX workbook "
    "or a CSV separated by commas, semicolons or tabs."
)
upload = st.file_uploader("Counterparty file", type=["csv", "xlsx"], key=keys.SCREEN_UPLOAD)
if upload is not None and st.button("Screen", key=keys.SCREEN_RUN):
    # The spinner ends before a bad file's message: stopping the page inside it left it spinning.
    with guarded(), st.spinner("Screening…"):
        st.session_state[keys.SCREEN_RESULT] = screen_upload(
            settings(), upload.name, upload.getvalue(), index=screening_index
        )

run: UploadRun | None = st.session_state.get(keys.SCREEN_RESULT)
if run is None:
    st.stop()

s = run.summary
counts = ", ".join(f"{n} {d}" for d, n in sorted(s.dispositions.items()))
st.success(f"Screened {s.rows} rows of {run.name} against {s.list_entries} list entries: {counts}")
st.caption(f"Input SHA-256 {s.input_sha256} · output SHA-256 {s.output_sha256} · recorded in the audit log")
for warning in run.warnings:  # the lists screened against, or the risk columns, are not current
    st.warning(warning, icon="⚠️")
for note in s.notes[len(run.warnings) :]:
    st.caption(note)
frame = run.results
options = sorted(frame["disposition"].unique()) if "disposition" in frame.columns else []
chosen = st.multiselect("Disposition", options, default=options, key=keys.SCREEN_FILTER)
shown = frame[frame["disposition"].isin(chosen)] if options else frame
st.dataframe(blank_missing(shown), hide_index=True, width="stretch")  # the downloads keep blanks
st.caption(
    f"Showing {len(shown)} of {len(frame)} rows. Both downloads hold every screened row (the CSV is "
    "the file recorded in the audit log); the filter narrows this table only."
)
c1, c2 = st.columns(2)
c1.download_button(
    "Download CSV",
    run.output.read_bytes(),
    file_name=run.output.name,
    mime="text/csv",
    key=keys.SCREEN_DL_CSV,
    on_click="ignore",  # no rerun: one download right after another was lost
)
c2.download_button(
    "Download XLSX",
    lambda: table_bytes(frame, "xlsx"),  # built only when clicked; the same rows as the CSV
    file_name=run.output.with_suffix(".xlsx").name,
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key=keys.SCREEN_DL_XLSX,
    on_click="ignore",  # no rerun: one download right after another was lost
)
