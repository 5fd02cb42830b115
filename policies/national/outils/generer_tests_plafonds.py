#!/usr/bin/env python3
"""Écrit policies/national/tests/plafonds-tables.loge : un test par table de
plafonds et par année, qui vérifie chaque case des barèmes de plafonds.loge.

Les chiffres attendus sont ceux de DOMAIN.md (§ d.2, d.3, d.4), recopiés
ci-dessous ligne à ligne tels qu'ils y figurent (à relire à l'œil contre
DOMAIN.md à chaque mise à jour). Les plafonds PLS que DOMAIN.md ne publie pas
sont calculés ici : PLUS × 1,30 arrondi à l'euro le plus proche, les demis
vers le haut ; les plafonds PLS publiés sont vérifiés contre ce calcul.

Usage : python3 policies/national/outils/generer_tests_plafonds.py [--baremes | --verifier]
  --baremes   affiche aussi les barèmes au format Loge (aide à la mise à jour
              annuelle de plafonds.loge ; à relire avant de les recopier) ;
  --verifier  n'écrit rien, échoue si le fichier de tests n'est pas à jour
              (test CTest e2e.national_plafonds_tests_fresh).
"""
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path
import sys

# DOMAIN.md § d.2 — PLUS (arrêté du 29/07/1987, annexe I), €/an.
PLUS_MD = """
| 1 | Paris+limitr. | 25 165 | 26 044 | 26 687 | 26 920 |
| 1 | IdF hors Paris | 25 165 | 26 044 | 26 687 | 26 920 |
| 1 | Autres régions | 21 878 | 22 642 | 23 201 | 23 403 |
| 2 | Paris+limitr. | 37 611 | 38 925 | 39 885 | 40 233 |
| 2 | IdF hors Paris | 37 611 | 38 925 | 39 885 | 40 233 |
| 2 | Autres régions | 29 217 | 30 238 | 30 984 | 31 254 |
| 3 | Paris+limitr. | 49 303 | 51 025 | 52 284 | 52 740 |
| 3 | IdF hors Paris | 45 210 | 46 789 | 47 944 | 48 362 |
| 3 | Autres régions | 35 135 | 36 362 | 37 259 | 37 584 |
| 4 | Paris+limitr. | 58 865 | 60 921 | 62 424 | 62 968 |
| 4 | IdF hors Paris | 54 154 | 56 046 | 57 429 | 57 930 |
| 4 | Autres régions | 42 417 | 43 899 | 44 982 | 45 374 |
| 5 | Paris+limitr. | 70 036 | 72 482 | 74 271 | 74 919 |
| 5 | IdF hors Paris | 64 108 | 66 347 | 67 984 | 68 577 |
| 5 | Autres régions | 49 898 | 51 641 | 52 915 | 53 376 |
| 6 | Paris+limitr. | 78 809 | 81 562 | 83 575 | 84 304 |
| 6 | IdF hors Paris | 72 142 | 74 662 | 76 504 | 77 171 |
| 6 | Autres régions | 56 236 | 58 200 | 59 636 | 60 156 |
| +1 | Paris+limitr. | 8 782 | 9 089 | 9 313 | 9 394 |
| +1 | IdF hors Paris | 8 038 | 8 319 | 8 524 | 8 598 |
| +1 | Autres régions | 6 273 | 6 492 | 6 652 | 6 710 |
"""
PLUS_YEARS = [2023, 2024, 2025, 2026]

