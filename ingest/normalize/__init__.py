"""Normalisers applied on the way in: countries, HS codes, dates, money, shares.

Each works on a whole column (``pandas.Series``) and computes once per distinct value, so a
million-row file costs a few thousand calls.
"""
