#!/usr/bin/env python3
"""End-to-end: every malformed input, policy or data, gets a clear French
error with its location and a non-zero exit; never a crash or a hang.

    bad_inputs.py LOGE REPO_ROOT
"""
import json
import os
import subprocess
import sys
import tempfile

LOGE, ROOT = sys.argv[1], sys.argv[2]
POLICY = os.path.join(ROOT, "bench", "workload.loge")
LOGEMENT = os.path.join(ROOT, "bench", "logement_plus.json")
GOOD = json.loads(open(os.path.join(ROOT, "bench", "data", "demandes_edge.jsonl")).readline())

failures = []


def run(args, stdin=None):
    p = subprocess.run([LOGE] + args, capture_output=True, text=True, timeout=60, input=stdin)
    return p.returncode, p.stdout, p.stderr


def case(name, args, code, *needles, stream="stderr"):
    rc, out, err = run(args)
    text = err if stream == "stderr" else out
    problems = []
    if rc != code:
        problems.append("exit %d, expected %d" % (rc, code))
    if rc < 0 or rc >= 128:
        problems.append("crashed (signal)")
    for n in needles:
        if n not in text:
            problems.append("missing %r" % n)
    if "terminate called" in err or "Segmentation" in err:
        problems.append("crash message")
    if problems:
        failures.append("%s: %s\n--- stdout\n%s--- stderr\n%s" % (name, "; ".join(problems), out[:2000], err[:2000]))


tmp = tempfile.mkdtemp()


def write(name, text, mode="w"):
    path = os.path.join(tmp, name)
    with open(path, mode) as f:
        f.write(text)
    return path


def demandes(*lines):
    return write("d.jsonl", "".join(l + "\n" for l in lines))


def good_with(mutate):
    d = json.loads(json.dumps(GOOD))
    mutate(d)
    return json.dumps(d, ensure_ascii=False)


base = ["run", POLICY, "--logement", LOGEMENT, "--date", "2025-06-30", "--demandes"]

# --- data
case("json malformé (ligne 2)", base + [demandes(json.dumps(GOOD), '{"id": "X", "menage": ')], 2, ":2:", "JSON")
case("mauvais type", base + [demandes(good_with(lambda d: d["menage"].__setitem__("nb_adultes", "deux")))], 2,
     ":1:", "menage.nb_adultes", "entier")
case("champ obligatoire absent", base + [demandes(good_with(lambda d: d["menage"].pop("ressources_mensuelles")))], 2,
     "menage.ressources_mensuelles", "absent")
case("champ inconnu", base + [demandes(good_with(lambda d: d["menage"].__setitem__("nb_enfant", 1)))], 2,
     "nb_enfant", "inconnu")
case("borne", base + [demandes(good_with(lambda d: d["menage"].__setitem__("nb_adultes", 0)))], 2,
     "menage.nb_adultes")
case("date invalide", base + [demandes(good_with(lambda d: d.__setitem__("date_depot", "2025-02-30")))], 2,
     "date_depot")
case("nombre en exposant", base + [demandes(good_with(lambda d: d["menage"].__setitem__("ressources_mensuelles", 1234.5))
                                          .replace("1234.5", "1.2345e3"))],
     2, "menage.ressources_mensuelles")
case("fichier de demandes absent", base + [os.path.join(tmp, "absent.jsonl")], 2, "absent.jsonl")
case("logement invalide", ["run", POLICY, "--logement", write("l.json", '{"id": "L", "loyer_mensuel": "abc"}'),
                           "--date", "2025-06-30", "--demandes", demandes(json.dumps(GOOD))], 2, "loyer_mensuel")
case("logement : tous ses problèmes", ["run", POLICY, "--logement",
                                      write("l2.json", '{"id": 5, "loyer_mensuel": "abc", "x": 1}'), "--date",
                                      "2025-06-30", "--demandes", demandes(json.dumps(GOOD))], 2,
     "l2.json:1:8: erreur: champ `id`", "l2.json:1:28: erreur: champ `loyer_mensuel`", "champ inconnu `x`")
case("demande : tous les problèmes de la ligne",
     base + [demandes(good_with(lambda d: (d["menage"].__setitem__("nb_adultes", "deux"),
                                           d.__setitem__("date_depot", "2025-02-30"))))], 2,
     "champ `date_depot`", "champ `menage.nb_adultes`")
case("date hors vigueur", ["run", POLICY, "--date", "2010-01-01", "--demandes", demandes(json.dumps(GOOD))], 64,
     "période de vigueur")
