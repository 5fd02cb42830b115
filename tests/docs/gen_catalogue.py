#!/usr/bin/env python3
"""Generates the table of docs/reference/diagnostics.md from the registry of
diagnostics, compiler/diag/include/loge/diag/diagnostic_kinds.def.

    gen_catalogue.py [--racine DÉPÔT]            rewrite the table in place
    gen_catalogue.py [--racine DÉPÔT] --check    exit 1 if it is out of date

The table lies between the two marker comments below; the rest of the page
(one `### CODE` section per diagnostic, written by hand) is not touched. The
check also verifies that every code of the registry has its section, and
that no section documents a code the registry does not have.
"""

import argparse
import difflib
import re
import sys
from pathlib import Path

DEF = Path("compiler/diag/include/loge/diag/diagnostic_kinds.def")
PAGE = Path("docs/reference/diagnostics.md")
BEGIN = "<!-- catalogue : début (généré par tests/docs/gen_catalogue.py à partir de diagnostic_kinds.def ; ne pas modifier à la main) -->"
END = "<!-- catalogue : fin -->"

ENTRY = re.compile(r'^LOGE_DIAG\(\s*(\w+)\s*,\s*"([EW]\d{4})"\s*,\s*Severity::(\w+)\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)')
GROUP = re.compile(r"^//\s*----\s*(.+?)\s*$")
SECTION = re.compile(r"^### ([EW]\d{4})\s*$", re.M)

GROUPS = {
    "files": "fichiers",
    "syntax": "syntaxe",
    "names and modules": "noms et modules",
    "types": "types",
    "declarations": "déclarations",
    "tests": "tests",
    "warnings": "avertissements",
}
SEVERITIES = {"Error": "erreur", "Warning": "avertissement", "Note": "note"}


def read_registry(root):
    entries = []
    group = ""
    for line in (root / DEF).read_text(encoding="utf-8").splitlines():
        g = GROUP.match(line)
        if g:
            group = GROUPS.get(g.group(1), g.group(1))
            continue
        m = ENTRY.match(line)
        if m:
            name, code, severity, fmt = m.groups()
            fmt = fmt.replace('\\"', '"').replace("\\\\", "\\")
            entries.append((code, SEVERITIES.get(severity, severity), group, name, fmt))
    if not entries:
        raise SystemExit(f"{DEF} : aucun diagnostic trouvé")
    return entries


def message(fmt):
    text = fmt.replace("{}", "…").replace("|", "\\|")
    return text if text != "…" else "*(message propre à chaque cas)*"


def table(entries):
    lines = [BEGIN, "", "| code | gravité | étape | message |", "|---|---|---|---|"]
    for code, severity, group, _name, fmt in entries:
        lines.append(f"| [{code}](#{code.lower()}) | {severity} | {group} | {message(fmt)} |")
    lines += ["", END]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--racine", default=str(Path(__file__).resolve().parents[2]), help="racine du dépôt")
    ap.add_argument("--check", action="store_true", help="vérifier seulement")
    args = ap.parse_args()
    root = Path(args.racine)
    entries = read_registry(root)
    page = (root / PAGE).read_text(encoding="utf-8")
    if BEGIN not in page or END not in page:
        print(f"{PAGE} : marqueurs du catalogue introuvables ({BEGIN!r} … {END!r})")
        return 1
    start = page.index(BEGIN)
    end = page.index(END) + len(END)
    current = page[start:end]
    wanted = table(entries)
    problems = []
    codes = [e[0] for e in entries]
    sections = SECTION.findall(page)
    for code in codes:
        if code not in sections:
            problems.append(f"le code {code} n'a pas de section `### {code}`")
    for code in sections:
        if code not in codes:
            problems.append(f"la section `### {code}` documente un code absent de {DEF}")
    for code in set(sections):
        if sections.count(code) > 1:
            problems.append(f"le code {code} a plusieurs sections")
    if args.check:
        if current != wanted:
            diff = difflib.unified_diff(current.splitlines(), wanted.splitlines(), "page", "registre", lineterm="")
            problems.insert(0, "la table n'est pas à jour ; lancez tests/docs/gen_catalogue.py\n" + "\n".join(diff))
        for p in problems:
            print(f"{PAGE} : {p}")
        if not problems:
            print(f"{PAGE} : catalogue à jour ({len(codes)} diagnostics)")
        return 1 if problems else 0
    if current != wanted:
        (root / PAGE).write_text(page[:start] + wanted + page[end:], encoding="utf-8")
        print(f"{PAGE} : table régénérée ({len(codes)} diagnostics)")
    for p in problems:
        print(f"{PAGE} : {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
