#!/usr/bin/env python3
"""Écrit deux fichiers de tests des plafonds de ressources :

- policies/national/tests/plafonds-tables.loge : un test par table de
  plafonds et par année, qui vérifie chaque case des barèmes de plafonds.loge,
  et, pour chaque case « — » (non publiée), que la consulter est l'erreur
  d'évaluation qui nomme la case, la table et l'année (`= erreur "…"`) ;
- policies/national/tests/plafonds-bornes.loge : pour chaque financement,
  année de 2023 à 2026, zone et taille de ménage (1 à 6 personnes, et 7
  personnes pour la majoration par personne supplémentaire), un ménage dont
  le revenu est égal au plafond (règle `plafonds.plafond` satisfaite, le 1er
  janvier, jour où la table prend effet) et un ménage dont le revenu le
  dépasse d'un euro (refus, à une fin de mois de l'année : 31 janvier,
  28 ou 29 février, 31 mars…) ; là où le plafond n'est pas publié, l'erreur
  d'évaluation attendue.

Les chiffres attendus sont ceux de DOMAIN.md (§ d.2, d.3, d.4), recopiés
ci-dessous ligne à ligne tels qu'ils y figurent (à relire à l'œil contre
DOMAIN.md à chaque mise à jour). Les plafonds PLS que DOMAIN.md ne publie pas
sont calculés ici : PLUS × 1,30 arrondi à l'euro le plus proche, les demis
vers le haut ; les plafonds PLS publiés sont vérifiés contre ce calcul. La
catégorie d'un couple avec n enfants à charge est celle de l'arrêté du
29 juillet 1987 : 2 + n personnes, catégorie 6 au plus, et une majoration
par personne au-delà de la sixième.

Usage : python3 policies/national/outils/generer_tests_plafonds.py [--baremes | --verifier]
  --baremes   affiche aussi les barèmes au format Loge (aide à la mise à jour
              annuelle de plafonds.loge ; à relire avant de les recopier) ;
  --verifier  n'écrit rien, échoue si un fichier de tests n'est pas à jour
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
# Toutes les tables ont des cases « — » à partir du 1er janvier 2027 (table à
# mettre à jour) ; les plafonds PLAI 2026 n'ont pas été trouvés.
ANNEE_A_METTRE_A_JOUR = 2027

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


def table_vide():
    return {z: {c: None for c in KEYS} for z in ZONES}


def lire_plus():
    table = {a: {z: {} for z in ZONES} for a in PLUS_YEARS}
    for cle, cases in lignes(PLUS_MD):
        zone = ZONE_MD[cases[0]]
        for annee, case in zip(PLUS_YEARS, cases[1:]):
            table[annee][zone][cle] = nombre(case)
    table[ANNEE_A_METTRE_A_JOUR] = table_vide()
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
    table[2026] = table_vide()
    table[ANNEE_A_METTRE_A_JOUR] = table_vide()
    return table


def pls_derive(plus):
    if plus is None:
        return None
    return int((Decimal(plus) * Decimal("1.3")).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def lire_pls(plus):
    publies = {2023: {}, 2025: {}}
    for cle, cases in lignes(PLS_MD):
        publies[2023][cle] = nombre(cases[0])
        publies[2025][cle] = nombre(cases[1])
    table = {}
    for annee in PLUS_YEARS + [ANNEE_A_METTRE_A_JOUR]:
        table[annee] = {z: {c: pls_derive(plus[annee][z][c]) for c in KEYS} for z in ZONES}
        for cle, valeur in publies.get(annee, {}).items():
            if valeur is not None and valeur != table[annee]["autres_regions"][cle]:
                sys.exit(f"PLS {annee} catégorie {cle} : publié {valeur}, dérivé "
                         f"{table[annee]['autres_regions'][cle]} — la règle de dérivation ne tient pas")
    return table, publies


def euros(v):
    return f"{v:_} €/an"


# Période de vigueur des fichiers de tests (celle de plafonds.loge) : une
# table plus ancienne (PLAI 2022) ou plus récente (2027) se lit à sa date
# avec `au`, dans un test daté du premier ou du dernier jour de la période.
DEBUT_VIGUEUR, FIN_VIGUEUR = 2023, 2026

# Libellés des zones (énumération Zone du schéma standard), tels que les
# messages d'erreur les écrivent.
LIBELLE_ZONE = {"paris_limitrophes": "Paris et communes limitrophes",
                "idf_hors_paris": "Île-de-France hors Paris et communes limitrophes",
                "autres_regions": "Autres régions"}
NOM_ZONE = {"paris_limitrophes": "Paris et communes limitrophes",
            "idf_hors_paris": "Île-de-France hors Paris",
            "autres_regions": "autres régions"}


def non_publiee(fin, cle, zone, annee):
    """Le message de l'erreur d'évaluation d'une case « — », sans la référence
    qui le termine ; le barème y porte le nom qualifié qu'il a dans les
    fichiers de tests (`plafonds.` : le nom du module importé sans alias)."""
    if cle == "+1":
        return (f"la case [{LIBELLE_ZONE[zone]}] du barème `plafonds.majoration_{fin}` n'est pas publiée "
                f"pour la période commençant le {annee}-01-01")
    return (f"la case [{cle}, {LIBELLE_ZONE[zone]}] du barème `plafonds.plafond_{fin}` n'est pas publiée "
            f"pour la période commençant le {annee}-01-01")


def test_table(nom, fin, annee, table, note):
    # Le test est daté du 1er janvier, jour où la table prend effet (ou du
    # jour de la période de vigueur le plus proche, avec `au`).
    if annee < DEBUT_VIGUEUR:
        date, au = f"{DEBUT_VIGUEUR}-01-01", f" au {annee}-01-01"
    elif annee > FIN_VIGUEUR:
        date, au = f"{FIN_VIGUEUR}-12-31", f" au {annee}-01-01"
    else:
        date, au = f"{annee}-01-01", ""
    sortie = [f'test "{nom} {annee} : chaque case" {{', f"  date {date}"]
    if note:
        sortie.insert(0, f"# {note}")
    for zone in ZONES:
        for cle in KEYS:
            v = table[zone][cle]
            attendu = euros(v) if v is not None else f'erreur "{non_publiee(fin, cle, zone, annee)}"'
            if cle == "+1":
                sortie.append(f"  attendu majoration_{fin}[{zone}]{au} = {attendu}")
            else:
                sortie.append(f"  attendu plafond_{fin}[{cle}, {zone}]{au} = {attendu}")
    sortie.append("}")
    return "\n".join(sortie)


# ---------------------------------------------------------------- bornes

# Un couple (demandeur né le 12 mars 1985, valeur par défaut des tests ;
# conjoint né le 1er janvier 1980 : la somme des âges dépasse 55 ans, ce
# n'est pas un jeune ménage) et ses enfants à charge.
CONJOINT = ("codemandeur = { lien = conjoint date_naissance = 1980-01-01 "
            "situation_familiale = marie situation_professionnelle = cdi }")
NAISSANCES_ENFANTS = ["2008-05-31", "2010-02-28", "2012-12-31", "2016-02-29", "2019-07-31"]
# « Un euro au-dessus » : une fin de mois par taille de ménage, dont le
# 28 ou 29 février.
FINS_DE_MOIS = ["01-31", "02-28", "03-31", "04-30", "06-30", "09-30", "12-31"]


def fin_de_mois(annee, personnes):
    jour = FINS_DE_MOIS[personnes - 1]
    if jour == "02-28" and annee % 4 == 0:
        jour = "02-29"
    return f"{annee}-{jour}"


def categorie(personnes):
    """Arrêté du 29 juillet 1987 : un couple avec n enfants à charge compte
    2 + n personnes ; catégorie 6 au plus, majoration au-delà."""
    return min(personnes, 6), max(personnes - 6, 0)


def demande(personnes, revenu):
    lignes_demande = ["  demande {"]
    if personnes >= 2:
        lignes_demande.append(f"    {CONJOINT}")
        enfants = [f"{{ lien = enfant date_naissance = {n} a_charge = vrai }}"
                   for n in NAISSANCES_ENFANTS[:personnes - 2]]
        if enfants:
            lignes_demande.append("    personnes = [" + ", ".join(enfants) + "]")
    lignes_demande.append(f"    ressources.revenu_fiscal_n2 = {euros(revenu)}")
    lignes_demande.append("  }")
    return lignes_demande


def plafond_menage(table, zone, personnes, fin, annee):
    """(plafond, None) ou (None, message de la première case non publiée lue)."""
    cat, supplementaires = categorie(personnes)
    base = table[zone][cat]
    if base is None:
        return None, non_publiee(fin, cat, zone, annee)
    if supplementaires == 0:
        return base, None
    maj = table[zone]["+1"]
    if maj is None:
        return None, non_publiee(fin, "+1", zone, annee)
    return base + supplementaires * maj, None


def tests_bornes(nom, fin, annee, table):
    blocs = []
    for zone in ZONES:
        for personnes in range(1, 8):
            cat, supplementaires = categorie(personnes)
            titre = f"{nom} {annee}, {NOM_ZONE[zone]}, {personnes} personne{'s' if personnes > 1 else ''}"
            logement = f"  logement {{ financement = {nom} zone = {zone} }}"
            plafond, erreur = plafond_menage(table, zone, personnes, fin, annee)
            if erreur:
                blocs.append("\n".join([
                    f'test "{titre} : plafond non publié" {{', f"  date {annee}-01-01",
                    *demande(personnes, 10_000), logement,
                    f'  attendu plafond_logement(demande, logement) = erreur "{erreur}"',
                    f'  attendu eligible = erreur "{erreur}"', "}"]))
                continue
            blocs.append("\n".join([
                f'test "{titre} : revenu égal au plafond" {{', f"  date {annee}-01-01",
                *demande(personnes, plafond), logement,
                f"  attendu categorie_menage(demande) = {cat}",
                f"  attendu personnes_supplementaires(demande) = {supplementaires}",
                f"  attendu plafond_logement(demande, logement) = {euros(plafond)}",
                "  attendu règle plafonds.plafond = ok", "}"]))
            blocs.append("\n".join([
                f'test "{titre} : un euro au-dessus du plafond" {{', f"  date {fin_de_mois(annee, personnes)}",
                *demande(personnes, plafond + 1), logement,
                "  attendu règle plafonds.plafond = refus", "}"]))
    return blocs


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


def fichier_tables(plai, plus, pls, publies):
    blocs = [
        "# FICHIER ÉCRIT PAR outils/generer_tests_plafonds.py : ne pas le modifier à la main.",
        "# Chaque case des barèmes de plafonds.loge, comparée aux chiffres de DOMAIN.md",
        "# (§ d.2 PLUS, § d.3 PLAI, § d.4 PLS). Les cases PLS non publiées valent",
        "# PLUS × 1,30 arrondi à l'euro le plus proche (les demis vers le haut).",
        "# Une case « — » (non publiée) est une erreur d'évaluation qui la nomme.",
        'politique "Tests : tables des plafonds de ressources"',
        f"en vigueur du {DEBUT_VIGUEUR}-01-01 au {FIN_VIGUEUR}-12-31",
        "",
        'importe "../../schema/standard.loge"',
        'importe "../plafonds.loge"',
    ]
    for annee in sorted(plai):
        blocs.append("")
        blocs.append(test_table("PLAI", "plai", annee, plai[annee], ""))
    for annee in sorted(plus):
        blocs.append("")
        blocs.append(test_table("PLUS", "plus", annee, plus[annee], ""))
    for annee in sorted(pls):
        pub = publies.get(annee)
        if pub:
            cles = ", ".join(str(c) for c, v in pub.items() if v is not None)
            note = (f"PLS {annee} : autres régions publiées (cases {cles}), identiques au calcul ; "
                    "le reste est dérivé du PLUS.")
        elif annee > FIN_VIGUEUR:
            note = f"PLS {annee} : table à mettre à jour, aucune case publiée."
        else:
            note = f"PLS {annee} : aucune table publiée dans DOMAIN.md, toutes les cases sont dérivées du PLUS."
        blocs.append("")
        blocs.append(test_table("PLS", "pls", annee, pls[annee], note))
    return "\n".join(blocs) + "\n"


def fichier_bornes(plai, plus, pls):
    blocs = [
        "# FICHIER ÉCRIT PAR outils/generer_tests_plafonds.py : ne pas le modifier à la main.",
        "# La règle du plafond de ressources (ressources.loge) pour chaque financement,",
        "# année, zone et taille de ménage : revenu égal au plafond le 1er janvier (ok),",
        "# un euro au-dessus à une fin de mois de l'année (refus) ; là où le plafond",
        "# n'est pas publié (« — »), l'erreur d'évaluation qui nomme la case.",
        "# Ménages : une personne seule (défauts de test), ou un couple (conjoint né",
        "# en 1980, pas un jeune ménage) avec 0 à 5 enfants à charge.",
        'politique "Tests : plafonds de ressources, revenu égal au plafond et un euro au-dessus"',
        f"en vigueur du {DEBUT_VIGUEUR}-01-01 au {FIN_VIGUEUR}-12-31",
        "dates : fin de mois",
        "",
        'importe "../../schema/standard.loge"',
        'importe "../menage.loge"',
        'importe "../plafonds.loge"',
        'importe "../ressources.loge"',
        'importe "defauts.loge"',
    ]
    for nom, fin, tables in (("PLAI", "plai", plai), ("PLUS", "plus", plus), ("PLS", "pls", pls)):
        for annee in range(DEBUT_VIGUEUR, FIN_VIGUEUR + 1):
            for bloc in tests_bornes(nom, fin, annee, tables[annee]):
                blocs.append("")
                blocs.append(bloc)
    return "\n".join(blocs) + "\n"


def main():
    plus = lire_plus()
    plai = lire_plai()
    pls, publies = lire_pls(plus)
    dossier = Path(__file__).resolve().parent.parent / "tests"
    fichiers = {
        dossier / "plafonds-tables.loge": fichier_tables(plai, plus, pls, publies),
        dossier / "plafonds-bornes.loge": fichier_bornes(plai, plus, pls),
    }
    if "--verifier" in sys.argv:
        perimes = [str(f) for f, texte in fichiers.items()
                   if not f.exists() or f.read_text(encoding="utf-8") != texte]
        if perimes:
            sys.exit(f"{', '.join(perimes)} : pas à jour, relancez {Path(__file__).name}")
        for f in fichiers:
            print(f"à jour : {f}")
        return
    for f, texte in fichiers.items():
        f.write_text(texte, encoding="utf-8")
        print(f"écrit : {f}")
    if "--baremes" in sys.argv:
        for nom, table in (("PLAI", plai), ("PLUS", plus), ("PLS", pls)):
            for annee in sorted(table):
                print(f"# {nom} {annee}")
                print(bareme(table[annee], annee))


if __name__ == "__main__":
    main()
