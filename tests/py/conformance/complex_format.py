# complex.__format__: both parts follow float's presentation rules and the
# whole text is then padded as one field.
values = [2 - 3j, -0.5 + 4.25j, 7j, complex(-0.0, 2), 0j, 1e21 + 1e-6j,
          complex(float('inf'), -1), complex(float('nan'), 0)]
specs = ['', '12', '<12', '^13', '#>12', '.1f', '+.2e', ' g', '+', '.3',
         'G', ',.1f', 'z.0f', 'n', '#.0e']
for v in values:
    row = []
    for spec in specs:
        row.append(format(v, spec))
    print(repr(v), row)

# The same through str.format and f-strings.
z = 3.14159 - 2.71828j
print('{:.2f}|{:>16.3e}|{:*^14}'.format(z, z, 1 + 1j))
print(f'{z:.1f} {z!r:>24} {-z:g}')

# Presentations and flags a complex refuses.
for bad in ['d', '%', 'x', '010', '=10', '0<10', 's']:
    try:
        format(1 + 2j, bad)
        print(bad, 'accepted')
    except ValueError as err:
        print(repr(bad), err)
