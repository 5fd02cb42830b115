#!/usr/bin/env python3
"""End-to-end: every kind of evaluation error is reported for its demande,
with its message and its place in the policy, by both engines; `loge run`
says how many demandes failed and why (exit 3), and the other demandes'
results are exact and unaffected.

    eval_errors.py LOGE REPO_ROOT

tests/e2e/eval_errors/politique.loge triggers one kind per value of `cas`:
1 overflow (i64 × i64), 2 division by zero, 3 a date beyond 9999-12-31,
4 a day missing from the month of arrival (no `dates :` rule), 5 a
parameter without value at the date asked (`p au (D)`), 6 a barème key
outside its declared interval, 7 an unpublished barème cell (`—`),
8 the policy's own `erreur "…"`. The expected results of OK1, OK2 and OK3
were worked out by hand: base 5 points; OK2 adds arrondi(100 ÷ 8 = 12,5,
1, au plus proche) = 13 (halves away from zero); OK3 adds taille[3] = 1.
The same policy is run from the working directory of the data, so that
places read `politique.loge:L:C`.
"""
import os
import subprocess
import sys

LOGE, ROOT = os.path.abspath(sys.argv[1]), sys.argv[2]
DIR = os.path.join(ROOT, "tests", "e2e", "eval_errors")
expected_out = open(os.path.join(DIR, "attendu.jsonl"), encoding="utf-8").read()
expected_err = open(os.path.join(DIR, "attendu.stderr"), encoding="utf-8").read()

failures = []
for engine in ("interp", "jit", "auto"):
    p = subprocess.run([LOGE, "run", "politique.loge", "--demandes", "demandes.jsonl", "--date", "2025-06-30",
                        "--engine", engine], cwd=DIR, capture_output=True, text=True, timeout=120)
    if p.returncode != 3:
        failures.append(f"--engine {engine}: exit {p.returncode}, expected 3\n{p.stderr}")
    if p.stdout != expected_out:
        failures.append(f"--engine {engine}: results differ from attendu.jsonl:\n{p.stdout}")
    if p.stderr != expected_err:
        failures.append(f"--engine {engine}: summary differs from attendu.stderr:\n{p.stderr}")

# Each kind appears in the expected output with its place: the expected
# files themselves cannot lose a case unnoticed.
for needle in ("dépassement de capacité", "division par zéro", "9999-12-31", "le 31 février 2024 n'existe pas",
               "n'a pas de valeur en vigueur", "hors du barème", "n'est pas publiée", "cas 8 refusé",
               "8 demande(s) sur 11"):
    if needle not in expected_out + expected_err:
        failures.append(f"attendu.* lacks {needle!r}")

if failures:
    print("\n\n".join(failures))
    sys.exit(1)
print("8 kinds of evaluation error reported identically by both engines; 3 demandes exact")
