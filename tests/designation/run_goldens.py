#!/usr/bin/env python3
"""Golden outputs of `loge rank`, `loge quota` and `loge position`.

Usage: run_goldens.py LOGE TESTS_DESIGNATION_DIR

Each case runs `loge` in this directory (so paths in messages are relative
and stable), and compares its standard output with golden/NAME.out, its
error output with golden/NAME.err (absent: must be empty) and its exit
status with the case's. LOGE_UPDATE_GOLDENS=1 rewrites the files; the
expected values were checked by hand (README.md) before being committed.
"""
import os
import subprocess
import sys

D = "--date=2025-06-30"
CASES = [
    # name, arguments, exit status
    # Replaying an earlier commission: C, F and Q were deposited after 2024-05-01
    # (checked by hand: B 100 + 2 months, A 3 months, G and P 0).
    ("rank-t3-avant-depots", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes",
                              "data/demandes.jsonl", "--date=2024-05-01"], 0),
    ("rank-t3-avant-depots-json", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes",
                                   "data/demandes.jsonl", "--date=2024-05-01", "--json"], 0),
    ("rank-t3", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes", "data/demandes.jsonl", D], 0),
    ("rank-t3-quota", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes",
                       "data/demandes.jsonl", "--attributions", "data/attributions.jsonl", D], 0),
    ("rank-t3-quota-json", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes",
                            "data/demandes.jsonl", "--attributions", "data/attributions.jsonl", D, "--json"], 0),
    ("rank-t3-quota-interp", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes",
                              "data/demandes.jsonl", "--attributions", "data/attributions.jsonl", D, "--engine",
                              "interp"], 0),
    ("rank-prefet", ["rank", "data/cal.loge", "--logement", "data/logement-prefet.json", "--demandes",
                     "data/demandes.jsonl", D], 0),
    ("rank-insuffisant", ["rank", "data/cal.loge", "--logement", "data/logement-saint-aubin.json", "--demandes",
                          "data/demandes.jsonl", D, "--json"], 0),
    # A classement that orders by the demande's number itself: the
    # engine's tie-break by number is not listed a second time.
    ("rank-par-numero", ["rank", "data/par-numero.loge", "--logement", "data/logement-t3.json", "--demandes",
                         "data/demandes.jsonl", D], 0),
    ("rank-par-numero-json", ["rank", "data/par-numero.loge", "--logement", "data/logement-t3.json", "--demandes",
                              "data/demandes.jsonl", D, "--json"], 0),
    ("quota", ["quota", "data/cal.loge", "--attributions", "data/attributions.jsonl", "--date=2025-12-31"], 0),
    ("quota-2024-json", ["quota", "data/cal.loge", "--attributions", "data/attributions.jsonl", "--periode", "2024",
                         "--date=2025-12-31", "--json"], 0),
    # A semester: the quarterly and monthly groups within it; an annual
    # quota says its period is longer.
    ("quota-2025-s1", ["quota", "data/cal.loge", "--attributions", "data/attributions.jsonl", "--periode", "2025-S1",
                       "--date=2025-12-31"], 0),
    ("quota-2025-s1-json", ["quota", "data/cal.loge", "--attributions", "data/attributions.jsonl", "--periode",
                            "2025-S1", "--date=2025-12-31", "--json"], 0),
    # 2023 precedes the policy's vigueur (2024-01-01): nothing to count, most
    # likely a mistyped year; refused rather than an empty report.
    ("err-quota-periode-hors-vigueur", ["quota", "data/cal.loge", "--attributions", "data/attributions.jsonl",
                                        "--periode", "2023", "--date=2025-12-31"], 64),
    ("position", ["position", "data/cal.loge", "--demande", "data/demande-p.json", "--demandes", "data/demandes.jsonl",
                  "--attributions", "data/attributions.jsonl", D], 0),
    # A statement dated before the demande was deposited (2024-04-10) is refused.
    ("err-position-avant-depot", ["position", "data/cal.loge", "--demande", "data/demande-p.json", "--demandes",
                                  "data/demandes.jsonl", "--date=2024-03-01"], 2),
    ("position-json", ["position", "data/cal.loge", "--demande", "data/demande-p.json", "--demandes",
                       "data/demandes.jsonl", "--attributions", "data/attributions.jsonl", D, "--json"], 0),
    ("position-sans-attributions", ["position", "data/cal.loge", "--demande", "data/demande-p.json", "--demandes",
                                    "data/demandes.jsonl", D], 0),
    # On 2025-04-01 the attributions decided later were not known: left out
    # of the waiting time, and said so.
    ("position-avant-attributions", ["position", "data/cal.loge", "--demande", "data/demande-p.json", "--demandes",
                                     "data/demandes.jsonl", "--attributions", "data/attributions.jsonl",
                                     "--date=2025-04-01"], 0),
    ("position-avant-attributions-json", ["position", "data/cal.loge", "--demande", "data/demande-p.json",
                                          "--demandes", "data/demandes.jsonl", "--attributions",
                                          "data/attributions.jsonl", "--date=2025-04-01", "--json"], 0),
    # A logement in a QPV is outside the premier_quartile quota's population:
    # the report says "not concerned" (it said the group was empty).
    ("rank-t3-qpv-non-concerne", ["rank", "data/cal.loge", "--logement", "data/logement-t3-qpv.json", "--demandes",
                                  "data/demandes.jsonl", "--attributions", "data/attributions.jsonl", D], 0),
    ("rank-t3-qpv-non-concerne-json", ["rank", "data/cal.loge", "--logement", "data/logement-t3-qpv.json",
                                       "--demandes", "data/demandes.jsonl", "--attributions",
                                       "data/attributions.jsonl", D, "--json"], 0),
    # An attribution of 2023, a year before the policy's entry into force:
    # not counted, by the designation nor by any report.
    ("rank-t3-quota-attribution-2023", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes",
                                        "data/demandes.jsonl", "--attributions", "data/attributions-avec-2023.jsonl",
                                        D], 0),
    ("quota-2025-attribution-2023", ["quota", "data/cal.loge", "--attributions", "data/attributions-avec-2023.jsonl",
                                     "--periode", "2025", "--date=2025-12-31"], 0),
    ("quota-attribution-2023-hors-vigueur", ["quota", "data/cal.loge", "--attributions",
                                             "data/attributions-avec-2023.jsonl", "--date=2025-12-31"], 0),
    # A policy in force from 2025-05-01: its annual quotas count the whole of
    # 2025 (the parameters of March and April attributions read on
    # 2025-05-01), not 2024; the designation follows them from its first day.
    ("quota-politique-mi-annee", ["quota", "data/cal-mi-annee.loge", "--attributions", "data/attributions.jsonl",
                                  "--date=2025-12-31"], 0),
    ("rank-politique-mi-annee", ["rank", "data/cal-mi-annee.loge", "--logement", "data/logement-t3.json",
                                 "--demandes", "data/demandes.jsonl", "--attributions", "data/attributions.jsonl",
                                 "--date=2025-05-01"], 0),
    # A quota split by a réservataire that neither the candidate, the
    # logement nor a candidature gives, without schema default: the
    # candidates cannot be ranked by it, and the report says why (the
    # quota read « not en retard », silently).
    ("err-rank-reservataire-inconnu", ["rank", "data/bad/quota-reservataire-inconnu.loge", "--logement",
                                       "data/logement-t3.json", "--demandes", "data/demandes.jsonl",
                                       "--attributions", "data/attributions.jsonl", D], 3),
    # An attribution the quota cannot evaluate is named.
    ("err-quota-date-impossible", ["quota", "data/bad/quota-date-impossible.loge", "--attributions",
                                   "data/bad/attributions-31-janvier.jsonl", "--date=2025-12-31"], 3),
    # Bad inputs: French errors, non-zero exits.
    ("err-logement-absent", ["rank", "data/cal.loge", "--logement", "data/absent.json", "--demandes",
                             "data/demandes.jsonl", D], 2),
    ("err-demandes-malformees", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes",
                                 "data/bad/demandes-malformees.jsonl", D], 2),
    ("err-sans-classement", ["rank", "data/bad/sans-classement.loge", "--logement", "data/logement-t3.json",
                             "--demandes", "data/demandes.jsonl", D], 1),
    ("err-classement-inconnu", ["rank", "data/cal.loge", "--classement", "cal", "--logement",
                                "data/logement-t3.json", "--demandes", "data/demandes.jsonl", D], 64),
    ("err-moteur-inconnu", ["rank", "data/cal.loge", "--engine", "llvm", "--logement", "data/logement-t3.json",
                            "--demandes", "data/demandes.jsonl", D], 64),
    ("err-date-hors-vigueur", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes",
                               "data/demandes.jsonl", "--date=2023-12-31"], 64),
    ("err-sans-quota", ["quota", "data/bad/sans-classement.loge", "--attributions", "data/attributions.jsonl", D], 1),
    ("err-periode-invalide", ["quota", "data/cal.loge", "--attributions", "data/attributions.jsonl", "--periode",
                              "2025-S3", D], 64),
    ("err-attribution-en-double", ["quota", "data/cal.loge", "--attributions", "data/bad/attributions-doubles.jsonl",
                                   D], 2),
    ("err-attribution-incomplete", ["quota", "data/cal.loge", "--attributions",
                                    "data/bad/attribution-incomplete.jsonl", D], 2),
    ("err-sans-similarite", ["position", "data/bad/sans-classement.loge", "--demande", "data/demande-p.json",
                             "--demandes", "data/demandes.jsonl", D], 1),
    ("err-sans-schema-attribution", ["position", "data/bad/sans-attribution.loge", "--demande",
                                     "data/demande-p.json", "--demandes", "data/demandes.jsonl", "--attributions",
                                     "data/attributions.jsonl", D], 64),
    # The policy is sound; the option does not apply to it: a usage error.
    ("err-candidature-sans-schema", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes",
                                     "data/demandes.jsonl", "--candidature", "data/demande-p.json", D], 64),
    ("err-candidats-en-erreur", ["rank", "data/bad/division.loge", "--logement", "data/logement-t3.json",
                                 "--demandes", "data/demandes.jsonl", D], 3),
    # The same demande twice would be ranked, and retained, twice.
    ("err-demande-en-double", ["rank", "data/cal.loge", "--logement", "data/logement-t3.json", "--demandes",
                               "data/bad/demandes-doubles.jsonl", D], 2),
    # …and in a position statement, it would push the demandeur down.
    ("err-position-demande-en-double", ["position", "data/cal.loge", "--demande", "data/demande-p.json",
                                        "--demandes", "data/bad/demandes-doubles.jsonl", D], 2),
    # `retenir logement.places` with -1 places: an evaluation error, not "nobody".
    ("err-retenir-negatif", ["rank", "data/bad/retenir-negatif.loge", "--logement",
                             "data/bad/logement-places-negatives.json", "--demandes", "data/demandes.jsonl", D], 3),
]