# DOMAIN.md § d.3 — PLAI, €/an ; colonnes 2022 Paris, IdF, Autres, 2024 …, 2025 …
PLAI_MD = """
| 1 | 13 378 | 13 378 | 11 626 | 14 329 | 14 329 | 12 452 | 14 683 | 14 683 | 12 759 |
| 2 | 21 805 | 21 805 | 16 939 | 23 355 | 23 355 | 18 143 | 23 931 | 23 931 | 18 591 |
| 3 | 28 582 | 26 210 | 20 370 | 30 614 | 28 074 | 21 818 | 31 369 | 28 767 | 22 356 |
| 4 | 31 287 | 28 779 | 22 665 | 33 511 | 30 824 | 24 276 | 34 338 | 31 585 | 24 875 |
| 5 | 37 218 | 34 071 | 26 519 | 39 863 | 36 493 | 28 404 | n/f | n/f | 29 105 |
| 6 | 41 884 | 38 339 | 29 886 | 44 861 | 41 064 | 32 010 | n/f | n/f | 32 800 |
| +1 | 4 666 | 4 270 | 3 333 | 4 998 | 4 573 | 3 569 | n/f | n/f | 3 657 |
"""
PLAI_YEARS = [2022, 2024, 2025]
# DOMAIN.md § d.3, texte : « 2023 PLAI autres régions (logementsocial69) :
# 12 032 / 17 531 / 21 082 / 23 457 / 27 445 / (cat. 6 cut) » ; Paris et IdF
# 2023 non trouvés.
PLAI_2023_AUTRES = "12 032 / 17 531 / 21 082 / 23 457 / 27 445"

# DOMAIN.md § d.4 — PLS publiés (autres régions), €/an ; colonnes 2023, 2025.
PLS_MD = """
| 1 | 28 441 | 30 161 |
| 2 | 37 982 | 40 279 |
| 3 | 45 676 | 48 437 |
| 4 | 55 142 | 58 477 |
| 5 | 64 867 | 68 790 |
| 6 | (cut) | 77 527 |
| +1 | (cut) | 8 648 |
"""

ZONES = ["paris_limitrophes", "idf_hors_paris", "autres_regions"]
ZONE_MD = {"Paris+limitr.": "paris_limitrophes", "IdF hors Paris": "idf_hors_paris",
           "Autres régions": "autres_regions"}
KEYS = [1, 2, 3, 4, 5, 6, "+1"]


def nombre(texte):
    texte = texte.strip()
    if texte in ("n/f", "(cut)"):
        return None
    return int(texte.replace(" ", ""))


def lignes(md):
    for ligne in md.strip().splitlines():
        cases = [c.strip() for c in ligne.strip().strip("|").split("|")]
        cle = "+1" if cases[0] == "+1" else int(cases[0])
        yield cle, cases[1:]


def lire_plus():
    table = {a: {z: {} for z in ZONES} for a in PLUS_YEARS}
    for cle, cases in lignes(PLUS_MD):
        zone = ZONE_MD[cases[0]]
        for annee, case in zip(PLUS_YEARS, cases[1:]):
            table[annee][zone][cle] = nombre(case)
    return table