case("date mal formée", ["run", POLICY, "--date", "30/06/2025", "--demandes", demandes(json.dumps(GOOD))], 64, "date invalide",
     "2025-06-30")
case("demandes sans leur option", ["run", POLICY, demandes(json.dumps(GOOD)), "--date", "2025-06-30"], 64,
     "l'option --demandes est obligatoire", "aide : un fichier de données se donne avec son option : `--demandes ")
case("option d'une autre commande (--demande pour run)",
     ["run", POLICY, "--demande", demandes(json.dumps(GOOD)), "--date", "2025-06-30"], 64,
     "l'option --demandes est obligatoire", "vouliez-vous dire `--demandes` ?")
case("option d'une autre commande (--demandes pour explain)",
     ["explain", POLICY, "--demandes", demandes(json.dumps(GOOD)), "--date", "2025-06-30"], 64,
     "l'option --demande est obligatoire", "`loge explain` prend une seule demande")
# `position` takes both --demande and --demandes: no suggestion to swap them.
rc, out, err = run(["position", POLICY, "--demande", demandes(json.dumps(GOOD)), "--date", "2025-06-30"])
if rc != 64 or "l'option --demandes est obligatoire" not in err or "vouliez-vous dire" in err:
    failures.append("position sans --demandes : exit %d\n%s" % (rc, err))
case("option mal orthographiée", base + [demandes(json.dumps(GOOD)), "--logements", LOGEMENT], 64,
     "option inconnue : --logements", "vouliez-vous dire `--logement` ?")
case("données à la place de la politique", ["check", demandes(json.dumps(GOOD))], 1,
     "est un fichier de données, pas une politique")

# --- policies
case("politique absente", ["check", os.path.join(tmp, "absente.loge")], 1, "absente.loge")
case("politique non UTF-8", ["check", write("latin1.loge", 'politique "Caf\xe9"\n'.encode("latin-1"), "wb")], 1, "UTF-8")
case("dossier au lieu d'un fichier", ["check", tmp], 1)
# The hints that read a line's text (a date in words, a barème band) on a
# very long line: an error with its location, not a crash.
case("longue ligne après une date en lettres", ["check", write("date-longue.loge", 'politique "p"\n'
     'définition x : texte = le 1 ' + "a" * 200000 + ' 2024\n')], 1, "date-longue.loge:2:")
case("longue tranche de barème", ["check", write("tranche-longue.loge", 'politique "p"\nschéma { demande : D }\n'
     'structure D { t : décimal }\nparamètre b "B" : barème (t : décimal) → entier\n  depuis 2025-01-01 :\n'
     '    t | points\n    plus de ' + "1 + " * 50000 + '1 | 20\n')], 1, "tranche-longue.loge:7:5")
# A flat chain of 200 000 additions: refused at once (E0110), where it once
# took hours (quadratic tree building) and would then overflow the stack.
case("expression très longue", ["check", write("long.loge", 'politique "long"\ndéfinition x : entier = ' +
                                              " + ".join(["1"] * 200000) + "\n")], 1, "[E0110]")
# An endless stream is read only up to the size limit (it once filled memory).
if os.path.exists("/dev/zero"):
    case("importation d'un flux sans fin", ["check", write("zero.loge", 'politique "z"\nimporte "/dev/zero"\n')], 1,
         "zero.loge:2:1", "taille maximale")
    # …and so are demandes from a stream without line breaks (it was read forever).
    case("demandes d'un flux sans fin", base + ["/dev/zero"], 2, "sans fin de ligne")
deep = 'politique "profond"\ndéfinition x : entier = ' + "(" * 5000 + "1" + ")" * 5000 + "\n"
case("imbrication profonde", ["check", write("deep.loge", deep)], 1, "imbriquée")
chain = 'politique "chaîne"\ndéfinition x : entier = ' + "si vrai alors 1 sinon " * 3000 + "0\n"
case("chaîne de si très longue", ["check", write("chain.loge", chain)], 1, "imbriquée")
case("erreur de syntaxe", ["check", write("syntax.loge", 'politique "x"\ncotation c {\n  critère a = 1 point si\n}\n')], 1,
     "syntax.loge:4:1", "erreur")
case("une ligne par diagnostic", ["--une-ligne", "check", write("u.loge", 'définition x : entier = y\n')], 1,
     "u.loge:1:25: erreur: nom inconnu `y` [E0201]")
