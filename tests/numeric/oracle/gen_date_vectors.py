#!/usr/bin/env python3
# Writes date_vectors.txt: expected results of the calendar primitives,
# computed with Python's `datetime` (the documented oracle) and, for month
# counts, cross-checked against an independent month-by-month walk.
"""Generate the date oracle vectors (deterministic: fixed seed).

Line formats (dates as YYYY-MM-DD):
  months A B N | years A B N | days A B N
  adddays A N R                  R is a date or INVALID
  addmonths A N RULE R           RULE: last next error; R may be INVALID
  needsrule A N 0|1
  parse TEXT R                   R is the date or INVALID
  period A KIND LABEL START      KIND: year semester quarter month
  french A TEXT...               TEXT is the rest of the line
"""

import calendar
import os
import random
import re
from datetime import date, timedelta

SEED = 20250701
INT64_MIN, INT64_MAX = -2**63, 2**63 - 1
FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                 "août", "septembre", "octobre", "novembre", "décembre"]


def iso(d):
    return "%04d-%02d-%02d" % (d.year, d.month, d.day)


def shift_month(d, n):
    """(year, month) n months after d's month, or None outside years 1..9999."""
    y, m0 = divmod(d.year * 12 + d.month - 1 + n, 12)
    return (y, m0 + 1) if 1 <= y <= 9999 else None


def months_formula(a, b):
    """The documented definition, from date components."""
    if a > b:
        return -months_formula(b, a)
    n = (b.year - a.year) * 12 + (b.month - a.month)
    return n - 1 if b.day < a.day else n


def anniversary(a, n):
    """a's day-of-month n months later, or None past 9999-12. A missing day
    becomes the first of the next month (the `début du mois suivant` rule), so
    the anniversary is reached only once the whole month has passed. Clamping
    to the month's last day would count 2025-05-31 -> 2025-06-30 as one month,
    and rolling the extra days over would put 0001-01-31 + 22789 months on
    1900-03-03 instead of 1900-03-01: date.h rules both out."""
    ym = shift_month(a, n)
    if ym is None:
        return None
    last = calendar.monthrange(*ym)[1]
    if a.day <= last:
        return date(ym[0], ym[1], a.day)
    return date(ym[0], ym[1], last) + timedelta(days=1)  # never past 9999-12-31


def months_walk(a, b, n_hint=None):
    """Complete months from a to b (a <= b), found without the formula: the
    largest n whose anniversary is not after b. Walks from 0 when no hint is given, else checks the hint is
    that largest n (anniversaries only move forward as n grows)."""
    def fits(n):
        t = anniversary(a, n)
        return t is not None and t <= b
    if n_hint is None:
        n = 0
        while fits(n + 1):
            n += 1
        return n
    assert fits(n_hint) and not fits(n_hint + 1), (a, b, n_hint)
    return n_hint


def months(a, b):
    n = months_formula(a, b)
    lo, hi = min(a, b), max(a, b)
    span = abs(n)
    walked = months_walk(lo, hi) if span <= 30 else months_walk(lo, hi, span)
    assert walked == span, (a, b, n, walked)
    return n


def years(a, b):
    n = months(a, b)
    return n // 12 if n >= 0 else -((-n) // 12)  # truncation towards zero


def add_days(d, n):
    try:
        return iso(d + timedelta(days=n))
    except OverflowError:
        return "INVALID"


def add_months(d, n, rule):
    ym = shift_month(d, n)
    if ym is None:
        return "INVALID"
    y, m = ym
    last = calendar.monthrange(y, m)[1]
    if d.day <= last:
        return iso(date(y, m, d.day))
    if rule == "last":
        return iso(date(y, m, last))
    if rule == "next":
        return iso(date(y, m, last) + timedelta(days=1))
    return "INVALID"


def needs_rule(d, n):
    ym = shift_month(d, n)
    return int(ym is not None and d.day > calendar.monthrange(*ym)[1])


ISO_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def parse(text):
    if not ISO_RE.fullmatch(text):
        return "INVALID"
    try:
        return iso(date(int(text[0:4]), int(text[5:7]), int(text[8:10])))
    except ValueError:  # includes year 0, month 13, 2025-02-30
        return "INVALID"


def period(d, kind):
    if kind == "year":
        return "%04d" % d.year, date(d.year, 1, 1)
    if kind == "semester":
        s = 1 if d.month <= 6 else 2
        return "%04d-S%d" % (d.year, s), date(d.year, 6 * s - 5, 1)
    if kind == "quarter":
        q = (d.month - 1) // 3 + 1
        return "%04d-T%d" % (d.year, q), date(d.year, 3 * q - 2, 1)
    return "%04d-%02d" % (d.year, d.month), date(d.year, d.month, 1)


def french(d):
    day = "1er" if d.day == 1 else str(d.day)
    return "%s %s %d" % (day, FRENCH_MONTHS[d.month - 1], d.year)