def lire_plai():
    table = {a: {z: {} for z in ZONES} for a in PLAI_YEARS + [2023]}
    for cle, cases in lignes(PLAI_MD):
        for i, case in enumerate(cases):
            table[PLAI_YEARS[i // 3]][ZONES[i % 3]][cle] = nombre(case)
    autres = [nombre(x) for x in PLAI_2023_AUTRES.split("/")]
    for cle in KEYS:
        table[2023]["paris_limitrophes"][cle] = None
        table[2023]["idf_hors_paris"][cle] = None
        table[2023]["autres_regions"][cle] = autres[cle - 1] if cle in range(1, 6) else None
    return table


def pls_derive(plus):
    return int((Decimal(plus) * Decimal("1.3")).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def lire_pls(plus):
    publies = {2023: {}, 2025: {}}
    for cle, cases in lignes(PLS_MD):
        publies[2023][cle] = nombre(cases[0])
        publies[2025][cle] = nombre(cases[1])
    table = {}
    for annee in PLUS_YEARS:
        table[annee] = {z: {c: pls_derive(plus[annee][z][c]) for c in KEYS} for z in ZONES}
        for cle, valeur in publies.get(annee, {}).items():
            if valeur is not None and valeur != table[annee]["autres_regions"][cle]:
                sys.exit(f"PLS {annee} catégorie {cle} : publié {valeur}, dérivé "
                         f"{table[annee]['autres_regions'][cle]} — la règle de dérivation ne tient pas")
    return table, publies


def euros(v):
    return f"{v:_} €/an"


# Première date de la période de vigueur des tests : une table plus ancienne
# (PLAI 2022) se lit à sa date avec `au`.
DEBUT_VIGUEUR = 2023


def test_table(nom, fin, annee, table, note):
    # Le test est daté du 1er janvier, jour où la table prend effet.
    date = f"{max(annee, DEBUT_VIGUEUR)}-01-01"
    au = f" au {annee}-01-01" if annee < DEBUT_VIGUEUR else ""
    sortie = [f'test "{nom} {annee} : chaque case" {{', f"  date {date}"]
    if note:
        sortie.insert(0, f"# {note}")
    for zone in ZONES:
        for cle in KEYS:
            v = table[zone][cle]
            if v is None:
                continue
            if cle == "+1":
                sortie.append(f"  attendu majoration_{fin}[{zone}]{au} = {euros(v)}")
            else:
                sortie.append(f"  attendu plafond_{fin}[{cle}, {zone}]{au} = {euros(v)}")
    sortie.append("}")
    return "\n".join(sortie)


def bareme(table, annee):
    sortie = [f"  depuis {annee}-01-01 :",
              "    categorie | paris_limitrophes | idf_hors_paris | autres_regions"]
    for cle in KEYS[:6]:
        cases = [euros(table[z][cle]) if table[z][cle] is not None else "—" for z in ZONES]
        sortie.append(f"    {cle} | " + " | ".join(cases))
    sortie.append("  (majoration)")
    for z in ZONES:
        v = table[z]["+1"]
        sortie.append(f"    {z} | {euros(v) if v is not None else '—'}")
    return "\n".join(sortie)


def main():
    plus = lire_plus()
    plai = lire_plai()
    pls, publies = lire_pls(plus)
    blocs = [
        "# FICHIER ÉCRIT PAR outils/generer_tests_plafonds.py : ne pas le modifier à la main.",
        "# Chaque case des barèmes de plafonds.loge, comparée aux chiffres de DOMAIN.md",
        "# (§ d.2 PLUS, § d.3 PLAI, § d.4 PLS). Les cases PLS non publiées valent",
        "# PLUS × 1,30 arrondi à l'euro le plus proche (les demis vers le haut).",
        'politique "Tests : tables des plafonds de ressources"',
        f"en vigueur du {DEBUT_VIGUEUR}-01-01 au 2026-12-31",
        "",
        'importe "../../schema/standard.loge"',
        'importe "../plafonds.loge"',
    ]
    for annee in sorted(plai):
        blocs.append("")
        blocs.append(test_table("PLAI", "plai", annee, plai[annee], ""))
    for annee in PLUS_YEARS:
        blocs.append("")
        blocs.append(test_table("PLUS", "plus", annee, plus[annee], ""))
    for annee in PLUS_YEARS:
        pub = publies.get(annee)
        if pub:
            cles = ", ".join(str(c) for c, v in pub.items() if v is not None)
            note = (f"PLS {annee} : autres régions publiées (cases {cles}), identiques au calcul ; "
                    "le reste est dérivé du PLUS.")
        else:
            note = f"PLS {annee} : aucune table publiée dans DOMAIN.md, toutes les cases sont dérivées du PLUS."
        blocs.append("")
        blocs.append(test_table("PLS", "pls", annee, pls[annee], note))
    sortie = Path(__file__).resolve().parent.parent / "tests" / "plafonds-tables.loge"
    texte = "\n".join(blocs) + "\n"
    if "--verifier" in sys.argv:
        if sortie.read_text(encoding="utf-8") != texte:
            sys.exit(f"{sortie} n'est pas à jour : relancez {Path(__file__).name}")
        print(f"à jour : {sortie}")
        return
    sortie.write_text(texte, encoding="utf-8")
    print(f"écrit : {sortie}")
    if "--baremes" in sys.argv:
        for nom, table in (("PLAI", plai), ("PLUS", plus), ("PLS", pls)):
            for annee in sorted(table):
                print(f"# {nom} {annee}")
                print(bareme(table[annee], annee))


if __name__ == "__main__":
    main()
