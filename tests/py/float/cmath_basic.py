# cmath against CPython: exact results where glibc and CPython agree to the
# bit, 12 significant digits over a grid (last-bit differences are possible),
# the error rules (domain vs range), conversions and signed zeros.
import cmath, math
print(cmath.sqrt(-1), cmath.exp(1j*math.pi), cmath.log(-1), cmath.log(8, 2), cmath.log10(100), cmath.phase(-1), cmath.polar(1j), cmath.rect(2, math.pi/2))
print(cmath.acos(2), cmath.asin(2), cmath.atan(1j/2), cmath.asinh(1j), cmath.atanh(2), cmath.cosh(1j), cmath.sinh(1), cmath.tanh(1+1j), cmath.cos(1j), cmath.sin(1+2j), cmath.tan(0.5j))
print(cmath.isfinite(1+1j), cmath.isinf(complex(math.inf, 0)), cmath.isnan(complex(0, math.nan)), cmath.isclose(1+1j, 1+1.0000000001j), cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.sqrt(complex(-0.0, -0.0)), cmath.sqrt(complex(math.inf, math.nan)), cmath.exp(complex(math.inf, 0)), cmath.log(complex(0, -0.0) + 1))
for f, a in [(cmath.log, 0), (cmath.exp, 1000), (cmath.atanh, 1), (cmath.cosh, 1000), (cmath.sqrt, 'x'), (cmath.log, (1, 0)), (cmath.sinh, 1000j+1000), (cmath.rect, (1, math.inf)), (cmath.polar, complex(1e308, 1e308)), (cmath.atan, 1j), (cmath.log10, 0), (cmath.sqrt, None)]:
    try: print(f(*a) if isinstance(a, tuple) else f(a))
    except Exception as e: print(type(e).__name__, e)
class C:
    def __complex__(self): return 3+4j
class F:
    def __float__(self): return 2.0
print(cmath.sqrt(C()), cmath.sqrt(F()), cmath.sqrt(4), cmath.phase(complex(-1, -0.0)), cmath.rect(math.inf, 1), cmath.rect(1, 0))
vals = [0.5, 2, -3, 1j, -1j, 2+3j, -2-3j, 1e-10+1j, complex(0, -0.0), complex(-0.0, 0)]
for name in ['exp', 'log', 'log10', 'sqrt', 'acos', 'asin', 'atan', 'acosh', 'asinh', 'atanh', 'cos', 'sin', 'tan', 'cosh', 'sinh', 'tanh']:
    out = []
    for v in vals:
        try:
            r = getattr(cmath, name)(v)
            out.append('(%.12g%+.12gj)' % (r.real, r.imag))
        except ValueError as e:
            out.append('VE')
    print(name, ' '.join(out))
print(complex(-1, -0.0), complex(0, -0.0), repr(complex(1.5, -0.0)), -0j, complex(1j, -0.0), complex(1+0j, -0.0), complex(-0.0))
