import types
print(complex, complex(1, 2), complex('1+2j'), complex(), complex(3.5), complex(real=1, imag=-1))
print(isinstance(1j, complex), type(2j) is complex)
class C:
    def m(self): pass
MethodType = type(C().m)
print(MethodType is types.MethodType)
bm = MethodType(lambda self, x: (self, x), 5)
print(bm(6))
print(types.MethodType(len, [1, 2])())
for args in [(1, 2), (len,), (len, None)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    types.MethodType(len, 1, x=2)
except TypeError as e:
    print('TypeError', e)
class D:
    pass
d = D()
d.hello = types.MethodType(lambda self: 'hi from %s' % type(self).__name__, d)
print(d.hello(), d.hello.__self__ is d)
try:
    complex('abc')
except ValueError as e:
    print('ValueError', e)
for t in ['1', '1j', '-j', '+J', 'j', '(1+2j)', ' ( -1.5e3-2.5E-1j ) ', '1_000+2_0j', 'inf+nanj', '-infj', '1e5', '1e', '1+2', '1 + 2j', '', '()', '(1', '1__0j', '1+-2j', '.5j', '5.j', '1e+3-1e-3j', 'nan', 'infinityj']:
    try:
        print(repr(t), complex(t))
    except ValueError as e:
        print(repr(t), 'ValueError', e)
for a in [('1', 2), (1, '2')]:
    try:
        complex(*a)
    except TypeError as e:
        print('TypeError', e)