SPECIAL_DATES = [date.fromisoformat(s) for s in [
    "0001-01-01", "0001-01-31", "0001-02-28", "0001-12-31", "0004-02-29",
    "1582-10-15", "1900-02-28", "1900-03-01", "1969-12-31", "1970-01-01",
    "1999-12-31", "2000-01-31", "2000-02-29", "2000-03-01", "2023-02-28",
    "2024-01-30", "2024-01-31", "2024-02-28", "2024-02-29", "2024-03-01",
    "2024-03-31", "2024-04-30", "2024-12-31", "2025-01-01", "2025-01-31",
    "2025-02-28", "2025-03-01", "2025-05-31", "2025-06-30", "2025-07-01",
    "2025-08-31", "2025-12-31", "2100-02-28", "2400-02-29", "9999-01-31",
    "9999-02-28", "9999-11-30", "9999-12-01", "9999-12-30", "9999-12-31",
]]


def rand_date(rng):
    if rng.random() < 0.2:
        return rng.choice(SPECIAL_DATES)
    if rng.random() < 0.3:  # month ends, where the rules matter
        y, m = rng.randrange(1, 10000), rng.randrange(1, 13)
        return date(y, m, calendar.monthrange(y, m)[1] - rng.randrange(0, 3))
    if rng.random() < 0.5:  # the years policies actually use
        return date.fromordinal(rng.randrange(date(1900, 1, 1).toordinal(),
                                              date(2100, 1, 1).toordinal()))
    return date.fromordinal(rng.randrange(date.min.toordinal(), date.max.toordinal() + 1))


def near(rng, a):
    """A date within about two years of a (either side), clamped to the range."""
    o = min(max(a.toordinal() + rng.randrange(-800, 801), 1), date.max.toordinal())
    return date.fromordinal(o)


def rand_offset_days(rng):
    return rng.choice([
        rng.randrange(-400, 401), rng.randrange(-4_000_000, 4_000_000),
        rng.choice([0, 1, -1, 365, 366, -365, 3652059, -3652059, 3652058,
                    INT64_MAX, INT64_MIN, 2**31, -2**31]),
    ])


def rand_offset_months(rng):
    return rng.choice([
        rng.randrange(-30, 31), rng.randrange(-130000, 130000),
        rng.choice([0, 1, -1, 12, -12, 119987, 119988, -119988, 120000, -120000,
                    INT64_MAX, INT64_MIN, 2**31]),
    ])


def generate():
    rng = random.Random(SEED)
    lines = []

    def emit(*parts):
        lines.append(" ".join(str(p) for p in parts))

    pairs = [(a, b) for a in SPECIAL_DATES for b in SPECIAL_DATES]
    for _ in range(700):
        a = rand_date(rng)
        pairs.append((a, near(rng, a)))
    for _ in range(300):
        pairs.append((rand_date(rng), rand_date(rng)))
    for a, b in pairs:
        emit("months", iso(a), iso(b), months(a, b))
    for a, b in pairs[::3]:
        emit("years", iso(a), iso(b), years(a, b))
        emit("days", iso(a), iso(b), (b - a).days)

    for d in SPECIAL_DATES:
        for n in (0, 1, -1, 28, 29, 30, 31, 365, 366, -365, -366, 3652058, -3652058):
            emit("adddays", iso(d), n, add_days(d, n))
    for _ in range(400):
        d = rand_date(rng)
        emit("adddays", iso(d), (n := rand_offset_days(rng)), add_days(d, n))

    month_cases = [(d, n) for d in SPECIAL_DATES for n in (0, 1, -1, 2, 11, 12, -12, 13, 48)]
    month_cases += [(rand_date(rng), rand_offset_months(rng)) for _ in range(600)]
    for d, n in month_cases:
        for rule in ("last", "next", "error"):
            emit("addmonths", iso(d), n, rule, add_months(d, n, rule))
        emit("needsrule", iso(d), n, needs_rule(d, n))

    texts = ["2025-06-30", "2025-6-30", "2025-06-3", "2025-02-30", "2025-02-29",
             "2024-02-29", "1900-02-29", "2000-02-29", "+2025-06-30", "-2025-06-30",
             "2025-06-30T", "2025-06-30Z", "0000-01-01", "0001-01-01", "9999-12-31",
             "10000-01-01", "2025/06/30", "2025-13-01", "2025-00-10", "2025-01-00",
             "2025-01-32", "2025-04-31", "20250630", "2025-06-300", "2025-O6-30",
             "\uff12\uff10\uff12\uff15-06-30", "2025--06-30", "2025-06--3", "2025-0a-30",
             "2025-06-3a", "+025-06-30", "-025-06-30", "2025-+6-30", "2025-06-+3",
             "2025_06_30", "30/06/2025", "2025-06", "2025", "x"]
    texts += [iso(rand_date(rng)) for _ in range(100)]
    texts += ["%04d-%02d-%02d" % (rng.randrange(0, 10000), rng.randrange(0, 14),
                                  rng.randrange(0, 33)) for _ in range(200)]
    for t in texts:
        emit("parse", t, parse(t))

    for d in SPECIAL_DATES + [rand_date(rng) for _ in range(120)] + [
            date(2025, m, 1) for m in range(1, 13)]:
        for kind in ("year", "semester", "quarter", "month"):
            label, start = period(d, kind)
            emit("period", iso(d), kind, label, iso(start))
        emit("french", iso(d), french(d))

    return lines


def main():
    lines = generate()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "date_vectors.txt"), "w", encoding="utf-8") as f:
        f.write("# Generated by gen_date_vectors.py (seed %d). Do not edit.\n" % SEED)
        f.write("\n".join(lines) + "\n")
    print("wrote %d date vectors" % len(lines))


if __name__ == "__main__":
    main()
