# Powers: a negative float to a fractional power is complex; complex to an
# integral power up to 100 multiplies exactly, as CPython does.
print((-8.0) ** 0.5, (-8) ** 0.5, (-8.0) ** (1/3), pow(-2.0, 0.5), (-1) ** 0.5)
print((1+1j) ** 2, (1+1j) ** -1, (1+1j) ** 3, (2+0j) ** 10, (1+2j) ** 0, 1j ** 4, (0.5+0.5j) ** -3, (1+1j) ** 100, (1+1j) ** 101, (1+1j) ** 2.0, (1+1j) ** -100)
for b, e in [(0j, -1), (0j, -1.5), (1e200+1e200j, 2), (10+0j, 400), (0j, 0), (0j, 2)]:
    try: print(b ** e)
    except Exception as ex: print(type(ex).__name__, ex)
try: print((-8.0) ** 0.5 == complex(-8.0) ** 0.5)
except Exception as ex: print(type(ex).__name__, ex)
