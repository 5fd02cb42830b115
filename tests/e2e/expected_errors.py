#!/usr/bin/env python3
"""`attendu X = erreur "…"` through `loge test`, on every engine choice: a
test that obtains a value, or another error, fails and says what it got;
the expected error passes. The whole demande fails in each test, so the
compiled engine's verdict is compared too (it must fail where the
interpreter fails). JUnit reports the failures.

    expected_errors.py LOGE REPO_ROOT
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LOGE, ROOT = os.path.abspath(sys.argv[1]), sys.argv[2]
DIR = os.path.join(ROOT, "tests", "e2e", "expected_errors")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


for engine in ("both", "interp", "jit"):
    with tempfile.TemporaryDirectory() as tmp:
        junit = os.path.join(tmp, "junit.xml")
        p = subprocess.run([LOGE, "test", "echecs.loge", "--engine", engine, "--junit", junit], cwd=DIR,
                           capture_output=True, text=True, timeout=120)
        out = p.stdout
        where = f"--engine {engine}"
        check(p.returncode == 1, f"{where}: exit {p.returncode}, expected 1\n{out}{p.stderr}")
        check(out.rstrip().endswith("1 passed, 2 failed"), f"{where}: last line\n{out}")
        for line in [
            "  ÉCHEC  Une valeur au lieu de l'erreur attendue",
            "    principale = erreur \"n'est pas publiée\"",
            "      attendu : une erreur d'évaluation dont le message contient « n'est pas publiée »",
            "      obtenu  : 1 point",
            "      (echecs.loge:20:3)",
            "  ÉCHEC  Une autre erreur que celle attendue",
            "      obtenu  : erreur d'évaluation : la clé 9 est hors du barème `taille` (clé `n` de 1 à 6)"
            " (echecs.loge:14:24)",
            "      (echecs.loge:26:3)",
            "  ok     L'erreur attendue",
        ]:
            check(line in out.splitlines(), f"{where}: missing line\n{line}\n---\n{out}")
        check("divergent" not in out, f"{where}: the engines diverge\n{out}")
        suite = ET.parse(junit).getroot().find("testsuite")
        check(suite.get("tests") == "3" and suite.get("failures") == "2", f"{where}: JUnit {suite.attrib}")
        messages = [f.get("message") for f in suite.iter("failure")]
        check(messages == ['principale = erreur "n\'est pas publiée"'] * 2, f"{where}: JUnit messages {messages}")

# A rule of a `pour logement` block, or `eligible`, in a test without a
# logement: not evaluated, which the test says (it printed `non_evalue`, and
# `attendu eligible` passed whatever the resources).
p = subprocess.run([LOGE, "test", "regle-sans-logement.loge"], cwd=DIR, capture_output=True, text=True, timeout=120)
check(p.returncode == 1, f"regle-sans-logement: exit {p.returncode}\n{p.stdout}{p.stderr}")
for line in [
    "    erreur d'évaluation : règle non évaluée : le bloc `acces` ne s'évalue que pour un logement (`pour logement`)"
    " et aucun logement n'est donné ; ajoutez `logement { … }` au test",
    "      (regle-sans-logement.loge:19:3)",
    "    erreur d'évaluation : éligibilité non évaluée : le bloc `acces` ne s'évalue que pour un logement"
    " (`pour logement`) et aucun logement n'est donné ; ajoutez `logement { … }` au test",
    "      (regle-sans-logement.loge:20:15)",
]:
    check(line in p.stdout.splitlines(), f"regle-sans-logement: missing line\n{line}\n---\n{p.stdout}")

# A test dated outside the période de vigueur fails, as `loge run` refuses
# that date, and says what the period is.
p = subprocess.run([LOGE, "test", "hors-vigueur.loge"], cwd=DIR, capture_output=True, text=True, timeout=120)
check(p.returncode == 1 and p.stdout.rstrip().endswith("1 passed, 1 failed"), f"hors-vigueur: exit {p.returncode}\n{p.stdout}")
for line in [
    "    la date du test (2024-06-30) est hors de la période de vigueur de la politique (du 2025-01-01 au 2025-12-31)",
    "      (hors-vigueur.loge:13:1)",
]:
    check(line in p.stdout.splitlines(), f"hors-vigueur: missing line\n{line}\n---\n{p.stdout}")

# One failing value fails three expectations: its error is shown once, with
# the expectations it failed (it was printed three times).
for engine in ("interp", "both"):
    p = subprocess.run([LOGE, "test", "erreur-partagee.loge", "--engine", engine], cwd=DIR, capture_output=True,
                       text=True, timeout=120)
    check(p.returncode == 1, f"erreur-partagee: exit {p.returncode}\n{p.stdout}{p.stderr}")
    lines = p.stdout.splitlines()
    check(lines.count("    erreur d'évaluation : division : division par zéro") == 1, f"erreur-partagee\n{p.stdout}")
    check("      échouent : c = 10 points ; c.d = 10 ; c.e = 5" in lines, f"erreur-partagee\n{p.stdout}")

# A test of one rule evaluates that rule's block only: another block's
# error (a field only it reads) does not fail it.
for engine in ("interp", "both"):
    p = subprocess.run([LOGE, "test", "regle-seule.loge", "--engine", engine], cwd=DIR, capture_output=True, text=True,
                       timeout=120)
    check(p.returncode == 1 and p.stdout.rstrip().endswith("1 passed, 1 failed"), f"regle-seule: {p.stdout}{p.stderr}")
    check("  ok     Logement juste assez grand" in p.stdout.splitlines(), f"regle-seule\n{p.stdout}")

for f in failures:
    print("ÉCHEC :", f)
print(f"expected_errors : {len(failures)} échec(s)")
sys.exit(1 if failures else 0)
