#!/usr/bin/env python3
"""Compares gilpy's repr(float) and float(str) with CPython's, value by value.

    python3 scripts/check_float_repr.py build/gilpy [count]

Builds `count` doubles (default 1,000,000): random bit patterns over the
whole range, subnormals, powers of two and their neighbours, the largest and
smallest normals, short decimals like 0.1 * i, and doubles whose scaled value
falls exactly halfway between two candidates (the tie rule). gilpy prints
repr(x) for each and checks that float(repr(x)) reads back to x and that
float() of a 17-digit and a 25-digit decimal is correctly rounded; every
line must match CPython's. Exits 1 on the first mismatches (printed).
"""
import os
import random
import struct
import subprocess
import sys
import tempfile

CHILD = r'''
import struct, sys
out = []
bad = 0
with open(sys.argv[1]) as f:
    for line in f:
        bits = int(line, 16)
        x = struct.unpack('<d', struct.pack('<Q', bits))[0]
        r = repr(x)
        if x == x and float(r) != x:
            bad += 1
        out.append(r + ' ' + repr(float('%.17e' % x)) + ' ' + repr(float('%.25e' % x)))
sys.stdout.write('\n'.join(out))
sys.stdout.write('\nreadback failures %d\n' % bad)
'''


def as_bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]


def values(count, rng):
    out = []
    for e in range(0, 2047):
        base = e << 52
        for delta in (0, 1, 2, (1 << 52) - 1, (1 << 52) - 2):
            out.append(base + delta)
    for i in range(1, 2000):
        out.append(i)  # subnormals with few significant bits
        out.append(as_bits(i / 7))
        out.append(as_bits(0.1 * i))
        out.append(as_bits(float(i) * 1e10))
        out.append(as_bits(1.0 / i))
    # Ties: c = 5**j * odd, so that c * 2**q / 10**k can end in exactly .5.
    for _ in range(20000):
        j = rng.randrange(1, 23)
        c = 5 ** j * rng.randrange(1, (1 << 53) // 5 ** j, 2)
        if c < (1 << 52):
            continue
        q = rng.randrange(-60, 80)
        out.append(as_bits(float(c) * 2.0 ** q))
    while len(out) < count:
        kind = rng.random()
        if kind < 0.7:
            out.append(rng.getrandbits(63))
        elif kind < 0.85:
            out.append(rng.getrandbits(52))  # subnormal
        else:
            out.append(as_bits(round(rng.uniform(-1e6, 1e6), rng.randrange(0, 12))) & ~(1 << 63))
    return [b | (rng.getrandbits(1) << 63) for b in out[:count]]


def main():
    gilpy = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rng = random.Random(20261123)
    bits = values(count, rng)
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, 'bits.txt')
        script = os.path.join(tmp, 'child.py')
        with open(data, 'w') as f:
            f.write('\n'.join('%x' % b for b in bits) + '\n')
        with open(script, 'w') as f:
            f.write(CHILD)
        results = []
        for interp in (sys.executable, gilpy):
            proc = subprocess.run([interp, script, data], stdout=subprocess.PIPE, check=True)
            results.append(proc.stdout.decode().splitlines())
    want, got = results
    mismatches = [(b, w, g) for b, w, g in zip(bits, want, got) if w != g]
    if len(want) != len(got):
        mismatches.append(('length', len(want), len(got)))
    for m in mismatches[:20]:
        print('mismatch', m)
    print('%d values, %d mismatches; %s' % (len(bits), len(mismatches), got[-1] if got else '-'))
    return 1 if mismatches else 0


if __name__ == '__main__':
    sys.exit(main())
