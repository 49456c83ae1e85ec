# time.struct_time, gmtime, strftime, asctime and their errors.
import time

t = time.gmtime(0)
print(t)
print(isinstance(t, tuple), len(t), t[:3], t.tm_zone, t.tm_gmtoff)
print(time.gmtime(1.9).tm_sec, time.gmtime(-1))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
print(time.strftime('%Y-%m-%d %H:%M:%S %j %a %b %%', time.gmtime(1700000000)))
print(time.strftime('%Y', (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime(time.gmtime(0)), time.asctime((2020, 1, 1, 0, 0, 0, 0, 1, 0)))
print(repr(time.strftime('')))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields)

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)

attempt(time.strftime, 1)
attempt(time.strftime, '%Y', (1, 2))
attempt(time.strftime, '%Y', (2020, 13, 1, 0, 0, 0, 0, 1, 0))
attempt(time.strftime, '%Y', (2020, 1, 32, 0, 0, 0, 0, 1, 0))
attempt(time.strftime, '%Y', (2020, 1, 1, 24, 0, 0, 0, 1, 0))
attempt(time.gmtime, 'x')
attempt(time.gmtime, 1e20)
attempt(time.struct_time, (1, 2))
attempt(time.struct_time, list(range(12)))
attempt(time.mktime, (1,))
attempt(time.sleep, -1)
attempt(time.sleep, 'a')
attempt(time.sleep, float('nan'))
attempt(time.sleep)
attempt(time.sleep, 0)
attempt(time.sleep, 0.001)
