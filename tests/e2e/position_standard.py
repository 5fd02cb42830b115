#!/usr/bin/env python3
"""`loge position` with the standard schema's similarity (policies/schema).

A demande that names no typology accepts them all: it is similar to any
demande of the same commune, whatever that one's typologies, and is ranked
among them. Before `typologies_acceptees`, an empty list had nothing in
common with any other, and such a demandeur was told « la seule, en 1re
position » while a demande with more points waited for the same dwellings.

    position_standard.py LOGE REPO
"""
import json
import pathlib
import subprocess
import sys
import tempfile

loge, repo = sys.argv[1], pathlib.Path(sys.argv[2])
policy = repo / "policies/grenoble/grenoble.loge"
base = json.loads((repo / "examples/demande-exemple.json").read_text(encoding="utf-8"))


def demande(ident, typologies, dalo):
    d = json.loads(json.dumps(base))
    d["id"] = ident
    d["logement_recherche"]["typologies"] = typologies
    d["situations_prioritaires"] = ["dalo"] if dalo else []
    return d


failures = []
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    cases = [
        # (the demandeur's typologies, the other's): both similar, the other ahead
        ([], []),
        ([], ["T3"]),
        (["T3"], []),
    ]
    for mine, other in cases:
        me = demande("MOI", mine, False)
        (tmp / "moi.json").write_text(json.dumps(me), encoding="utf-8")
        lines = [json.dumps(me), json.dumps(demande("AUTRE", other, True))]
        (tmp / "demandes.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        for engine in ("interp", "jit"):
            out = subprocess.run([loge, "position", str(policy), "--demande", str(tmp / "moi.json"), "--demandes",
                                  str(tmp / "demandes.jsonl"), "--date", "2025-06-30", "--json",
                                  "--engine", engine], capture_output=True, text=True)
            if out.returncode != 0:
                failures.append(f"{mine} / {other} ({engine}) : code {out.returncode}\n{out.stderr}")
                continue
            report = json.loads(out.stdout)
            rang = report.get("position", {})
            if (rang.get("rang"), rang.get("sur")) != (2, 2):
                failures.append(f"{mine} / {other} ({engine}) : attendu 2e sur 2, obtenu {rang}")

for f in failures:
    print(f)
print(f"position_standard : {len(failures)} échec(s)")
sys.exit(1 if failures else 0)
