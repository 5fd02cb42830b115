#!/usr/bin/env python3
"""Texts typed decomposed (a letter, then a combining accent: macOS, PDF
copies, some exports) compare equal to the precomposed ones, by both engines.

Oracle: Python's unicodedata. For every ASCII letter followed by every
combining accent U+0300–U+036F, a demande holds the decomposed text and
Python's NFC form of it; Loge composes the letters of Latin-1 and Latin
Extended-A (U+00C0–U+017F), so the two compare equal exactly when NFC gives
one such letter, or leaves the text as it was. The policy's source itself
is written decomposed, to check that a policy reads the same either way.
    nfc_oracle.py LOGE
"""
import json
import os
import string
import subprocess
import sys
import tempfile
import unicodedata

loge = sys.argv[1]
NFD_SCHEMA = "sche\u0301ma"  # « schéma » decomposed: the source is composed when read
policy = f"""politique "Textes décomposés"
{NFD_SCHEMA} {{ demande : Demande }}
structure Demande {{ id : texte  texte : texte  forme_nfc : texte }}
cotation egalite {{ critère egal = 1 point si demande.texte = demande.forme_nfc }}
cotation litteral {{ critère evry = 1 point si demande.texte = "E\u0301vry" }}
"""
rows, expected = [], {}
for letter in string.ascii_letters:
    for mark in range(0x300, 0x370):
        nfd = letter + chr(mark)
        nfc = unicodedata.normalize("NFC", nfd)
        ident = f"{letter}{mark:04X}"
        composed_by_loge = len(nfc) == 1 and 0xC0 <= ord(nfc) <= 0x17F
        expected[ident] = (1 if composed_by_loge or nfc == nfd else 0, 0)
        rows.append({"id": ident, "texte": nfd, "forme_nfc": nfc})
rows.append({"id": "evry", "texte": "\u00c9vry", "forme_nfc": "x"})
expected["evry"] = (0, 1)

with tempfile.TemporaryDirectory() as tmp:
    pol = os.path.join(tmp, "p.loge")
    dem = os.path.join(tmp, "d.jsonl")
    with open(pol, "w", encoding="utf-8") as f:
        f.write(policy)
    with open(dem, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    failures = 0
    for engine in ("interp", "jit"):
        out = subprocess.run([loge, "run", pol, "--demandes", dem, "--date", "2025-01-01", "--engine", engine],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{engine}: exit {out.returncode}\n{out.stderr}")
            sys.exit(1)
        seen = 0
        for line in out.stdout.splitlines():
            r = json.loads(line)
            got = (int(r["cotation"]["egalite"]["total"]), int(r["cotation"]["litteral"]["total"]))
            want = expected[r["id"]]
            seen += 1
            if got != want:
                failures += 1
                if failures <= 10:
                    print(f"{engine} {r['id']}: {got}, attendu {want}")
        if seen != len(rows):
            print(f"{engine}: {seen} résultats pour {len(rows)} demandes")
            sys.exit(1)
    composed = sum(1 for v in expected.values() if v[0] == 1)
    print(f"{len(rows)} demandes, dont {composed} égales à leur forme NFC ; {failures} écarts")
    sys.exit(1 if failures else 0)
