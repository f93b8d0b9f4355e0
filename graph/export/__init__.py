"""Exports of what the workspace knows: the risk list (CSV, XLSX, JSON, FollowTheMoney), audited.

:mod:`graph.export.risk_table` is the scored-entity table and its filters (the app's Risk list
page shows it); :mod:`graph.export.risk_list` adds everything behind each score;
:mod:`graph.export.formats` and :mod:`graph.export.ftm` write it; :mod:`graph.export.run` is the
one entry point the CLI and the app call (atomic file, then one audit record).
"""
