# str(), repr() and to_eng_string(): when the scientific form is chosen,
# how the exponent is written, and the engineering variant.
from decimal import Decimal, localcontext

values = ['0', '-0', '0.00', '0E+3', '0E-7', '0E-6', '1', '-1.5', '100',
          '1E+2', '1.0E+2', '123E+5', '1.20', '0.000001', '0.0000001',
          '0.00000123', '1234.5678E-10', '1E-7', '-12.34E+10',
          '123456789E-14', '5E+10', '45E+10', '456E+10', '1E+999999',
          '9.99E-999999', 'Infinity', '-Infinity', 'NaN', '-NaN7',
          'sNaN', '-sNaN3', '12345678901234567890123456789012345']
for text in values:
    d = Decimal(text)
    print('%-36s %-32s %-28s %s' % (repr(d), str(d), d.to_eng_string(),
                                    d.as_tuple()))

with localcontext() as ctx:
    ctx.capitals = 0
    print(str(Decimal('1E+10')), repr(Decimal('-2.5E-9')),
          Decimal('7E+4').to_eng_string())

print('%s|%r|%10s|%-10s|' % (Decimal('2.50'), Decimal('2.50'),
                             Decimal('2.50'), Decimal('-1E+3')))
print(f'{Decimal("1.10")} {Decimal("1.10")!r} {Decimal("1.10")!s}')
print([Decimal('1.5'), Decimal('-0')], {'k': Decimal('1E-9')})
print(Decimal('1.2345').adjusted(), Decimal('12E+3').adjusted(),
      Decimal('0.00').adjusted(), Decimal('inf').adjusted())
