"""Legal forms of the other post-Soviet states written in full, in Latin transliteration.

The Russian forms written out ("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU" = OOO) are read
by :mod:`graph.resolve.legal_forms`; the lists write the Ukrainian, Belarusian and Azerbaijani
ones out too, and without this table they were read as the distinctive words of the name
("DART AIRLINES" / "TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU 'DART'" scored 0.007).

Only spellings written in real data are listed, each with where it was found:

* lists — the bundled OFAC / CSL files (``data/lists``);
* OpenSanctions — the aliases of the Ukrainian NSDC / war-sanctions entries
  ("Tovarystvo z obmezhenoiu vidpovidalnistiu \\"Aeroskan\\"") and their ids, which carry the
  NSDC's own romanisation ("ua-nsdc-…-tovaristvo-z-obmezenou-vidpovidalnistu-…");
* Cyrillic — the spelling :func:`graph.resolve.names.fold` gives the Cyrillic names of those
  entries ("Товариство з обмеженою відповідальністю", "Акціонерне товариство");
* ISO — the ISO 20275 (ELF) table's transliterated names, which the table already reads at the
  end of a name but not at its start, where these forms are written.

Kazakh (ZHAUAPKERSHILIGI SHEKTEULI SERIKTESTIK), Uzbek (MAS'ULIYATI CHEKLANGAN JAMIYAT) and the
Ukrainian private joint-stock company (PRYVATNE AKTSIONERNE TOVARYSTVO) are in none of them.
"""

from __future__ import annotations

#: Classes and families as named in :mod:`graph.resolve.legal_forms` (not imported: it imports us).
_LIMITED, _CORPORATION, _STATE, _OTHER = "LIMITED", "CORPORATION", "STATE", "OTHER"
_LLC, _JSC = "LLC", "JSC"

