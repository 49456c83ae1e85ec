# format() of floats: presentation types, precision, grouping and alignment.
specs = ['', '.2f', '10.3e', ',.2f', '+.1%', 'g', '.3', '#g', 'E', '_', '>12', '^12.1f',
         '012.3f', '.0f', '.1', 'z.1f', '08.2f', 'n', '-^15,.3g', 'G', '.10g', '#.0f', '#.0e']
for v in [0.0, -0.0, 1.0, 1234.5678, -0.00012345, 1e16, 1e22, 123456789.0, 2.5, 0.5,
          1 / 3, 5e-324, float('inf'), float('-inf'), float('nan')]:
    print(repr(v), [format(v, s) for s in specs])
for v, s in [(1.5, 'd'), (1.5, 'x'), (1.5, ',n'), (1.5, 'c'), (1.5, '.')]:
    try:
        print(format(v, s))
    except ValueError as e:
        print(e)
x = 3.14159265
print(f"{x:.2f} {x:10.3f}|{x:<10.1f}|{x:^10.2f}|{x:+.1f}|{x:=+10.2f}")
print("%.3f %e %g %10.2f %-8.1f|" % (x, x, x, x, x))
print(format(1e300, 'f')[:40], len(format(1e300, 'f')))
