"""A deterministic synthetic world of chip supply chains with planted diversion schemes.

``write_world(companies, shipments, seed, out_dir)`` (CLI: ``chipwatch generate``) writes the
canonical input files (see ``docs/inputs.md``) plus ``ground_truth.json``. Same arguments →
byte-identical files (numpy ``default_rng(seed)``, stable sorts, no reliance on ``hash``).

Files
-----
``companies.csv``   canonical companies + a ``source`` column (``synthetic``): node ids are
                    ``co:synthetic:{company_id}``. Legitimate ids ``SYN…``, scheme ids ``SYS…``.
``ownership.csv``   by id for registry companies; listed owners appear *by name only* (their
                    node id is ``co:byname:{sha1(normalised name|country)}``).
``officers.csv``    one or two officers per company; shell clusters share a nominee director.
``shipments.csv``   bills of lading: parties as written (upper-cased names, one-line address,
                    country as ISO-2, name or ISO-3), HS codes in several clerk styles.
                    Legitimate ids ``SH…``, planted ``SX…``.

``ground_truth.json`` (``"format": "chipwatch-ground-truth/1"``)
----------------------------------------------------------------
::

    {
      "format": "chipwatch-ground-truth/1",
      "seed": 7, "companies": 3000, "shipments": 20000, "source": "synthetic",
      "files": {"companies.csv": "<sha256>", ...},
      "flags": {"LISTED_NAME_MATCH": "trade party name is a variant of a listed name", ...},
      "schemes": [
        {
          "scheme_id": "S00007",
          "typology": "listed_name_variant",       # a Typology value (see typologies.py)
          "flags": ["LISTED_NAME_MATCH"],          # PlantedFlag values that should fire
          "parties": [                             # everyone involved, suppliers included
            {
              "role": "supplier" | "shell" | "buyer" | "forwarder" | "hub" | "end_user" |
                      "listed_owner" | "blocked_intermediate" | "owned" | "ultimate_parent" |
                      "intermediate" | "subsidiary" | "listed_consignee" | "front",
              "company_id": "SYS0000012" | null,   # null: a party that is not in companies.csv
              "node_id": "co:synthetic:SYS0000012" | "co:byname:<sha1>" | null,
              "party_id": "party:<sha1>" | null,   # TradeParty node id as ingest computes it
              "name": "registered / listed name",
              "name_as_written": "NAME ON THE BILL OF LADING" | null,
              "address_as_written": "..." | null,
              "country": "RU",
              # only where relevant:
              "list_entry_id": "list:US_EL:<CSL _id>", "list_name": "...",
              "list_address": "...", "variant_ops": ["uppercase", "abbreviate", "typo", ...],
              # listed names written in another script: "script": "Cyrl" (variant_ops
              # ["uppercase", "cyrillic_script"]) or "Hani" (variant_ops ["chinese_script"],
              # "list_alias": the UN list's Chinese-script alias the name is written as)
            }
          ],
          "path": ["co:synthetic:SYN…", "co:synthetic:SYS…", "party:…"],  # supplier → end
          "shipment_ids": ["SX0000029", ...],
          # typology extras: "legs" (pass_through: import/export ids, days, quantities; the
          # schemes' destinations rotate through RU, BY, CN, IR, MO),
          # "regimes" + "variant" (listed_ownership: two_listed_owners | indirect_faq401),
          # "ownership_chain" (d5_parent: parent → intermediate → subsidiary node ids),
          # "shared_address" + "shared_officer" (shell_cluster)
        }
      ],
      "legitimate": {"company_ids": [...], "node_ids": [...], "party_ids": [...]}
    }

Parties with role ``supplier`` are innocent legitimate companies (they also appear under
``legitimate``); every other scheme party should be flagged. ``legitimate.party_ids`` are the
trade parties of legitimate companies, for false-positive rates. List entry ids follow the
list ingest convention ``list:{ListSource}:{CSL _id}`` for the bundled CSL of May 2022 and, for
Chinese-script names, ``list:UN:{reference number}`` for the bundled UN consolidated list.
"""

from ingest.synthetic.world import WorldSummary, build_world, write_world

__all__ = ["WorldSummary", "build_world", "write_world"]
