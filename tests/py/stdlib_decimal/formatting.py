# format() and f-strings on Decimals: every presentation type, fill,
# alignment, sign, 'z', zero padding, width, ',' grouping and precision;
# invalid specs raise ValueError.
from decimal import Decimal, localcontext, ROUND_DOWN

CASES = [
    ('1.2345', '.2'),
    ('1.2300', 'f'),
    ('1E+3', 'f'),
    ('123.45', 'e'),
    ('1E+3', 'g'),
    ('1E+3', 'G'),
    ('0', 'e'),
    ('0', '.3e'),
    ('0.00', 'e'),
    ('1234567.891', ',.2f'),
    ('1234567.891', '_'),
    ('-1234.5', '015,.2f'),
    ('1234.5', '>12'),
    ('1234.5', '*^12.1f'),
    ('0.125', '%'),
    ('0.125', '.1%'),
    ('inf', 'f'),
    ('-inf', '>10'),
    ('nan', 'e'),
    ('snan', 'f'),
    ('nan', '%'),
    ('1.5', '+'),
    ('1.5', ' '),
    ('-0', 'f'),
    ('-0.0001', '.2f'),
    ('-0.0001', 'z.2f'),
    ('12345.6789', '.3g'),
    ('12345.6789', 'g'),
    ('0.000001234', 'g'),
    ('0.0000001234', 'g'),
    ('123', '.0e'),
    ('123', '#.0e'),
    ('123.456', '.0f'),
    ('1.5', '.0f'),
    ('2.5', '.0f'),
    ('1e-10', 'f'),
    ('1E+5', '.2e'),
    ('12', '010'),
    ('12', '0=10'),
    ('-12', '010'),
    ('123456789', '012,'),
    ('1.5', 'n'),
    ('1234567', 'n'),
    ('1.23456789E+40', '.3'),
    ('1.23456789E+40', ''),
    ('1.2', '10.3g'),
    ('100', '.1g'),
    ('9.99', '.2g'),
    ('0.1', '.0%'),
    ('123.456', '.10f'),
    ('1E+400', '.3e'),
    ('1.00', 'g'),
    ('1.00', '.5g'),
    ('-5', '<6'),
    ('5', '=+6'),
    ('1234.5', ',g'),
    ('1234567.1', ',e'),
    ('1234.5678', '.2f'),
    ('-1234.5678', ',.3f'),
    ('0.5', '.0f'),
    ('99.995', '.2f'),
    ('1E-7', ''),
    ('1E-7', 'f'),
    ('12345', '.2e'),
    ('-0.000', ''),
    ('0E+3', 'f'),
    ('0E+3', '.2f'),
    ('1E+3', '.2f'),
    ('1.1', 'x'),
    ('1.1', '^+10.2f'),
    ('1234', ','),
    ('1234.5', '08.1f'),
    ('nan', '010'),
    ('-inf', '+'),
    ('5', '.1g'),
    ('0.00001', 'G'),
]

for value, spec in CASES:
    try:
        text = format(Decimal(value), spec)
    except ValueError as e:
        text = "ValueError: %s" % e
    print('%-16s %-10s %r' % (value, spec, text))

pi = Decimal("3.14159265358979")
print(f"{pi:.3f} {pi:10.4} {pi:<10.2e}| {pi!r} {pi}")
print("%.2f %s %r" % (Decimal("1.235"), Decimal("1.5"), Decimal("2.50")))
print("{0:,.2f} {0:e} {0:G}".format(Decimal("-9876543.21")))
with localcontext(rounding=ROUND_DOWN):
    print(format(Decimal("2.999"), ".2f"), format(Decimal("-2.999"), ".1e"))
with localcontext(capitals=0):
    print(format(Decimal("1.5E+20"), ""), format(Decimal("1.5E+20"), ".2"))
try:
    format(Decimal(1), 5)
except TypeError as e:
    print("TypeError", e)