#: Folded form → (class, family, countries, written before the name).
FORMS: dict[str, tuple[str, str, frozenset[str], bool]] = {
    # Ukrainian limited-liability company (TOV, товариство з обмеженою відповідальністю).
    "TOVARYSTVO Z OBMEZHENOYU VIDPOVIDALNISTYU": (_LIMITED, _LLC, frozenset({"UA"}), True),  # lists
    "TOVARYSTVO Z OBMEZHENOIU VIDPOVIDALNISTIU": (_LIMITED, _LLC, frozenset({"UA"}), True),  # OpenSanctions
    "TOVARISTVO Z OBMEZHENOYU VIDPOVIDALNISTYU": (_LIMITED, _LLC, frozenset({"UA"}), True),  # Cyrillic
    "TOVARISTVO Z OBMEZENOU VIDPOVIDALNISTU": (_LIMITED, _LLC, frozenset({"UA"}), True),  # NSDC ids
    # "DART, TOV", "PROFAKTOR, TOV" (lists): only ever seen after the name.
    "TOV": (_LIMITED, _LLC, frozenset({"UA"}), False),
    # Ukrainian joint-stock companies (AT, PAT = PJSC): lists, Cyrillic, NSDC ids.
    "AKTSIONERNE TOVARYSTVO": (_CORPORATION, _JSC, frozenset({"UA"}), True),
    "AKTSIONERNE TOVARISTVO": (_CORPORATION, _JSC, frozenset({"UA"}), True),
    "AKCIONERNE TOVARISTVO": (_CORPORATION, _JSC, frozenset({"UA"}), True),
    "PUBLICHNE AKTSIONERNE TOVARYSTVO": (_CORPORATION, _JSC, frozenset({"UA"}), True),
    # Belarusian forms (ISO; the second LLC spelling is the Cyrillic one folded).
    "TAVARYSTVA Z ABMEZHAVANAJ ADKAZNASCYU": (_LIMITED, _LLC, frozenset({"BY"}), True),
    "TAVARYSTVA Z ABMEZHAVANAY ADKAZNASTSYU": (_LIMITED, _LLC, frozenset({"BY"}), True),
    "OBSHCHESTVO S OGRANICHENNOJ OTVETSTVENNOSTYU": (_LIMITED, _LLC, frozenset({"BY", "RU"}), True),
    # The CSL's Belarusian spellings (BELKAZTRANS, ABSALYUTBANK, BELARUSKALIY, DANA ASTRA, KIDMA TEK).
    "ZAMEZHNAYE TAVARYSTVA Z ABMEZHAVANAY ADKAZNASTSYU": (_LIMITED, _LLC, frozenset({"BY"}), True),
    "ZAKRYTAYE AKTSYYANERNAYE TAVARYSTVA": (_CORPORATION, _JSC, frozenset({"BY"}), True),
    "SUMESNAYE ZAKRYTAYE AKTSYYANERNAYE TAVARYSTVA": (_CORPORATION, _JSC, frozenset({"BY"}), True),
    "ADKRYTAYE AKTSYYANERNAYE TAVARYSTVA": (_CORPORATION, _JSC, frozenset({"BY"}), True),
    "ADKRYTAE AKTSYIANERNAE TAVARYSTVA": (_CORPORATION, _JSC, frozenset({"BY"}), True),
    "ZAKRYTAE AKCYYANERNAE TAVARYSTVA": (_CORPORATION, _JSC, frozenset({"BY"}), True),
    "ADKRYTAE AKCYYANERNAE TAVARYSTVA": (_CORPORATION, _JSC, frozenset({"BY"}), True),
    # ТАА / ЗАТ / ААТ, which the CSL writes before the name ("TAA BELKAZTRANS", "ZAT ABSALYUTBANK").
    "TAA": (_LIMITED, _LLC, frozenset({"BY"}), True),
    "ZAT": (_CORPORATION, _JSC, frozenset({"BY"}), True),
    "AAT": (_CORPORATION, _JSC, frozenset({"BY"}), True),
    # The additional-liability company (ODO): its own form, of no family, so it never conflicts.
    "TAVARYSTVA Z DADATKOVAY ADKAZNASTSYU": (_OTHER, "", frozenset({"BY"}), True),
    "ZAKRYTOE AKCIONERNOE OBSHCHESTVO": (_CORPORATION, _JSC, frozenset({"BY", "RU"}), True),
    "OTKRYTOE AKCIONERNOE OBSHCHESTVO": (_CORPORATION, _JSC, frozenset({"BY", "RU"}), True),
    # State and unitary enterprises (CSL; a unitary enterprise may be private in Belarus, so the
    # plain one is of no class). No family: like FGUP they never conflict with another form.
    "DZYARZHAUNAYE PRADPRYEMSTVA": (_STATE, "", frozenset({"BY"}), True),
    "RESPUBLIKANSKAYE UNITARNAYE PRADPRYEMSTVA": (_STATE, "", frozenset({"BY"}), True),
    "RESPUBLIKANSKOYE UNITARNOYE PREDPRIYATIYE": (_STATE, "", frozenset({"BY", "RU"}), True),
    "UNITARNAYE PRADPRYEMSTVA": (_OTHER, "", frozenset({"BY"}), True),
    "UNITARNOYE PREDPRIYATIYE": (_OTHER, "", frozenset({"BY", "RU"}), True),
    "DERZHAVNE PIDPRYEMSTVO": (_STATE, "", frozenset({"UA"}), True),
    # Azerbaijani forms (ISO, abbreviations included): written after the name, as the table reads.
    "MEHDUD MESULIYYETLI CEMIYYETI": (_LIMITED, _LLC, frozenset({"AZ"}), False),
    "MMC": (_LIMITED, _LLC, frozenset({"AZ"}), False),
    "ACIQ SEHMDAR CEMIYYETI": (_CORPORATION, _JSC, frozenset({"AZ"}), False),
    "QAPALI SEHMDAR CEMIYYETI": (_CORPORATION, _JSC, frozenset({"AZ"}), False),
    "ASC": (_CORPORATION, _JSC, frozenset({"AZ"}), False),
    "QSC": (_CORPORATION, _JSC, frozenset({"AZ"}), False),
}
