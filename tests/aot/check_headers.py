#!/usr/bin/env python3
"""Every shipped policy compiles ahead of time; its generated header is valid
C11 and C++17 with warnings as errors (its static assertions check the
layout against the compiler's); all artifacts link into one program without
symbol clashes, and each one's parameter tables load."""
import pathlib
import subprocess
import sys
import tempfile

loge, rt, numeric, root = sys.argv[1:5]
# Extra link flags (the sanitizer runtime when the build is instrumented) and
# the compiler that links: the build's own, so that its runtime matches.
extra_link = sys.argv[5].split() if len(sys.argv) > 5 else []
linker = sys.argv[6] if len(sys.argv) > 6 else "g++"
root = pathlib.Path(root)
policies = [root / "examples/grille-exemple.loge", root / "bench/workload.loge",
            root / "policies/schema/standard.loge"]
policies += sorted((root / "tests/lang").glob("*.loge"))
policies += sorted((root / "tests/differential/policies").glob("*.loge"))
policies += sorted(p for p in (root / "policies").rglob("*.loge") if p not in policies)

failures = []
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    objects, prefixes = [], []
    for i, policy in enumerate(policies):
        name = f"p{i}"
        out = subprocess.run([loge, "compile", str(policy), "-o", str(tmp), "--nom", name],
                             capture_output=True, text=True)
        if out.returncode != 0:
            # A policy the compiled engine does not cover is refused with a
            # French reason, never a crash.
            if out.returncode == 1 and "le moteur compilé ne prend pas encore en charge" in out.stderr:
                continue
            failures.append(f"loge compile {policy}: exit {out.returncode}\n{out.stderr}")
            continue
        objects.append(str(tmp / f"{name}.o"))
        prefixes.append(f"loge_{name}")
        src = tmp / f"{name}_check.c"
        src.write_text(f'#include "{name}.h"\n')
        for lang, std in (("c", "-std=c11"), ("c++", "-std=c++17")):
            cc = "gcc" if lang == "c" else "g++"
            # Hosts often compile with stricter flags than -Wall -Wextra.
            strict = ["-Wconversion", "-Wsign-conversion"] + (["-Wold-style-cast"] if lang == "c++" else [])
            r = subprocess.run([cc, std, "-x", lang, "-Wall", "-Wextra", "-Wpedantic", *strict, "-Werror", "-c", str(src),
                                f"-I{tmp}", f"-I{root}/runtime/rt/include", "-o", str(tmp / f"{name}_{lang}.o")],
                               capture_output=True, text=True)
            if r.returncode != 0:
                failures.append(f"{policy}: the generated header does not compile as {lang}:\n{r.stderr[:2000]}")
    main = tmp / "main.c"
    body = "".join(f'#include "{p[5:]}.h"\n' for p in prefixes)
    body += "#include <stdio.h>\nint main(void) {\n  int bad = 0;\n  const char* why = 0;\n"
    for p in prefixes:
        body += (f"  {{ loge_aot_policy* x = {p}_open(&why);\n"
                 f"    if (!x) {{ printf(\"{p}: %s\\n\", why); bad = 1; }} else loge_aot_close(x); }}\n")
    body += "  return bad;\n}\n"
    main.write_text(body)
    exe = tmp / "all"
    r = subprocess.run([linker, "-x", "c", "-std=c11", "-Wall", "-Werror", str(main), "-x", "none", *objects, rt,
                        numeric, *extra_link, f"-I{tmp}", f"-I{root}/runtime/rt/include", "-o", str(exe)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        failures.append(f"linking all artifacts together failed:\n{r.stderr[:3000]}")
    else:
        r = subprocess.run([str(exe)], capture_output=True, text=True)
        if r.returncode != 0:
            failures.append(f"opening the artifacts failed:\n{r.stdout}{r.stderr}")

if failures:
    print("\n\n".join(failures))
    sys.exit(1)
print(f"{len(prefixes)} artifacts: headers valid C11 and C++17, linked together, parameters loaded")
