# In printf-style formatting only a bare "%%" is a literal percent sign.
# Any flag, width, precision or key in between makes it a conversion whose
# type letter '%' is unsupported -- after it has taken its argument.
cases = [
    ('%%', ()),
    ('100%% sure, %s', ('yes',)),
    ('%5%', ()),
    ('%5%', (1,)),
    ('%-3%|', ('x',)),
    ('%.2%', ()),
    ('%(key)%', {'key': 1}),
    ('%(key)%', {}),
    ('%s and %#%', ('a', 'b')),
]
for fmt, args in cases:
    for kind in ('str', 'bytes'):
        template = fmt if kind == 'str' else fmt.encode()
        try:
            print(kind, repr(fmt), repr(template % args))
        except (TypeError, ValueError, KeyError) as err:
            print(kind, repr(fmt), type(err).__name__, err)
