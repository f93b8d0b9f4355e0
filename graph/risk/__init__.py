"""Risk engine: reference tables, ownership status per regime, red flags, risk score, diversion paths.

Everything is computed over tables read in bulk from the store (:mod:`graph.risk.frames`);
results go back to the store as node properties (``risk_score``, ``risk_level``,
``flags_json``, ``ownership_json``) by :func:`graph.risk.run.compute_risk`.
"""
