#!/usr/bin/env python3
"""Generate examples/demandes.jsonl: synthetic demandes in the standard schema.

    python3 examples/gen_demandes_exemple.py [--n 3000] [--seed 14069]
                                             [--date 2025-06-30] [-o FILE]

Every person in the output is fictitious. The default size, 3 000 demandes,
is that of a small EPCI's register (Grenoble-Alpes Métropole has about
18 000 pending demandes, ../shared DOMAIN.md section h), large enough for
`loge diff` to show distributions and small enough for the test suite. The distributions (household
composition, resources, current housing, motifs, priority situations) are
plausible orders of magnitude for a French urban area, chosen by hand for
the example; they are not statistics of any real register. The communes are
those of Grenoble-Alpes Métropole (INSEE codes), as in the example logement.

The output is deterministic for a given seed (random.Random, no clock, no
set/dict iteration order dependence) and follows
policies/schema/standard.loge: money as decimal strings ("1650.00"), revenus
fiscaux as integers, dates ISO 8601, enum values by their declared names,
optional values as null (or omitted, for `garde`).

Python 3 standard library only.
"""
import argparse
import datetime as dt
import json
import os
import random

# Communes of Grenoble-Alpes Métropole (code INSEE, relative weight of demand).
COMMUNES = [
    ("38185", 40),  # Grenoble
    ("38151", 10),  # Échirolles
    ("38421", 10),  # Saint-Martin-d'Hères
    ("38169", 6),   # Fontaine
    ("38229", 5),   # Meylan
    ("38382", 5),   # Saint-Égrève
    ("38485", 4),   # Seyssinet-Pariset
    ("38474", 3),   # Sassenage
    ("38158", 4),   # Eybens
    ("38317", 4),   # Le Pont-de-Claix
]

TYPOLOGIES = ["T1", "T2", "T3", "T4", "T5", "T6"]

# Current housing of a first demande (a mutation is always locataire_hlm).
STATUTS = [
    ("locataire_prive", 34), ("chez_parents", 16), ("chez_tiers", 11),
    ("sous_locataire", 4), ("structure_hebergement", 7), ("logement_foyer", 4),
    ("hotel", 2), ("residence_etudiant", 2), ("proprietaire", 3),
    ("loge_gratuit", 3), ("logement_fonction", 1), ("camping", 1),
    ("squat", 1), ("sans_logement", 4),
]

# Monthly income of one adult by professional situation (min, max, €/mois),
# and the share of it that is taxable (minima sociaux and allowances are not).
SITUATIONS_PRO = [
    ("cdi", 30, 1350, 2700, 0.90), ("cdd_interim", 14, 900, 1800, 0.90),
    ("independant", 4, 500, 2600, 0.85), ("apprenti", 2, 700, 1100, 0.0),
    ("etudiant", 3, 300, 800, 0.0), ("chomage", 15, 550, 1300, 0.90),
    ("retraite", 12, 750, 1700, 0.90), ("sans_activite", 15, 0, 650, 0.0),
    ("autre", 5, 300, 1500, 0.5),
]


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for value, w in pairs:
        x -= w
        if x <= 0:
            return value
    return pairs[-1][0]


def money(x):
    return "%.2f" % x


def add_years(d, years):
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def random_date(rng, start, end):
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def birth_date(rng, ref, age_min, age_max):
    age = rng.randint(age_min, age_max)
    born = add_years(ref, -age) - dt.timedelta(days=rng.randrange(1, 365))
    return born


def pick_situation_pro(rng, age):
    if age >= 63:
        return "retraite" if rng.random() < 0.85 else "sans_activite"
    if age <= 25 and rng.random() < 0.25:
        return rng.choice(["etudiant", "apprenti"])
    rows = [(r[0], r[1]) for r in SITUATIONS_PRO if r[0] != "retraite" or age >= 55]
    return weighted(rng, rows)


def adult_income(rng, situation):
    row = next(r for r in SITUATIONS_PRO if r[0] == situation)
    monthly = rng.uniform(row[2], row[3])
    # Taxable annual income (the revenu fiscal de référence of this person).
    rfr = monthly * 12 * row[4] * rng.uniform(0.85, 1.1)
    return monthly, rfr


def numero_unique(rng, depot, seq):
    # Shaped like a numéro unique (department, month and year of filing,
    # sequence, guichet); the numbers are fictitious.
    return "0381%02d%02d%06d%s" % (depot.month, depot.year % 100, seq, rng.choice(["GMETRO", "GCCAS1", "GBAIL2", "GPUBLI"]))


