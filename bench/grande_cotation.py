#!/usr/bin/env python3
"""Writes a policy whose cotation has N criteria (default 1 000), to measure
how the compile time grows with the size of a grid:

    python3 bench/grande_cotation.py 2000 > /tmp/grande.loge
    echo '{"id": "a", "age": 40, "revenu": 20000, "dalo": true}' > /tmp/d.jsonl
    time build/compiler/driver/loge --compilation optimisée run /tmp/grande.loge \\
        --demandes /tmp/d.jsonl --date 2025-06-01 --sans-cache --format compact
"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
print('politique "Grande grille (mesure du temps de compilation)"')
print("en vigueur du 2025-01-01")
print("schéma { demande : Demande }")
print("structure Demande { id : texte  age : entier  revenu : montant annuel  dalo : booléen }")
print('cotation c "Grille" {')
for i in range(n):
    if i % 3 == 0:
        print(f"  critère c{i} = {i % 50 + 1} points si demande.age > {i % 90}")
    elif i % 3 == 1:
        print(f"  critère c{i} = {i % 50 + 1} points si demande.revenu < {1000 + i * 7} €/an")
    else:
        print(f"  critère c{i} = {i % 50 + 1} points si demande.dalo et demande.age < {i % 90}")
print("}")
