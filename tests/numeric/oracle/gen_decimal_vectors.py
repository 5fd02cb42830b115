#!/usr/bin/env python3
# Writes decimal_vectors.txt: expected results of the decimal and integer
# primitives, computed by Python's `decimal` module (the documented oracle)
# and cross-checked against exact integer arithmetic before being written.
"""Generate the decimal oracle vectors (deterministic: fixed seed).

Line formats (values in canonical form, i.e. Decimal::toString()):
  add|sub|mul|div A B R          R is a value, OVERFLOW or DIVZERO
  neg A R
  round MODE X STEP R            MODE: halfaway halfeven floor ceiling;
                                 R may be OVERFLOW or DOMAIN
  trunc X N                      N is an int64 or OVERFLOW
  parse TEXT R                   R is the canonical value or INVALID
  french X MIN MAX TEXT          TEXT uses U+202F and ',' (no ASCII space)
  addint|subint|mulint A B R     64-bit integers, R may be OVERFLOW
  negint A R
"""

import decimal
import math
import os
import random
import re
from decimal import (ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, ROUND_HALF_UP,
                     Decimal)

SEED = 20250630
SCALE = 10**18
MAX_M = 2**127 - 1  # largest mantissa magnitude
INT64_MIN, INT64_MAX = -2**63, 2**63 - 1
Q18 = Decimal("1e-18")
NNBSP = "\u202f"

# prec=80 holds every exact sum and product of two 39-digit mantissas; the
# Inexact trap proves it for the operations that must be exact.
CTX = decimal.Context(prec=80, rounding=ROUND_HALF_EVEN, Emax=999, Emin=-999,
                      traps=[decimal.InvalidOperation, decimal.DivisionByZero,
                             decimal.Overflow])
EXACT = CTX.copy()
EXACT.traps[decimal.Inexact] = True

MODES = {
    "halfaway": ROUND_HALF_UP,  # decimal's HALF_UP rounds ties away from zero
    "halfeven": ROUND_HALF_EVEN,
    "floor": ROUND_FLOOR,
    "ceiling": ROUND_CEILING,
}


def canon(m):
    """Canonical text of the decimal with mantissa m (independent of decimal)."""
    sign = "-" if m < 0 else ""
    whole, frac = divmod(abs(m), SCALE)
    text = sign + str(whole)
    if frac:
        text += "." + str(frac).rjust(18, "0").rstrip("0")
    return text


def to_dec(m):
    return Decimal(m).scaleb(-18, EXACT)


def mantissa_of(d):
    """Mantissa of a Decimal already quantized to 1e-18."""
    scaled = d.scaleb(18, EXACT)
    assert scaled == scaled.to_integral_value()
    return int(scaled)


def checked(m):
    return "OVERFLOW" if abs(m) > MAX_M else canon(m)


# --- exact integer cross-checks (no `decimal` involved) ---------------------

def round_ratio(n, d, mode):
    """n / d (d > 0) rounded to an integer under `mode`, exactly."""
    q, r = divmod(abs(n), d)
    neg = n < 0
    if r:
        if mode == "halfaway":
            up = 2 * r >= d
        elif mode == "halfeven":
            up = 2 * r > d or (2 * r == d and q % 2 == 1)
        elif mode == "floor":
            up = neg
        else:
            up = not neg
        q += up
    return -q if neg else q


def check_mul(ma, mb):
    return round_ratio(ma * mb, SCALE, "halfeven")


def check_div(ma, mb):
    n = ma * SCALE
    return round_ratio(-n if mb < 0 else n, abs(mb), "halfeven")


# --- oracle operations ------------------------------------------------------

def op_add(ma, mb):
    r = mantissa_of(EXACT.add(to_dec(ma), to_dec(mb)))
    assert r == ma + mb
    return checked(r)


def op_sub(ma, mb):
    r = mantissa_of(EXACT.subtract(to_dec(ma), to_dec(mb)))
    assert r == ma - mb
    return checked(r)