case("évaluation : division par zéro",
     ["run", write("div.loge", open(POLICY, encoding="utf-8").read().replace(
         "définition nb_personnes : entier =",
         "définition zero : entier = 0\ndéfinition inutile : décimal = 1 ÷ zero\ndéfinition nb_personnes : entier =").replace(
         "= 20 points si demande.menage.grossesse", "= 20 points si demande.menage.grossesse et inutile > 0")),
      "--date", "2025-06-30", "--demandes", demandes(good_with(lambda d: d["menage"].__setitem__("grossesse", True)), json.dumps(GOOD))],
     3, "division par zéro", "1 demande(s) sur 2")
case("option inconnue", ["run", "--nimporte"], 64)

# --- outputs: a write that fails is an error; an output is never an input.
ok_demandes = demandes(json.dumps(GOOD))
if os.path.exists("/dev/full"):
    case("--sortie sur un disque plein", base + [ok_demandes, "--sortie", "/dev/full"], 64, "impossible d'écrire")
    p = subprocess.run(" ".join([LOGE] + base + [ok_demandes]) + " > /dev/full", shell=True, capture_output=True,
                       text=True, timeout=60)
    if p.returncode != 64 or "sortie standard" not in p.stderr:
        failures.append("sortie standard pleine : exit %d\n%s" % (p.returncode, p.stderr))
    if not os.path.exists("/dev/full") or os.path.isfile("/dev/full"):
        failures.append("--sortie /dev/full a remplacé le périphérique par un fichier")
copy = write("entree.jsonl", json.dumps(GOOD) + "\n")
case("--sortie égale à l'entrée", base + [copy, "--sortie", copy], 64, "est aussi un fichier d'entrée")
if open(copy).read() != json.dumps(GOOD) + "\n":
    failures.append("--sortie égale à l'entrée : l'entrée a été modifiée")
# `loge fmt` through a symbolic link formats the file it points to, and the link stays.
target = write("vraie.loge", 'politique "x"\ndéfinition   a : entier = 1\n')
link = os.path.join(tmp, "lien.loge")
os.symlink(target, link)
case("fmt d'un lien symbolique", ["fmt", link], 0, stream="stdout")
if not os.path.islink(link) or "définition a : entier = 1" not in open(target).read():
    failures.append("fmt d'un lien : le lien est remplacé ou sa cible pas formatée")

# `loge fmt` reports a file it cannot read as `loge check` does: located, with its code.
latin1 = os.path.join(tmp, "latin1.loge")
with open(latin1, "wb") as out:
    out.write('politique "Crit\u00e8res"\n'.encode("latin-1"))
case("fmt d'un fichier qui n'est pas en UTF-8", ["fmt", latin1], 1, "latin1.loge:1:", "[E0002]")
if open(latin1, "rb").read() != 'politique "Crit\u00e8res"\n'.encode("latin-1"):
    failures.append("fmt d'un fichier en latin-1 : le fichier a été modifié")
case("fmt d'un fichier absent", ["fmt", os.path.join(tmp, "absent.loge")], 1, "absent.loge: erreur:", "[E0001]")

# A test run that runs no test must not pass: CI pointed at the wrong folder.
os.mkdir(os.path.join(tmp, "vide"))
case("loge test sur un dossier sans politique", ["test", os.path.join(tmp, "vide")], 64, "aucun fichier .loge")
# `loge test` without a path, where there is no policies/ folder.
p = subprocess.run([os.path.abspath(LOGE), "test"], cwd=os.path.join(tmp, "vide"), capture_output=True, text=True, timeout=60)
if p.returncode != 64 or "aucune politique donnée" not in p.stderr:
    failures.append("loge test sans chemin ni dossier policies/ : exit %d\n%s" % (p.returncode, p.stderr))
case("loge test sans bloc test", ["test", write("sans-test.loge", 'politique "x"\ndéfinition a : entier = 1\n')], 1,
     "aucun test exécuté", "sans-test.loge")
# A closed standard output is an output error (64), not an internal one (70).
p = subprocess.run("exec >&-; " + " ".join([LOGE, "test", os.path.join(ROOT, "tests", "lang", "cotation.loge")]),
                   shell=True, capture_output=False, stderr=subprocess.PIPE, text=True, timeout=120)
if p.returncode != 64 or "interne" in p.stderr:
    failures.append("loge test, sortie standard fermée : exit %d\n%s" % (p.returncode, p.stderr))
# UTF-16 (a spreadsheet's « Texte Unicode »), with or without byte order mark:
# said as such, not as a stray carriage return or a U+0000.
utf16 = json.dumps(GOOD) + "\n"
case("JSON Lines en UTF-16", ["run", POLICY, "--date", "2025-06-30", "--demandes",
                              write("u16.jsonl", utf16.encode("utf-16"), "wb")], 2, "UTF-16")
