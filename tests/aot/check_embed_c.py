#!/usr/bin/env python3
"""examples/embed-c, linked against the AOT artifact alone:

1. prints the expected results (examples/embed-c/expected.txt, worked out by
   hand from bench/workload.loge);
2. agrees with `loge run` (both engines) on the same demandes;
3. has no LLVM or ANTLR in its dynamic dependencies or its symbols.
"""
import json
import subprocess
import sys

embed, loge, root = sys.argv[1:4]
failures = []

out = subprocess.run([embed], capture_output=True, text=True)
if out.returncode != 0:
    failures.append(f"embed-c exited with {out.returncode}: {out.stderr}")
expected = open(f"{root}/examples/embed-c/expected.txt", encoding="utf-8").read()
if out.stdout != expected:
    failures.append(f"embed-c output differs from expected.txt:\n{out.stdout}\n--- expected ---\n{expected}")


def number(v):
    # loge run prints exact decimals as JSON numbers; integers here.
    return str(v)


for engine in ("interp", "jit"):
    run = subprocess.run([loge, "run", f"{root}/bench/workload.loge", "--demandes",
                          f"{root}/examples/embed-c/demandes.jsonl", "--logement",
                          f"{root}/bench/logement_plus.json", "--date", "2025-06-30", "--engine", engine],
                         capture_output=True, text=True)
    if run.returncode != 0:
        failures.append(f"loge run --engine {engine} failed: {run.stderr}")
        continue
    lines = []
    for line in run.stdout.splitlines():
        r = json.loads(line)
        c = r["cotation"]["principale"]
        crit = c["criteres"]
        lines.append(f"{r['id']} cotation={number(c['total'])} dalo={number(crit['dalo'])} "
                     f"sur_occupation={number(crit['sur_occupation'])} taux_effort={number(crit['taux_effort'])} "
                     f"anciennete={number(crit['anciennete'])} refus={number(crit['refus'])} "
                     f"eligible={'oui' if r['eligible'] else 'non'} "
                     f"alerte_taux_effort={'oui' if 'cal.taux_effort' in r['alertes'] else 'non'}")
    if "\n".join(lines) + "\n" != out.stdout:
        failures.append(f"embed-c and loge run --engine {engine} disagree:\n{out.stdout}\n--- loge run ---\n"
                        + "\n".join(lines))

ldd = subprocess.run(["ldd", embed], capture_output=True, text=True).stdout
nm = subprocess.run(["nm", "-C", embed], capture_output=True, text=True).stdout
for word in ("LLVM", "antlr"):
    if word.lower() in ldd.lower():
        failures.append(f"embed-c depends on {word} at run time:\n{ldd}")
    if f"{word}::" in nm or f"{word.lower()}4::" in nm:
        failures.append(f"embed-c contains {word} symbols")

if failures:
    print("\n\n".join(failures))
    sys.exit(1)
print("embed-c: 4 demandes, identical to expected.txt and to loge run (interp, jit); no LLVM/ANTLR")
