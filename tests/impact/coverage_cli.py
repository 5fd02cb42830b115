#!/usr/bin/env python3
"""`loge test --coverage` on policies whose coverage is known by construction
(coverage/couverture.loge says, item by item, what its tests exercise, and
coverage/avec-alias.loge, which imports it under an alias, adds one
observation: `enfants` at zero), and
`--junit` checked to be well-formed JUnit XML.

usage: coverage_cli.py LOGE TESTS_IMPACT_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LOGE, HERE = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def loge(*args):
    return subprocess.run([LOGE, *args], cwd=HERE, capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    cov_json = os.path.join(tmp, "couverture.json")
    junit = os.path.join(tmp, "junit.xml")
    r = loge("test", "coverage", "--coverage", "--coverage-json", cov_json, "--junit", junit)
    check(r.returncode == 0, f"exit {r.returncode}: {r.stdout}{r.stderr}")
    out = r.stdout
    check(out.rstrip().endswith("4 passed, 0 failed"), "last line: " + out[-200:])
    # The French report.
    for line in [
        "Couverture des tests",
        "coverage/couverture.loge : 6 sur 9 éléments couverts (66,6 %)",
        "coverage/sans-tests.loge : 0 sur 1 éléments couverts (0,0 %)",
        "non couvert : critère `principale.zone` (ligne 20) : jamais à zéro",
        "non couvert : règle `ressources.plafond` (ligne 25) : jamais en échec (refus ou alerte)",
        "non couvert : ligne de barème `bonus depuis 2024-01-01, ligne « c »` (ligne 11) : jamais consultée",
        "Couverture totale : 6 sur 10 éléments (60,0 %)",
    ]:
        check(line in out, "missing in report: " + line + "\n---\n" + out)
    uncovered = [l for l in out.splitlines() if "non couvert" in l and "couverture.loge" not in l]
    for covered in ["principale.enfants", "ressources.loyer", "sauf si n° 1", "ligne « a »", "ligne « b »"]:
        check(not any(covered in l for l in uncovered), "reported as not covered: " + covered)

    # The JSON file.
    j = json.load(open(cov_json, encoding="utf-8"))
    check((j["couverts"], j["total"]) == (6, 10), f"totals {j['couverts']}/{j['total']}")
    files = {f["fichier"]: f for f in j["fichiers"]}
    check(set(files) == {"coverage/couverture.loge", "coverage/sans-tests.loge"}, f"files {sorted(files)}")
    items = {(e["type"], e["nom"]): e for e in files["coverage/couverture.loge"]["elements"]}
    want = {
        ("critere", "principale.dalo"): True,
        ("critere", "principale.enfants"): True,  # at zero thanks to avec-alias.loge
        ("critere", "principale.zone"): False,
        ("regle", "ressources.plafond"): False,
        ("exception", "ressources.plafond sauf si n° 1"): True,
        ("regle", "ressources.loyer"): True,
        ("ligne_bareme", "bonus depuis 2024-01-01, ligne « a »"): True,
        ("ligne_bareme", "bonus depuis 2024-01-01, ligne « b »"): True,
        ("ligne_bareme", "bonus depuis 2024-01-01, ligne « c »"): False,
    }
    check({k: v["couvert"] for k, v in items.items()} == want, f"items {json.dumps(list(items), ensure_ascii=False)}")
    zone = items[("critere", "principale.zone")]
    check(zone["avec_points"] and not zone["a_zero"], "zone flags")
    check(items[("regle", "ressources.plafond")]["satisfaite"] and not items[("regle", "ressources.plafond")]["en_echec"],
          "plafond flags")

    # JUnit XML: well-formed, one suite per file with tests, counts right,
    # coverage as properties.
    root = ET.parse(junit).getroot()
    check(root.tag == "testsuites" and root.get("tests") == "4" and root.get("failures") == "0"
          and root.get("errors") == "0", f"testsuites {root.attrib}")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    check(set(suites) == {"coverage/avec-alias.loge", "coverage/couverture.loge"}, f"suites {sorted(suites)}")
    suite = suites.get("coverage/couverture.loge")
    props = {p.get("name"): p.get("value") for p in suite.iter("property")} if suite is not None else {}
    check(props == {"couverture.elements": "6/9", "couverture.pourcentage": "66,6 %"}, f"properties {props}")
    check(suite is not None and suite.findall("testcase")[0].get("name").startswith("T1"), "testcase names")
    alias = suites.get("coverage/avec-alias.loge")
    check(alias is not None and not alias.findall(".//property"), "a file without items has no coverage properties")

    # Same coverage whatever the engines compared.
    cov2 = os.path.join(tmp, "interp.json")
    r = loge("test", "coverage", "--engine", "interp", "--coverage-json", cov2)
    check(r.returncode == 0 and open(cov2).read() == open(cov_json).read(), "coverage depends on the engine")

    # Thresholds: 6/10 = 60 %.
    for pct, code in [("60", 0), ("60,0", 0), ("60.1", 1), ("100", 1), ("0", 0)]:
        r = loge("test", "coverage", "--coverage-min", pct)
        check(r.returncode == code, f"--coverage-min {pct}: exit {r.returncode}, expected {code}")
        if code == 1:
            check("couverture insuffisante : 60,0 %" in r.stdout, "threshold message: " + r.stdout[-300:])
    for bad in ["abc", "101", "-1", ""]:  # "": an unset CI variable must not turn the gate off
        r = loge("test", "coverage", "--coverage-min", bad)
        check(r.returncode == 64 and "--coverage-min" in r.stderr, f"--coverage-min {bad}: exit {r.returncode}")

    # A failing test and a policy that does not compile: JUnit <failure> and <error>.
    bad_dir = os.path.join(tmp, "pol")
    os.mkdir(bad_dir)
    with open(os.path.join(bad_dir, "echec.loge"), "w", encoding="utf-8") as f:
        f.write('politique "Échec & <test>"\n\ntest "faux <exprès> & \\"cité\\"" {\n  date 2025-01-01\n'
                '  attendu 1 = 2\n}\n')
    with open(os.path.join(bad_dir, "casse.loge"), "w", encoding="utf-8") as f:
        f.write('politique "Cassée"\ncotation {\n')
    r = subprocess.run([LOGE, "test", bad_dir, "--junit", junit], capture_output=True, text=True)
    check(r.returncode == 1, f"failing suite exit {r.returncode}")
    root = ET.parse(junit).getroot()
    check(root.get("tests") == "2" and root.get("failures") == "1" and root.get("errors") == "1",
          f"failing testsuites {root.attrib}")
    check(len(root.findall(".//failure")) == 1 and len(root.findall(".//error")) == 1, "failure/error elements")
    names = [c.get("name") for c in root.iter("testcase")]
    check('faux <exprès> & "cité"' in names, f"escaped names {names}")
    # The error of a policy that does not compile carries its diagnostics,
    # located; stdout names the file (a CI summary is built from it).
    error = root.find(".//error")
    check("casse.loge:2:" in (error.text or "") or "casse.loge:3:" in (error.text or ""),
          f"compile error without location: {error.text!r}")
    check("casse.loge" in r.stdout and "(compilation)" in r.stdout, f"stdout without the broken file: {r.stdout}")

    # A run that runs no test fails, and says so in the JUnit report too.
    empty_dir = os.path.join(tmp, "sans-test")
    os.mkdir(empty_dir)
    with open(os.path.join(empty_dir, "schema.loge"), "w", encoding="utf-8") as f:
        f.write('politique "Schéma"\nschéma { demande : D }\nstructure D { id : texte }\n')
    r = subprocess.run([LOGE, "test", empty_dir, "--junit", junit], capture_output=True, text=True)
    check(r.returncode == 1, f"no test: exit {r.returncode}")
    root = ET.parse(junit).getroot()
    check(root.get("errors") == "1" and "aucun test" in (root.find(".//error").get("message") or ""),
          f"no test: junit {root.attrib}")

    # A failing test covers nothing: its lookup of an unpublished row (`—`)
    # failed; only a test that expects the error covers the row.
    trous = os.path.join(tmp, "trous.loge")
    policy = ('politique "Trous"\nschéma { demande : D }\nstructure D { id : texte  n : entier }\n'
              'paramètre plafond : barème (n : 1..2) → montant annuel\n  depuis 2024-01-01 :\n'
              '    n | plafond\n    1 | 10_000 €/an\n    2 | —\n'
              'test "un" {\n  date 2025-01-01\n  demande { id = "1" n = 1 }\n  attendu plafond[1] = 10_000 €/an\n}\n')
    failing = 'test "deux" {\n  date 2025-01-01\n  demande { id = "1" n = 2 }\n  attendu plafond[2] = 20_000 €/an\n}\n'
    expecting = ('test "deux" {\n  date 2025-01-01\n  demande { id = "1" n = 2 }\n'
                 '  attendu plafond[2] = erreur "pas publiée"\n}\n')
    for second, code, covered in [(failing, 1, False), (expecting, 0, True)]:
        with open(trous, "w", encoding="utf-8") as f:
            f.write(policy + second)
        r = subprocess.run([LOGE, "test", trous, "--coverage"], capture_output=True, text=True)
        check(r.returncode == code, f"trous: exit {r.returncode}\n{r.stdout}{r.stderr}")
        row = "non couvert : ligne de barème `plafond depuis 2024-01-01, ligne « 2 »`"
        check((row in r.stdout) != covered, f"trous (couverte : {covered})\n{r.stdout}")

    # A report that cannot be written is an output error (64), not a failed test.
    r = loge("test", "coverage", "--junit", os.path.join(tmp, "absent", "r.xml"))
    check(r.returncode == 64, f"unwritable junit: exit {r.returncode}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