case("CSV en UTF-16 sans BOM", ["run", POLICY, "--date", "2025-06-30", "--demandes",
                                write("u16.csv", "id;date_depot\nA;2024-01-01\n".encode("utf-16-le"), "wb")], 2,
     "UTF-16")
case("--nom vide", ["compile", POLICY, "-o", os.path.join(tmp, "aot"), "--nom", ""], 64, "valeur vide pour l'option --nom")
# An empty value (`--logement "$L"`, $L unset) is refused, not taken for an
# option not given: eligibility was silently skipped.
case("--logement vide", ["run", POLICY, "--date", "2025-06-30", "--demandes", os.path.join(ROOT, "examples", "demandes.jsonl"),
                         "--logement", ""], 64, "valeur vide pour l'option --logement")
case("--attributions vide", ["rank", POLICY, "--date", "2025-06-30", "--demandes",
                             os.path.join(ROOT, "examples", "demandes.jsonl"), "--logement",
                             os.path.join(ROOT, "examples", "logement-t3-plus.json"), "--attributions", ""], 64,
     "valeur vide pour l'option --attributions")
# A policy without the schema a verb reads: `bench` crashed (SIGSEGV), and
# with --logement printed an empty message.
sans_schema = write("sans-schema.loge", 'politique "x"\nen vigueur du 2024-01-01\n')
sans_logement = write("sans-logement.loge", 'politique "x"\nschéma { demande : Demande }\nstructure Demande { id : texte }\n')
un_id = write("un-id.jsonl", '{"id": "a"}\n')
log_l = write("l.json", '{"id": "L"}\n')
case("bench sans schéma de demande", ["bench", sans_schema, "--date", "2025-06-30", "--demandes", un_id], 1,
     "ne déclare pas de schéma pour `demande`")
case("bench --logement sans schéma de logement", ["bench", sans_logement, "--date", "2025-06-30", "--demandes", un_id,
                                                 "--logement", log_l], 1, "ne déclare pas de schéma pour `logement`")
# The message names the policy, as every policy diagnostic does.
case("run sans schéma de demande", ["run", sans_schema, "--date", "2025-06-30", "--demandes", un_id], 1,
     "sans-schema.loge: erreur: la politique ne déclare pas de schéma pour `demande`")
case("explain --logement sans schéma de logement", ["explain", sans_logement, "--date", "2025-06-30", "--demande",
                                                   un_id, "--logement", log_l], 1,
     "ne déclare pas de schéma pour `logement`")
# A report over a policy, or over a module it imports, would destroy it.
module = write("module.loge", 'schéma { demande : Demande }\nstructure Demande { id : texte  n : entier }\n')
racine = write("racine.loge", 'politique "r"\nimporte "module.loge"\ncotation c { critère a = 1 point si demande.n > 1 }\n'
               'test "t" {\n  date 2025-01-01\n  demande { id = "1" n = 2 }\n  attendu c = 1 point\n}\n')
case("--junit sur la politique testée", ["test", racine, "--junit", racine], 64, "est aussi un fichier d'entrée")
case("--coverage-json sur un module importé", ["test", racine, "--coverage-json", module], 64,
     "est aussi un fichier d'entrée")
with open(module, encoding="utf-8") as f:
    if not f.read().startswith("schéma"):
        failures.append("--coverage-json a remplacé le module importé")
# 200 000 attributes on one element, the last a duplicate: the duplicate
# check was quadratic (40 000 attributes took 19 s; this case, minutes, past
# run()'s 60 s timeout).
with open(os.path.join(ROOT, "tests", "ingest", "data", "sne", "JDD_OPENFISCA.XML"), encoding="utf-8") as f:
    sample = f.read()
many = " ".join('a%d="x"' % i for i in range(200000))
case("SNE : 200 000 attributs sur un élément", ["run", POLICY, "--date", "2025-06-30", "--demandes",
     write("attributs.xml", sample.replace('<ns1:civilite code="1"/>', '<ns1:civilite code="1" %s code="2"/>' % many, 1))],
     2, "attribut `code` donné deux fois")
case("compile -o sur un fichier", ["compile", POLICY, "-o", write("un-fichier", "x")], 64,
     "impossible de créer le dossier")
with open(os.path.join(ROOT, "bench", "data", "demandes_10k.jsonl"), encoding="utf-8") as f:
    two = [f.readline(), f.readline()]
