# Averages over int, float, Fraction and mixed data must print exactly as
# CPython's, which computes them exactly and rounds once.
import statistics as st
from fractions import Fraction as F

floats = [((i * 7919) % 1000) / 37.0 + i * 0.1 for i in range(1, 60)]
datasets = {
    'ints': [1, 2, 3, 4, 4],
    'ints-odd-mean': [1, 2, 3, 4],
    'negatives': [-5, 3, -1, 12, 0, 7],
    'bigints': [10 ** 20 + 1, 10 ** 20 + 2, 10 ** 20 + 4],
    'floats': [-1.0, 2.5, 3.25, 5.75],
    'tenths': [0.1] * 10,
    'thirds': [0.1, 0.2, 0.3, 0.4, 0.7],
    'many-floats': floats,
    'fractions': [F(1, 2), F(3, 4), F(5, 8), F(7, 16)],
    'int+fraction': [1, F(1, 3), 2],
    'int+float': [1, 2.5, 3],
    'fraction+float': [F(1, 3), 0.5, F(2, 3)],
    'bools': [True, False, True, True],
    'single': [42],
    'huge-floats': [1e308, 1e308, -1e308],
    'tiny-floats': [5e-324, 1e-320, 2.5e-310],
}
for name, data in datasets.items():
    print(name)
    for fn in (st.mean, st.fmean, st.median, st.median_low, st.median_high,
               st.median_grouped, st.mode, st.multimode):
        try:
            print('  %s: %r' % (fn.__name__, fn(data)))
        except Exception as e:
            print('  %s: %s: %s' % (fn.__name__, type(e).__name__, e))
    positive = [x for x in data if x > 0]
    if positive:
        for fn in (st.geometric_mean, st.harmonic_mean):
            try:
                print('  %s: %r' % (fn.__name__, fn(positive)))
            except Exception as e:
                print('  %s: %s: %s' % (fn.__name__, type(e).__name__, e))

print(st.mean(iter([3, 5, 8])), st.mean(range(101)), st.mean((F(1, 3), F(1, 6))))
print(st.mean([float('inf'), 1]), st.mean([float('-inf'), 1.5]), st.mean([float('nan'), 2]))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean(iter([1, 2, 4])), st.fmean(x / 10 for x in range(7)))
print(st.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]))
print(st.fmean([1, 2, 3], iter([3, 2, 1])))
print(st.geometric_mean([54, 24, 36]), st.geometric_mean([F(1, 2), 8]), st.geometric_mean([2.5]))
print(st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]))
print(st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([F(1, 2), F(1, 3)]))
print(st.harmonic_mean([1, 0, 2]), st.harmonic_mean([5]), st.harmonic_mean([F(5, 2)]))
print(st.harmonic_mean([10, 20], [F(1, 2), F(1, 4)]), st.harmonic_mean([2, 4], [0, 3]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median([F(1, 2), F(3, 2)]))
print(st.median([2.5, 1]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.median(['b', 'a', 'c']), st.median_low(['d', 'a', 'c', 'b']))
print(st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([52, 52, 53, 54]))
print(st.median_grouped([1, 3, 3, 5, 7], interval=2), st.median_grouped([1]))
print(st.median_grouped([F(1, 2), F(3, 2)]), st.median_grouped([1.5, 2.5, 2.5], 0.5))
print(st.median_grouped(['1', '2', '2']))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(['red', 'blue', 'blue', 'red', 'green']))
print(st.mode('aabbbcc'), st.mode([(1, 2), (1, 2), (3,)]), st.mode(iter([5])))
print(st.multimode('aabbbbccddddeeffffgg'), st.multimode([]), st.multimode([1, 2, 3]))
print(type(st.mean([1, 2, 3])), type(st.mean([1, 2])), type(st.mean([F(1), F(3)])))

class MyFloat(float):
    pass

print(type(st.mean([MyFloat(1.5), 2])).__name__, st.mean([MyFloat(1.5), 2]))
