"""The word tests of benchmarks/person_word_rules_study.py, on the pairs that motivated them and
on pairs each must leave alone."""

from __future__ import annotations

from benchmarks.person_word_rules_study import (
    aligned_words,
    credited_by,
    doubled_vs_cluster,
    extra_consonant,
    other_ending,
)


def test_doubled_vs_cluster() -> None:
    assert doubled_vs_cluster("ABDU", "ABBUD")  # B doubled / B-D together
    assert doubled_vs_cluster("NASR", "NASSER")
    assert not doubled_vs_cluster("MUHAMMAD", "MUHAMAD")  # doubling alone
    assert not doubled_vs_cluster("HASAN", "HUSAYN")


def test_extra_consonant() -> None:
    assert extra_consonant("SEDAGHATI", "SADEGHI")  # S-D-G-H-T / S-D-G-H
    assert not extra_consonant("MOSTAFA", "MUSTAFA")  # one skeleton
    assert not extra_consonant("CHAD", "HAMID")  # two letters apart


def test_other_ending() -> None:
    assert other_ending("DRAGAN", "DRAGO")
    assert other_ending("MILICA", "MILANKA")
    assert not other_ending("ALEXANDER", "ALEX")  # a prefix: cut short
    assert not other_ending("AB", "AC")  # no stem of three letters


def test_credited_by() -> None:
    assert credited_by("CHAD", "HAMID") == "edit"
    assert credited_by("MUHAMMAD", "MOHAMMED").startswith("skeleton")
    assert credited_by("J", "JOHN") == "initial"


def test_aligned_words_pair_the_words_as_the_person_rules_do() -> None:
    assert ("MUSTAPHA", "MUSTAFA") in [(a, b) for a, b, _ in aligned_words("Mustapha CHAD", "Mustafa HAMID")]
    # "SURNAME, Given" is read given name first; equal words first (best pair first)
    pairs = [(a, b) for a, b, _ in aligned_words("NIKOLIC, Dragan", "Drago NIKOLIC")]
    assert pairs == [("NIKOLIC", "NIKOLIC"), ("DRAGAN", "DRAGO")]