case("loge run : identifiants répétés (une note, pas une erreur)",
     ["run", POLICY, "--date", "2025-06-30", "--format", "compact", "--demandes", write("doubles.jsonl", "".join(two * 2))],
     0, "est celui des demandes n° 1 et 3 (2 identifiants répétés en tout)")
# A deposit after the evaluation date: a note (rank and position set such a
# demande aside; run evaluates it, with a negative seniority).
late = [good_with(lambda d: d.__setitem__("date_depot", "2026-01-15")),
        good_with(lambda d: (d.__setitem__("date_depot", "2026-02-01"), d.__setitem__("id", "LATE2")))]
case("loge run : demandes déposées après la date (une note)",
     base + [write("tard.jsonl", "".join(l + "\n" for l in [json.dumps(GOOD)] + late))], 0,
     "2 demandes sont déposées après la date d'évaluation (2025-06-30) (la première : n° 2", "le 2026-01-15")
case("loge run : une demande déposée après la date", base + [write("tard1.jsonl", late[1] + "\n")], 0,
     "la demande n° 1 « LATE2 » est déposée le 2026-02-01, après la date d'évaluation (2025-06-30)")
case("loge explain : demande déposée après la date",
     ["explain", POLICY, "--logement", LOGEMENT, "--date", "2025-06-30", "--demande", write("tard.json", late[1])], 0,
     "la demande est déposée le 2026-02-01, après la date d'évaluation (2025-06-30)")
case("bench --engine auto refusé avant l'analyse",
     ["bench", POLICY, "--date", "2025-06-30", "--demandes", write("b.jsonl", json.dumps(GOOD) + "\n"), "--engine",
      "auto"], 64, "moteur inconnu « auto »")
case("--top négatif", ["diff", POLICY, POLICY, "--date", "2025-06-30", "--demandes",
                      os.path.join(ROOT, "examples", "demandes.jsonl"), "--top", "-1"], 64, "valeur refusée pour --top")
case("--exemples négatif", ["diff", POLICY, POLICY, "--date", "2025-06-30", "--demandes",
                            os.path.join(ROOT, "examples", "demandes.jsonl"), "--exemples", "-1"], 64,
     "valeur refusée pour --exemples")
case("politique vide", ["check", ""], 64, "valeur vide pour l'argument `fichiers`")
case("--junit vide", ["test", POLICY, "--junit", ""], 64, "valeur vide pour l'option --junit")
case("période de l'an 0", ["quota", os.path.join(ROOT, "policies", "grenoble", "grenoble.loge"), "--attributions",
                           write("a.jsonl", ""), "--periode", "0000"], 64, "période invalide")
# A misspelt name must fail the CI job, not leave a remark in the report.
diff_base = ["diff", POLICY, POLICY, "--date", "2025-06-30", "--demandes", write("diff.jsonl", json.dumps(GOOD) + "\n")]
case("diff --cotation inconnue", diff_base + ["--cotation", "nope"], 64,
     "--cotation : cotation inconnue « nope » (la politique déclare : principale)")
case("diff --classement inconnu", diff_base + ["--logement", LOGEMENT, "--classement", "nope"], 64, "--classement")
case("diff --cotation connue", diff_base + ["--cotation", "principale"], 0)
# A JSON document written over several lines (`jq .`): one record, not one
# error per line; an array: one error that says how to convert it.
case("demande JSON sur plusieurs lignes", base + [write("pretty.json", json.dumps(GOOD, indent=2, ensure_ascii=False))],
     0, GOOD["id"], stream="stdout")
case("tableau JSON de demandes", base + [write("arr.json", json.dumps([GOOD, GOOD], indent=2))], 2,
     "arr.json:1: erreur: le fichier est un tableau JSON", "jq -c '.[]'")
case("tableau JSON sur une ligne", base + [write("arr1.jsonl", json.dumps([GOOD]) + "\n")], 2, "tableau JSON")
case("demande sur plusieurs lignes, mal formée", base + [write("bad-pretty.json", '{\n  "id": "X",\n  "menage": \n')], 2,
     "bad-pretty.json:")
case("demande sur plusieurs lignes, deux problèmes",
     base + [write("bad2-pretty.json",
                   json.dumps(json.loads(good_with(lambda d: (d["menage"].__setitem__("nb_adultes", "deux"),
                                                              d.__setitem__("date_depot", "2025-02-30")))),
                              indent=2, ensure_ascii=False))], 2,
     "bad2-pretty.json:3:", "champ `date_depot`", "champ `menage.nb_adultes`")

if failures:
    print("\n\n".join(failures))
    sys.exit(1)
print("all bad-input cases behave")