def make_demande(rng, seq, ref):
    depot = random_date(rng, dt.date(2017, 1, 1), ref - dt.timedelta(days=15))
    # Recent demandes are more numerous (older ones were satisfied or
    # lapsed): about 40 % of the stock is over two years old and the mean
    # age is a little over two years (Grenoble agglo: 43 % wait more than
    # two years, average wait about 21 months; DOMAIN.md section h).
    if rng.random() < 0.65:
        depot = random_date(rng, dt.date(2023, 1, 1), ref - dt.timedelta(days=15))
    renouvellement = None
    years = (ref - depot).days // 365
    if years >= 1:
        renouvellement = add_years(depot, years) - dt.timedelta(days=rng.randrange(0, 30))
        if renouvellement <= depot:
            renouvellement = None

    mutation = rng.random() < 0.28
    # Household composition.
    kind = weighted(rng, [("seul", 42), ("monoparental", 22), ("couple", 10),
                          ("couple_enfants", 20), ("autre", 6)])
    age_demandeur = int(min(88, max(18, rng.gauss(42, 14))))
    if kind in ("monoparental", "couple_enfants"):
        age_demandeur = min(age_demandeur, 58)
    demandeur_naissance = birth_date(rng, ref, age_demandeur, age_demandeur)
    sit_pro = pick_situation_pro(rng, age_demandeur)

    couple = kind in ("couple", "couple_enfants")
    if couple:
        sit_fam = weighted(rng, [("marie", 45), ("pacse", 20), ("concubin", 35)])
    elif kind == "monoparental":
        sit_fam = weighted(rng, [("celibataire", 40), ("divorce", 30), ("separe", 25), ("veuf", 5)])
    else:
        sit_fam = weighted(rng, [("celibataire", 65), ("divorce", 18), ("separe", 8), ("veuf", 9)])

    handicap_demandeur = rng.random() < (0.14 if age_demandeur >= 50 else 0.06)
    demandeur = {
        "date_naissance": demandeur_naissance.isoformat(),
        "situation_familiale": sit_fam,
        "situation_professionnelle": sit_pro,
        "handicap": handicap_demandeur,
    }

    monthly_total = 0.0
    rfr_total = 0.0
    m, r = adult_income(rng, sit_pro)
    monthly_total += m
    rfr_total += r

    codemandeur = None
    if couple:
        age_co = int(min(88, max(18, age_demandeur + rng.gauss(-1, 5))))
        sit_pro_co = pick_situation_pro(rng, age_co)
        codemandeur = {
            "lien": "conjoint",
            "date_naissance": birth_date(rng, ref, age_co, age_co).isoformat(),
            "situation_familiale": sit_fam,
            "situation_professionnelle": sit_pro_co,
            "handicap": rng.random() < 0.05,
        }
        m, r = adult_income(rng, sit_pro_co)
        monthly_total += m
        rfr_total += r
    elif kind == "autre" and rng.random() < 0.3:
        # A relative who is not à charge files as co-demandeur.
        age_co = rng.randint(18, 30) if age_demandeur >= 45 else rng.randint(45, 75)
        lien = "enfant" if age_demandeur >= 45 else "ascendant"
        sit_pro_co = pick_situation_pro(rng, age_co)
        codemandeur = {
            "lien": lien,
            "date_naissance": birth_date(rng, ref, age_co, age_co).isoformat(),
            "situation_familiale": "celibataire" if lien == "enfant" else "veuf",
            "situation_professionnelle": sit_pro_co,
            "handicap": rng.random() < 0.05,
        }
        m, r = adult_income(rng, sit_pro_co)
        monthly_total += m
        rfr_total += r

    personnes = []
    if kind in ("monoparental", "couple_enfants"):
        n_enfants = weighted(rng, [(1, 38), (2, 34), (3, 17), (4, 8), (5, 3)])
        for _ in range(n_enfants):
            age_max = max(0, min(24, age_demandeur - 17))
            age_enfant = rng.randint(0, age_max)
            p = {
                "lien": "enfant",
                "date_naissance": birth_date(rng, ref, age_enfant, age_enfant).isoformat(),
                "handicap": rng.random() < 0.03,
                "a_charge": age_enfant < 21 or rng.random() < 0.5,
            }
            if kind == "monoparental" and age_enfant < 18:
                g = rng.random()
                if g < 0.15:
                    p["garde"] = "alternee"
                elif g < 0.20:
                    p["garde"] = "droit_de_visite"
            personnes.append(p)
            monthly_total += rng.uniform(80, 160) if age_enfant < 20 else 0  # allocations
    elif kind == "autre" and codemandeur is None:
        lien = weighted(rng, [("ascendant", 45), ("frere_soeur", 25), ("petit_enfant", 15), ("sans_lien", 15)])
        age_p = {"ascendant": rng.randint(60, 90), "frere_soeur": rng.randint(18, 60),
                 "petit_enfant": rng.randint(0, 17), "sans_lien": rng.randint(18, 70)}[lien]
        personnes.append({
            "lien": lien,
            "date_naissance": birth_date(rng, ref, age_p, age_p).isoformat(),
            "handicap": rng.random() < (0.2 if lien == "ascendant" else 0.04),
            "a_charge": lien in ("ascendant", "petit_enfant") and rng.random() < 0.7,
        })
        monthly_total += rng.uniform(0, 900) if age_p >= 18 else 0

    enfants_a_naitre = 1 if (age_demandeur < 42 and rng.random() < 0.05) else 0
    taille = 1 + (1 if codemandeur else 0) + len(personnes)
    handicap_menage = (handicap_demandeur or (codemandeur and codemandeur["handicap"])
                       or any(p["handicap"] for p in personnes))

    # A few households well above the ceilings (they may still apply).
    if rng.random() < 0.06:
        rfr_total *= rng.uniform(1.6, 2.4)
        monthly_total *= 1.6
    rfr_n2 = int(round(rfr_total))
    rfr_n1 = None
    if rng.random() < 0.7:
        rfr_n1 = int(round(rfr_n2 * rng.choice([rng.uniform(0.95, 1.08), rng.uniform(0.6, 0.9)])))
    ressources = {
        "revenu_fiscal_n2": rfr_n2,
        "revenu_fiscal_n1": rfr_n1,
        "ressources_mensuelles": money(monthly_total),
    }

    # Current housing.
    statut = "locataire_hlm" if mutation else weighted(rng, STATUTS)
    if statut == "residence_etudiant" and age_demandeur > 30:
        statut = "locataire_prive"
    pieces = max(1, min(6, taille - 1 + rng.choice([0, 0, 1, -1])))
    typologie = surface = loyer = occupants = None
    if statut in ("locataire_hlm", "locataire_prive", "sous_locataire", "logement_fonction", "proprietaire"):
        typologie = TYPOLOGIES[pieces - 1]
        surface = max(9.0, 14 + 16 * (pieces - 1) + rng.uniform(-8, 12))
        occupants = taille
        rate = {"locataire_hlm": rng.uniform(5.2, 7.4), "locataire_prive": rng.uniform(9.5, 16.5),
                "sous_locataire": rng.uniform(9, 15), "logement_fonction": rng.uniform(0, 4),
                "proprietaire": None}[statut]
        loyer = None if rate is None else surface * rate
    elif statut in ("chez_parents", "chez_tiers", "loge_gratuit"):
        host = rng.randint(3, 5)
        typologie = TYPOLOGIES[min(5, host - 1)]
        surface = 14 + 16 * (host - 1) + rng.uniform(-10, 10)
        occupants = taille + rng.randint(1, 4)
        loyer = None
    elif statut in ("structure_hebergement", "logement_foyer", "residence_etudiant", "hotel"):
        surface = {"structure_hebergement": rng.uniform(12, 40), "logement_foyer": rng.uniform(14, 30),
                   "residence_etudiant": rng.uniform(12, 22), "hotel": rng.uniform(9, 22)}[statut]
        occupants = taille
        loyer = {"structure_hebergement": None, "logement_foyer": rng.uniform(380, 520),
                 "residence_etudiant": rng.uniform(300, 480), "hotel": rng.uniform(450, 1100)}[statut]
    # camping, squat, sans_logement: nothing to describe.
    if surface is not None and rng.random() < 0.03:
        surface = None  # not filled in
    logement_actuel = {
        "statut": statut,
        "typologie": typologie,
        "surface": None if surface is None else money(surface),
        "loyer_mensuel": None if loyer is None else money(loyer),
        "nombre_occupants": occupants,
    }

    # Priority situations (recognised by a decision or a labelling).
    prioritaires = []
    date_dalo = None
    precaire = statut in ("sans_logement", "squat", "camping", "hotel", "structure_hebergement")
    if rng.random() < (0.12 if precaire else 0.02):
        prioritaires.append("dalo")
        date_dalo = random_date(rng, depot, ref - dt.timedelta(days=1))
    if rng.random() < (0.15 if precaire else 0.03):
        prioritaires.append("pdalhpd")
    if rng.random() < 0.03:
        prioritaires.append("accord_collectif")
    if mutation and rng.random() < 0.06:
        prioritaires.append("relogement_renouvellement_urbain")
    violences = rng.random() < (0.06 if kind in ("monoparental", "seul") else 0.01)
    if violences:
        prioritaires.append("violences_couple")
        if rng.random() < 0.4:
            prioritaires.append("ordonnance_protection")
    if age_demandeur <= 21 and rng.random() < 0.2:
        prioritaires.append("sortie_ase")
    if rng.random() < 0.02:
        prioritaires.append("mal_loge_defavorise")
    if sit_pro in ("cdi", "cdd_interim") and rng.random() < 0.015:
        prioritaires.append("reprise_activite")
    if rng.random() < 0.003:
        prioritaires.append(rng.choice(["victime_traite", "sortie_prostitution", "victime_viol_agression"]))

    # Motifs (declared by the demandeur; one to three).
    motifs = []
    if statut in ("sans_logement", "squat", "camping"):
        motifs.append("sans_logement")
    elif statut in ("chez_parents", "chez_tiers", "structure_hebergement", "logement_foyer", "hotel",
                    "sous_locataire", "loge_gratuit"):
        motifs.append("heberge")
        if statut == "chez_parents" and rng.random() < 0.5:
            motifs.append("decohabitation")
    else:
        if loyer is not None and loyer > 0.33 * max(monthly_total, 1):
            motifs.append("logement_trop_cher")
        if surface is not None and occupants and surface < 9 * occupants + 7:
            motifs.append("logement_trop_petit")
        if taille == 1 and pieces >= 3 and rng.random() < 0.5:
            motifs.append("logement_trop_grand")
        x = rng.random()
        if x < 0.06:
            motifs.append(rng.choice(["logement_non_decent", "logement_insalubre", "local_impropre"]))
            if rng.random() < 0.4:
                prioritaires.append("habitat_indigne")
        elif x < 0.10:
            motifs.append("logement_repris")
        elif x < 0.13:
            motifs.append("expulsion")
            if rng.random() < 0.5:
                prioritaires.append("menace_expulsion")
        elif x < 0.15 and mutation:
            motifs.append("demolition")
    if violences:
        motifs.append("violences_familiales")
    if handicap_menage and rng.random() < 0.6:
        motifs.append("handicap")
    if sit_fam in ("divorce", "separe") and rng.random() < 0.4:
        motifs.append("divorce_separation")
    extras = ["rapprochement_travail", "raisons_sante", "environnement", "rapprochement_famille",
              "rapprochement_services", "mutation_professionnelle", "futur_couple", "regroupement_familial",
              "assistant_maternel", "proprietaire_difficulte", "autre_motif"]
    if not motifs or rng.random() < 0.25:
        extra = rng.choice(extras)
        if extra == "proprietaire_difficulte" and statut != "proprietaire":
            extra = "rapprochement_travail"
        motifs.append(extra)
    motifs = list(dict.fromkeys(motifs))[:3]
    ordre = ["dalo", "pdalhpd", "accord_collectif", "relogement_renouvellement_urbain", "mal_loge_defavorise",
             "reprise_activite", "habitat_indigne", "violences_couple", "ordonnance_protection",
             "suroccupation_enfant", "menace_expulsion", "victime_viol_agression", "victime_traite",
             "sortie_prostitution", "sortie_ase"]
    prioritaires = sorted(set(prioritaires), key=ordre.index)

    # Housing sought.
    n_communes = weighted(rng, [(1, 35), (2, 25), (3, 20), (4, 12), (5, 8)])
    communes = []
    while len(communes) < n_communes:
        c = weighted(rng, COMMUNES)
        if c not in communes:
            communes.append(c)
    besoin = min(6, max(1, taille + enfants_a_naitre - (1 if couple else 0)))
    typologies = []
    if rng.random() > 0.05:
        low = max(1, besoin - (1 if rng.random() < 0.3 else 0))
        high = min(6, besoin + (1 if rng.random() < 0.4 else 0))
        typologies = TYPOLOGIES[low - 1:high]
    logement_recherche = {
        "communes": communes,
        "typologies": typologies,
        "logement_adapte": bool(handicap_menage and rng.random() < 0.4),
    }

    nombre_refus = weighted(rng, [(0, 85), (1, 10), (2, 4), (3, 1)])

    return {
        "id": numero_unique(rng, depot, seq),
        "date_depot": depot.isoformat(),
        "date_renouvellement": None if renouvellement is None else renouvellement.isoformat(),
        "type_demande": "mutation" if mutation else "premiere_demande",
        "demandeur": demandeur,
        "codemandeur": codemandeur,
        "personnes": personnes,
        "enfants_a_naitre": enfants_a_naitre,
        "ressources": ressources,
        "logement_actuel": logement_actuel,
        "motifs": motifs,
        "situations_prioritaires": prioritaires,
        "date_decision_dalo": None if date_dalo is None else date_dalo.isoformat(),
        "logement_recherche": logement_recherche,
        "nombre_refus": nombre_refus,
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3000, help="nombre de demandes (3000)")
    ap.add_argument("--seed", type=int, default=14069, help="graine du générateur (14069)")
    ap.add_argument("--date", default="2025-06-30", help="date de référence des âges et des dépôts")
    ap.add_argument("-o", "--output", default=os.path.join(here, "demandes.jsonl"))
    args = ap.parse_args()
    rng = random.Random(args.seed)
    ref = dt.date.fromisoformat(args.date)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for seq in range(1, args.n + 1):
            f.write(json.dumps(make_demande(rng, seq, ref), ensure_ascii=False) + "\n")
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
