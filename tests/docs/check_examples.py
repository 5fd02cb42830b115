#!/usr/bin/env python3
"""Checks every example of the French user documentation against `loge`.

    check_examples.py --loge PATH/TO/loge --docs PATH/TO/docs [--garder DIR] [-v]

Every page of docs/reference/ and docs/guide/ is read in order; within a page
the fenced blocks are processed top to bottom, in a scratch directory of its
own, so a page can build a policy step by step:

- ```loge blocks are written to a file and checked with `loge check`.
  The first line of the block may be a comment holding directives, separated
  by ` ; ` (the same directives may also be given in an HTML comment
  `<!-- … -->` on the line just before the fence):
    # fragment                  the block is not a whole policy: it is checked
                                after the example schema (the block of
                                docs/reference/exemples.md whose first line is
                                `# fichier : exemples.loge`), in one file;
    # fichier : chemin.loge     the name of the file (relative to the page's
                                scratch directory; default exemple-N.loge);
                                later blocks and commands can use it;
    # suite de : chemin.loge    the block continues a file written above: it
                                is added at its end (without this directive
                                line), then the whole file is checked;
    # erreur E0202 E0308        `loge check` must fail with exactly these codes;
    # avertissement W0001       `loge check` must succeed with exactly these
                                warning codes;
    # échec                     the block's tests fail on purpose.
  Without `erreur`, the check must succeed; without `avertissement`, it must
  print no warning. When the checked file holds `test` blocks, `loge test`
  runs them too and they must pass (fail, with `échec`).
- Other blocks (```json, ```text…) preceded by `<!-- fichier : nom -->` are
  written to that file, for the commands that follow.
- A ```text block preceded by `<!-- messages -->` quotes diagnostics of the
  ```loge block just above it: each of its lines must end a line of what
  `loge check` printed for that block (the location prefix may differ).
- ```console blocks are run and their output compared: each line starting with
  `$ ` is a command, run by bash in the scratch directory with `loge` on the
  PATH; the lines up to the next command are its expected output (standard
  output and error together; `echo $?` shows the previous command's exit
  status). Trailing spaces and `time="…"` attributes are ignored.
  Commands shown without output, or that must not be run (verbs still to
  come, build commands), go in ```sh blocks, which are not run.

Relative links between the pages (`[…](page.md#ancre)`) must lead to an
existing file and, for a Markdown page, to an existing heading.

Exit status 0 when every example behaves as documented, 1 otherwise.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PRELUDE_PAGE = Path("reference") / "exemples.md"
# Pages whose blocks are not checked yet. schema-standard.md is maintained
# with policies/schema/standard.loge by the schema's authors; its blocks are
# excerpts that import the schema from `../policies/`. Remove it from this
# list once its blocks carry the directives described above.
EXCLUDED_PAGES = {"reference/schema-standard.md"}
PRELUDE_NAME = "exemples.loge"
FENCE = re.compile(r"^(\s*)(```+|~~~+)\s*([\w+-]*)\s*$")
HTML_DIRECTIVE = re.compile(r"^\s*<!--\s*(.*?)\s*-->\s*$")
CODE = re.compile(r"\[([EW]\d{4})\]")
KEYWORDS = ("fragment", "fichier", "suite", "erreur", "avertissement", "échec")
TEST_BLOCK = re.compile(r'^\s*test\s+"', re.M)


class Block:
    def __init__(self, page, line, lang, text, directive):
        self.page = page
        self.line = line  # 1-based line of the opening fence
        self.lang = lang
        self.text = text
        self.directive = directive  # from an HTML comment, or ""

    def where(self):
        return f"{self.page}:{self.line}"


def read_blocks(path, shown):
    """The fenced blocks of a Markdown page, with their preceding directive."""
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, lang = m.group(1), m.group(2), m.group(3)
        directive = ""
        if i > 0:
            d = HTML_DIRECTIVE.match(lines[i - 1])
            if d:
                directive = d.group(1)
        body = []
        j = i + 1
        while j < len(lines) and not lines[j].strip().startswith(fence[0] * len(fence)):
            line = lines[j]
            if indent and line.startswith(indent):
                line = line[len(indent):]
            body.append(line)
            j += 1
        blocks.append(Block(shown, i + 1, lang, "\n".join(body) + "\n", directive))
        i = j + 1
    return blocks


def parse_directives(text):
    """`fragment ; fichier : x.loge ; erreur E0202` → dict."""
    out = {"fragment": False, "fichier": None, "suite": None, "erreur": [], "avertissement": [], "échec": False}
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if part == "fragment":
            out["fragment"] = True
        elif part.startswith("fichier"):
            out["fichier"] = part.split(":", 1)[1].strip() if ":" in part else None
        elif part == "échec":
            out["échec"] = True
        elif part.startswith("suite"):
            out["suite"] = part.split(":", 1)[1].strip() if ":" in part else None
        elif part.startswith("erreur"):
            out["erreur"] += part.split()[1:]
        elif part.startswith("avertissement"):
            out["avertissement"] += part.split()[1:]
        else:
            raise ValueError(f"directive inconnue « {part} »")
    return out


def loge_directives(block):
    first = block.text.split("\n", 1)[0].strip()
    text = block.directive
    if first.startswith("#"):
        comment = first[1:].strip()
        if comment.split(" ", 1)[0].rstrip(":") in KEYWORDS:
            text = (text + " ; " if text else "") + comment
    return parse_directives(text)


def find_prelude(docs):
    for b in read_blocks(docs / PRELUDE_PAGE, str(PRELUDE_PAGE)):
        if b.lang == "loge" and b.text.startswith(f"# fichier : {PRELUDE_NAME}"):
            return b.text
    raise SystemExit(f"{PRELUDE_PAGE} : le schéma des exemples (`# fichier : {PRELUDE_NAME}`) est introuvable")


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")


def slug(heading):
    """GitHub's anchor for a heading."""
    s = heading.strip().lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")