def op_mul(ma, mb):
    exact = EXACT.multiply(to_dec(ma), to_dec(mb))
    r = mantissa_of(exact.quantize(Q18, ROUND_HALF_EVEN, CTX))
    assert r == check_mul(ma, mb), (ma, mb)
    return checked(r)


def op_div(ma, mb):
    if mb == 0:
        return "DIVZERO"
    q = CTX.divide(to_dec(ma), to_dec(mb))
    r = mantissa_of(q.quantize(Q18, ROUND_HALF_EVEN, CTX))
    assert r == check_div(ma, mb), (ma, mb)
    return checked(r)


def op_round(mode, mx, ms):
    if ms <= 0:
        return "DOMAIN"
    ratio = CTX.divide(to_dec(mx), to_dec(ms))
    k = ratio.quantize(Decimal(1), MODES[mode], CTX)
    r = mantissa_of(EXACT.multiply(k, to_dec(ms)).quantize(Q18, context=EXACT))
    assert r == round_ratio(mx, ms, mode) * ms, (mode, mx, ms)
    return checked(r)


def op_trunc(mx):
    n = int(to_dec(mx))  # int() truncates towards zero
    assert n == (abs(mx) // SCALE) * (1 if mx >= 0 else -1)
    return str(n) if INT64_MIN <= n <= INT64_MAX else "OVERFLOW"


PARSE_RE = re.compile(r"-?[0-9]+(\.[0-9]{1,18})?", re.ASCII)


def op_parse(text):
    if not PARSE_RE.fullmatch(text):
        return "INVALID"
    m = mantissa_of(Decimal(text).quantize(Q18, context=EXACT))
    return "INVALID" if abs(m) > MAX_M else canon(m)


def op_french(mx, lo, hi):
    # The display rounds half away from zero (« au plus proche »).
    d = to_dec(mx).quantize(Decimal(1).scaleb(-hi), ROUND_HALF_UP, CTX)
    text = format(d.copy_abs(), "f")  # abs() would round to the default context
    whole, _, frac = text.partition(".")
    frac = frac.ljust(hi, "0")
    while len(frac) > lo and frac.endswith("0"):
        frac = frac[:-1]
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ("-" if d < 0 else "") + NNBSP.join(groups)
    out += "," + frac if frac else ""
    back = out.replace(NNBSP, "").replace(",", ".")
    expected = round_ratio(mx, 10**(18 - hi), "halfaway")
    assert Decimal(back).scaleb(hi, EXACT) == expected, (mx, lo, hi, out)
    return out


def int_result(v):
    return str(v) if INT64_MIN <= v <= INT64_MAX else "OVERFLOW"


# --- value generators -------------------------------------------------------

SQRT_LIMIT = math.isqrt(MAX_M * SCALE)  # products of two such values hit the limit

SPECIALS = [
    0, 1, -1, 2, 5, SCALE, -SCALE, 2 * SCALE, SCALE // 2, -SCALE // 2,
    3 * SCALE // 2, 5 * SCALE // 2, SCALE // 100, 35 * SCALE // 100,
    MAX_M, -MAX_M, MAX_M - 1, -(MAX_M - 1), MAX_M // 2, SQRT_LIMIT, -SQRT_LIMIT,
    10**38, 2**64, 2**64 - 1, -(2**64), 3 * SCALE, 7 * SCALE,
]


def rand_mantissa(rng):
    kind = rng.randrange(11)
    if kind == 0:  # money with 2 decimals, up to 10^7
        m = rng.randrange(0, 10**9) * 10**16
    elif kind == 1:  # 6 decimals
        m = rng.randrange(0, 10**12) * 10**12
    elif kind == 2:  # rates / percentages 0.0000 .. 1.0000
        m = rng.randrange(0, 10**4 + 1) * 10**14
    elif kind == 3:  # tiny
        m = rng.randrange(1, 10**6)
    elif kind == 4:  # near the top of the range
        m = MAX_M - rng.randrange(0, 10**20)
    elif kind == 5:  # any bit length
        m = rng.getrandbits(rng.randrange(1, 128))
    elif kind == 6:  # integers
        m = rng.randrange(0, 10**6) * SCALE
    elif kind == 7:  # full 18-digit fraction
        m = rng.randrange(0, 1000) * SCALE + rng.randrange(0, SCALE)
    elif kind == 8:  # powers of ten
        m = 10**rng.randrange(0, 39)
    elif kind == 9:  # square-root-of-the-limit: products straddle overflow
        m = SQRT_LIMIT + rng.randrange(-10**12, 10**12)
    else:  # policy literal with up to 12 decimals
        m = rng.randrange(0, 10**14) * 10**6
    m = min(m, MAX_M)
    return -m if rng.random() < 0.4 else m


def rand_int64(rng):
    kind = rng.randrange(4)
    if kind == 0:
        return rng.randrange(INT64_MIN, INT64_MAX + 1)
    if kind == 1:
        return rng.randrange(-2**32, 2**32)
    if kind == 2:
        return rng.choice([INT64_MIN, INT64_MAX, INT64_MIN + 1, INT64_MAX - 1, 0, 1, -1])
    return rng.randrange(-2**31, 2**31) * rng.choice([1, 2**31, 3037000499])


def generate():
    rng = random.Random(SEED)
    lines = []

    def emit(*parts):
        lines.append(" ".join(str(p) for p in parts))

    # Arithmetic: every pair of specials, then random pairs.
    binops = [("add", op_add), ("sub", op_sub), ("mul", op_mul), ("div", op_div)]
    for name, fn in binops:
        for a in SPECIALS:
            for b in SPECIALS:
                emit(name, canon(a), canon(b), fn(a, b))
        for _ in range(1200 if name in ("mul", "div") else 500):
            a, b = rand_mantissa(rng), rand_mantissa(rng)
            emit(name, canon(a), canon(b), fn(a, b))

    # Half-even ties: odd mantissas times or divided by exact halvers.
    for _ in range(200):
        a = rng.randrange(1, 10**rng.randrange(1, 30)) | 1
        a = -a if rng.random() < 0.5 else a
        for b in (SCALE // 2, SCALE // 20, SCALE // 200, 25 * SCALE // 100):
            emit("mul", canon(a), canon(b), op_mul(a, b))
        for b in (2 * SCALE, 20 * SCALE, 4 * SCALE, SCALE * 2 // 10):
            emit("div", canon(a), canon(b), op_div(a, b))

    # Typical policy computations: money times rate, money divided by count.
    for _ in range(300):
        money = rng.randrange(0, 10**9) * 10**16
        rate = rng.randrange(0, 10**6) * 10**12
        emit("mul", canon(money), canon(rate), op_mul(money, rate))
        count = rng.randrange(1, 13) * SCALE
        emit("div", canon(money), canon(count), op_div(money, count))

    for m in SPECIALS + [rand_mantissa(rng) for _ in range(40)]:
        emit("neg", canon(m), checked(-m))

    # Rounding to a step.
    steps = [SCALE // 100, SCALE // 20, SCALE // 10, SCALE // 2, SCALE, 5 * SCALE,
             10 * SCALE, 100 * SCALE, 1, 10**12, 3 * SCALE, 7 * SCALE // 100, MAX_M,
             SCALE // 3]
    for mode in MODES:
        for x in SPECIALS:
            for s in steps + [0, -SCALE]:
                emit("round", mode, canon(x), canon(s), op_round(mode, x, s))
        for _ in range(300):
            x = rand_mantissa(rng)
            s = rng.choice(steps) if rng.random() < 0.7 else abs(rand_mantissa(rng))
            emit("round", mode, canon(x), canon(s), op_round(mode, x, s))
        for _ in range(60):  # exact halves: (k + 1/2) * step
            s = rng.choice(steps[:8])
            x = rng.randrange(-10**6, 10**6) * s + s // 2
            emit("round", mode, canon(x), canon(s), op_round(mode, x, s))

    for m in SPECIALS + [rand_mantissa(rng) for _ in range(60)] + [
            INT64_MAX * SCALE, INT64_MIN * SCALE, (INT64_MAX + 1) * SCALE,
            (INT64_MIN - 1) * SCALE, INT64_MIN * SCALE - (SCALE - 1),
            (INT64_MAX + 1) * SCALE - 1]:
        emit("trunc", canon(m), op_trunc(m))

    tricky = [
        "0", "-0", "-0.0", "00012.50", "1650.00", "0.35", "35", "-12.5", "1.", ".5",
        "+1", "1e5", "1E5", "1,5", "1_000", "--1", "-", "0x10", "1.2.3", "1..2",
        "0.000000000000000001", "0.0000000000000000001", "1.000000000000000000",
        "1.0000000000000000000", "-0.000000000000000001", canon(MAX_M), canon(-MAX_M),
        "170141183460469231731.687303715884105728",  # 2^127: one past the limit
        "-170141183460469231731.687303715884105728", "170141183460469231732",
        "99999999999999999999", "999999999999999999999", "0" * 60 + "1",
        "1" + "0" * 60, "\u0661", "\uff11", "12a", "a12", "1-", "-.5", "1.5-",
        "NaN", "inf", "Infinity",
    ]
    for _ in range(150):
        m = rand_mantissa(rng)
        tricky.append(canon(m))
        tricky.append(canon(m) + ("0" * rng.randrange(1, 4) if "." in canon(m) else ".0"))
    for text in tricky:
        emit("parse", text, op_parse(text))

    for m in SPECIALS + [rand_mantissa(rng) for _ in range(60)] + [
            123450 * 10**13, -5 * 10**15, 5 * 10**15, 15 * 10**15, 25 * 10**15,
            1234 * SCALE, 999999 * 10**16 + 5 * 10**15]:
        for lo, hi in ((0, 0), (2, 2), (0, 2), (0, 18), (18, 18), (1, 6), (3, 5)):
            emit("french", canon(m), lo, hi, op_french(m, lo, hi))

    for name, fn in (("addint", lambda a, b: a + b), ("subint", lambda a, b: a - b),
                     ("mulint", lambda a, b: a * b)):
        for _ in range(150):
            a, b = rand_int64(rng), rand_int64(rng)
            emit(name, a, b, int_result(fn(a, b)))
    for a in [INT64_MIN, INT64_MIN + 1, INT64_MAX, 0, 1, -1] + [rand_int64(rng) for _ in range(30)]:
        emit("negint", a, int_result(-a))

    # Short factors (at most two decimals, below 18.45: counts, percentages,
    # 0.5) times values of every size, up to and past the overflow limit: the
    # numeric core multiplies these without the 256-bit product. A separate
    # generator keeps the vectors above unchanged.
    srng = random.Random(SEED + 1)
    for _ in range(600):
        k = srng.choice([srng.randrange(1, 1845), srng.randrange(1, 19) * 100, 5, 35, 40, 50, 1844])
        factor = k * 10**16 * srng.choice([1, -1])
        kind = srng.randrange(4)
        if kind == 0:
            other = rand_mantissa(srng)
        elif kind == 1:  # near the largest magnitude the product allows
            limit = MAX_M * 100 // k
            other = srng.choice([limit, limit + 1, limit - 1, limit * 100 // 99, MAX_M, 2**126])
            other = min(other, MAX_M) * srng.choice([1, -1])
        elif kind == 2:  # where k × other passes 2^128 but the result fits
            other = (2**128 // k + srng.randrange(1, 10**6)) * srng.choice([1, -1])
            other = max(min(other, MAX_M), -MAX_M)
        else:  # amounts with cents, and exact halves of a cent
            other = (srng.randrange(0, 10**12) * 10**16 + srng.choice([0, 5 * 10**15, 10**15])) * srng.choice([1, -1])
        a, b = (factor, other) if srng.random() < 0.5 else (other, factor)
        emit("mul", canon(a), canon(b), op_mul(a, b))

    return lines


def main():
    lines = generate()
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "decimal_vectors.txt"), "w", encoding="utf-8") as f:
        f.write("# Generated by gen_decimal_vectors.py (seed %d). Do not edit.\n" % SEED)
        f.write("\n".join(lines) + "\n")
    print("wrote %d decimal vectors" % len(lines))


if __name__ == "__main__":
    main()
