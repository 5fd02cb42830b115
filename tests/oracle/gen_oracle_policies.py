#!/usr/bin/env python3
"""Generates Loge policies whose `test` blocks check Loge's arithmetic and
date functions against independent oracles: Python's `decimal` (exact, then
rounded half-to-even to 18 fractional digits after each product or
quotient, as docs/reference/nombres-et-arrondis.md specifies) and
`datetime`.

    python3 gen_oracle_policies.py OUTDIR      # writes arithmetique.loge, dates.loge

Deterministic (seeded); the committed files are its output, and a ctest
checks that they are up to date. Python 3 standard library only.
"""
import calendar
import datetime
import decimal
import os
import random
import sys

D = decimal.Decimal
CTX = decimal.Context(prec=100, rounding=decimal.ROUND_HALF_EVEN)
Q18 = D("1e-18")
LIMIT = (D(2) ** 127 - 1) / D(10) ** 18


def q18(x):
    return x.quantize(Q18, rounding=decimal.ROUND_HALF_EVEN, context=CTX)


def fmt(x):
    """Canonical Loge literal: plain digits, no exponent, no trailing zeros."""
    s = format(x.normalize(CTX), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def lit(x):
    s = fmt(x)
    return "(" + s + ")" if s.startswith("-") else s


def money(x):
    """A money literal: the unit follows the number directly (`-12.5 €`)."""
    return fmt(x) + " €"


def rand_decimal(rng):
    kind = rng.random()
    if kind < 0.3:
        cents = rng.randint(0, 500000)
        x = D(cents) / 100
    elif kind < 0.5:
        x = D(rng.randint(0, 10**6)) / D(10) ** rng.randint(0, 6)
    elif kind < 0.7:
        x = D(rng.randint(1, 99)) / 100  # a percentage
    elif kind < 0.85:
        x = D(rng.randint(0, 10**9)) / D(10) ** rng.randint(0, 9)
    else:
        x = D(rng.randint(1, 10**12)) / D(10) ** rng.randint(0, 12)
    return -x if rng.random() < 0.2 else x


def arithmetic(rng, n):
    out = ['politique "Oracle : arithmétique décimale exacte"',
           'référence "tests/oracle/gen_oracle_policies.py (Python decimal, arrondi au pair à 18 décimales)"', ""]
    for i in range(n):
        a, b, c = rand_decimal(rng), rand_decimal(rng), rand_decimal(rng)
        op1, op2 = rng.choice("+-*/"), rng.choice("+-*/")
        if op1 == "/" and b == 0:
            b = D(3)
        # (a op1 b) op2 c, each step rounded as Loge does.
        def apply(x, op, y):
            if op == "+":
                return CTX.add(x, y)
            if op == "-":
                return CTX.subtract(x, y)
            if op == "*":
                return q18(CTX.multiply(x, y))
            return q18(CTX.divide(x, y))
        left = apply(a, op1, b)
        if op2 == "/" and c == 0:
            c = D(7)
        result = apply(left, op2, c)
        if abs(left) > LIMIT or abs(result) > LIMIT:
            continue
        sym = {"+": "+", "-": "-", "*": "×", "/": "÷"}
        expr = "({} {} {}) {} {}".format(lit(a), sym[op1], lit(b), sym[op2], lit(c))
        out.append('test "arithmétique {}" {{'.format(i))
        out.append("  date 2025-01-01")
        out.append("  attendu {} = {}".format(expr, lit(result)))
        out.append("}")
    modes = [("au plus proche", decimal.ROUND_HALF_UP), ("au pair", decimal.ROUND_HALF_EVEN),
             ("inférieur", decimal.ROUND_FLOOR), ("supérieur", decimal.ROUND_CEILING)]
    for i in range(n // 2):
        x = rand_decimal(rng)
        if rng.random() < 0.4:  # a tie
            x = D(rng.randint(-2000, 2000)) + D("0.5")
        step = rng.choice([D(1), D("0.01"), D("0.5"), D(10), D("0.05")])
        name, mode = rng.choice(modes)
        # ROUND_HALF_UP in Python rounds halves away from zero: « au plus proche ».
        r = (x / step).quantize(D(1), rounding=mode, context=CTX) * step
        out.append('test "arrondi {}" {{'.format(i))
        out.append("  date 2025-01-01")
        out.append("  attendu arrondi({}, {}, {}) = {}".format(money(x), money(step), name, money(r)))
        out.append("}")
    return "\n".join(out) + "\n"


def months_between(a, b):
    if a > b:
        return -months_between(b, a)
    m = (b.year - a.year) * 12 + (b.month - a.month)
    if b.day < a.day:
        m -= 1
    return m


def add_months(d, n, rule):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    last = calendar.monthrange(y, m)[1]
    if d.day <= last:
        return datetime.date(y, m, d.day)
    if rule == "fin":
        return datetime.date(y, m, last)
    return datetime.date(y, m, last) + datetime.timedelta(days=1)


def rand_date(rng):
    special = [datetime.date(2024, 2, 29), datetime.date(2020, 2, 29), datetime.date(2023, 1, 31),
               datetime.date(2024, 12, 31), datetime.date(2025, 3, 31), datetime.date(2025, 6, 30)]
    if rng.random() < 0.3:
        return rng.choice(special)
    start = datetime.date(1990, 1, 1).toordinal()
    return datetime.date.fromordinal(rng.randint(start, datetime.date(2035, 12, 31).toordinal()))


def dates(rng, n, rule):
    header = "fin de mois" if rule == "fin" else "début du mois suivant"
    out = ['politique "Oracle : dates ({})"'.format(header),
           'référence "tests/oracle/gen_oracle_policies.py (Python datetime)"',
           "dates : " + header, ""]
    for i in range(n):
        a, b = rand_date(rng), rand_date(rng)
        k = rng.randint(-40, 40)
        out.append('test "dates {}" {{'.format(i))
        out.append("  date 2025-01-01")
        out.append("  attendu mois_entre({}, {}) = {}".format(a, b, months_between(a, b)))
        mb = months_between(a, b)
        years = int(mb / 12)  # truncation towards zero
        out.append("  attendu ans_entre({}, {}) = {}".format(a, b, years))
        out.append("  attendu jours_entre({}, {}) = {}".format(a, b, (b - a).days))
        sign = "+" if k >= 0 else "-"
        out.append("  attendu {} {} {} mois = {}".format(a, sign, abs(k), add_months(a, k, rule)))
        days = rng.randint(0, 4000)
        out.append("  attendu {} + {} jours = {}".format(a, days, a + datetime.timedelta(days=days)))
        out.append("}")
    return "\n".join(out) + "\n"


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(20251129)
    files = {
        "arithmetique.loge": arithmetic(rng, 300),
        "dates-fin-de-mois.loge": dates(rng, 150, "fin"),
        "dates-debut-mois-suivant.loge": dates(rng, 150, "suivant"),
    }
    for name, text in files.items():
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