def anchors(path):
    out = set()
    fenced = False
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        m = HEADING.match(line)
        if m and not fenced:
            out.add(slug(m.group(1)))
    return out


def check_links(page, shown, failures):
    text = page.read_text(encoding="utf-8")
    fenced = False
    for number, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        for target in LINK.findall(line):
            if re.match(r"^[a-z]+:", target):
                continue  # http:, mailto:…
            file, _, anchor = target.partition("#")
            dest = (page.parent / file).resolve() if file else page
            if not dest.exists():
                failures.append(f"{shown}:{number} : lien vers un fichier absent : {target}")
            elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
                failures.append(f"{shown}:{number} : lien vers une ancre absente : {target}")


def normalize(text):
    text = re.sub(r'time="[0-9.]+"', 'time="…"', text)
    lines = [l.rstrip() for l in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


class Checker:
    def __init__(self, loge, docs, verbose):
        self.loge = loge
        self.docs = docs
        self.verbose = verbose
        self.prelude = find_prelude(docs)
        self.failures = []
        self.counts = {"loge": 0, "console": 0, "tests": 0, "messages": 0}
        self.last_output = ""
        self.bindir = tempfile.mkdtemp(prefix="loge-docs-bin-")
        os.symlink(loge, os.path.join(self.bindir, "loge"))

    def fail(self, block, message):
        self.failures.append(f"{block.where()} : {message}")

    def run(self, cwd, command):
        env = dict(os.environ)
        env["PATH"] = self.bindir + os.pathsep + env.get("PATH", "")
        env["LC_ALL"] = "C.UTF-8"
        p = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, timeout=120)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")

    def check_loge(self, block, workdir, index):
        try:
            d = loge_directives(block)
        except ValueError as e:
            self.fail(block, str(e))
            return
        name = d["suite"] or d["fichier"] or f"exemple-{index}.loge"
        text = block.text
        if d["fragment"]:
            text = self.prelude + "\n# ---- exemple (" + block.where() + ")\n" + text
        path = workdir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if d["suite"]:
            if not path.exists():
                self.fail(block, f"`suite de : {name}` : ce fichier n'a pas été écrit plus haut dans la page")
                return
            # The directive line is not part of the text to add.
            text = path.read_text(encoding="utf-8") + "\n" + text.split("\n", 1)[1]
        path.write_text(text, encoding="utf-8")
        rc, out, err = self.run(workdir, f"loge check '{name}'")
        output = out + err
        self.last_output = output
        codes = CODE.findall(output)
        errors = sorted({c for c in codes if c.startswith("E")})
        warnings = sorted({c for c in codes if c.startswith("W")})
        self.counts["loge"] += 1
        if rc == 70 or "erreur interne" in output:
            self.fail(block, "erreur interne de loge :\n" + output)
        elif d["erreur"]:
            if rc != 1 or errors != sorted(set(d["erreur"])):
                self.fail(block, f"attendu l'échec avec {' '.join(d['erreur'])} ; obtenu (code {rc}) :\n{output}")
        elif rc != 0:
            self.fail(block, f"`loge check` échoue (code {rc}) :\n{output}")
        if not d["erreur"] or d["avertissement"]:
            if warnings != sorted(set(d["avertissement"])):
                self.fail(block, f"avertissements attendus : {d['avertissement'] or 'aucun'} ; obtenus : "
                          f"{warnings or 'aucun'}\n{output}")
        # A whole file a reader copies (`fichier :`) is in the canonical
        # layout: the CI pipeline the guides recommend runs `loge fmt --check`.
        if rc == 0 and d["fichier"] and not d["fragment"]:
            frc, fout, ferr = self.run(workdir, f"loge fmt --check '{name}'")
            if frc != 0:
                self.fail(block, f"`loge fmt --check` : le fichier n'est pas au format canonique (lancez `loge fmt` "
                          f"sur l'exemple) :\n{fout}{ferr}")
        if rc == 0 and TEST_BLOCK.search(text):
            trc, tout, terr = self.run(workdir, f"loge test '{name}'")
            self.counts["tests"] += 1
            if trc != (1 if d["échec"] else 0):
                self.fail(block, f"`loge test` se termine avec le code {trc}"
                          f"{' (échec attendu)' if d['échec'] else ''} :\n{tout}{terr}")
        if self.verbose:
            print(f"  {block.where()} loge check {name} → {rc}")

    def check_messages(self, block):
        printed = [l.strip() for l in self.last_output.split("\n")]
        for line in block.text.split("\n"):
            line = line.strip()
            if line and not any(p.endswith(line) for p in printed):
                self.fail(block, f"message introuvable dans la sortie de l'exemple précédent : « {line} »\n"
                          f"--- sortie\n{self.last_output}")
        self.counts["messages"] += 1

    def check_console(self, block, workdir):
        commands = []
        for line in block.text.rstrip("\n").split("\n"):
            if line.startswith("$ "):
                commands.append([line[2:], []])
            elif commands:
                commands[-1][1].append(line)
            elif line.strip():
                self.fail(block, f"sortie avant toute commande : « {line} »")
                return
        previous = 0
        for command, expected in commands:
            if command.strip() == "echo $?":
                actual = str(previous)
            else:
                rc, out, err = self.run(workdir, command)
                previous = rc
                candidates = [normalize(out + err), normalize(err + out)]
                actual = candidates[0]
                if normalize("\n".join(expected)) == candidates[1]:
                    actual = candidates[1]
            self.counts["console"] += 1
            if normalize(actual) != normalize("\n".join(expected)):
                self.fail(block, f"la sortie de `{command}` diffère.\n--- documentée\n"
                          f"{normalize(chr(10).join(expected))}\n--- obtenue\n{normalize(actual)}")
            if self.verbose:
                print(f"  {block.where()} $ {command}")

    def check_page(self, page, scratch):
        rel = page.relative_to(self.docs)
        shown = str(Path("docs") / rel)
        workdir = scratch / str(rel).replace(os.sep, "_").removesuffix(".md")
        workdir.mkdir(parents=True, exist_ok=True)
        if self.verbose:
            print(shown)
        check_links(page, shown, self.failures)
        index = 0
        for block in read_blocks(page, shown):
            if block.lang == "loge":
                index += 1
                self.check_loge(block, workdir, index)
            elif block.lang == "console":
                self.check_console(block, workdir)
            elif block.directive.strip() == "messages":
                self.check_messages(block)
            elif block.directive:
                try:
                    d = parse_directives(block.directive)
                except ValueError as e:
                    self.fail(block, str(e))
                    continue
                if d["fichier"]:
                    path = workdir / d["fichier"]
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(block.text, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--loge", required=True, help="l'exécutable loge")
    ap.add_argument("--docs", required=True, help="le dossier docs/ du dépôt")
    ap.add_argument("--garder", help="garder les fichiers produits dans ce dossier")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    docs = Path(args.docs).resolve()
    loge = str(Path(args.loge).resolve())
    pages = sorted((docs / "reference").glob("*.md")) + sorted((docs / "guide").glob("*.md"))
    pages = [p for p in pages if p.relative_to(docs).as_posix() not in EXCLUDED_PAGES]
    checker = Checker(loge, docs, args.verbose)
    scratch = Path(args.garder).resolve() if args.garder else Path(tempfile.mkdtemp(prefix="loge-docs-"))
    if args.garder and scratch.exists():
        shutil.rmtree(scratch)
    try:
        for page in pages:
            checker.check_page(page, scratch)
    finally:
        if not args.garder:
            shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(checker.bindir, ignore_errors=True)
    for f in checker.failures:
        print(f"ÉCHEC {f}\n")
    print(f"{checker.counts['loge']} exemple(s) Loge vérifiés (dont {checker.counts['tests']} avec leurs tests) "
          f"et {checker.counts['console']} commande(s), {checker.counts['messages']} citation(s) de messages, "
          f"dans {len(pages)} page(s) ; {len(checker.failures)} échec(s)")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