def main():
    loge, here = sys.argv[1], sys.argv[2]
    update = os.environ.get("LOGE_UPDATE_GOLDENS") == "1"
    failures = 0
    for name, args, status in CASES:
        p = subprocess.run([loge] + args, cwd=here, capture_output=True, text=True, timeout=120)
        out_path = os.path.join(here, "golden", name + ".out")
        err_path = os.path.join(here, "golden", name + ".err")
        if update:
            with open(out_path, "w") as f:
                f.write(p.stdout)
            if p.stderr:
                with open(err_path, "w") as f:
                    f.write(p.stderr)
            elif os.path.exists(err_path):
                os.remove(err_path)
        want_out = open(out_path).read() if os.path.exists(out_path) else ""
        want_err = open(err_path).read() if os.path.exists(err_path) else ""
        problems = []
        if p.returncode != status:
            problems.append(f"code de sortie {p.returncode}, attendu {status}")
        if p.stdout != want_out:
            problems.append("sortie standard différente de " + out_path)
        if p.stderr != want_err:
            problems.append("sortie d'erreur différente de " + err_path)
        if problems:
            failures += 1
            print(f"ÉCHEC {name} : " + " ; ".join(problems))
            print("--- stdout ---\n" + p.stdout + "--- stderr ---\n" + p.stderr)
        else:
            print(f"ok {name}")
    print(f"{len(CASES) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
