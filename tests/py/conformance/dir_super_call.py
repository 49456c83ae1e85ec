# A __dir__ that extends object.__dir__ / type.__dir__ (directly or through
# super()) gets the default listing instead of calling itself again.
class Plain:
    def __init__(self):
        self.field = 1

    def __dir__(self):
        return ['extra'] + object.__dir__(self)


class ViaSuper(Plain):
    def __dir__(self):
        return ['more'] + super().__dir__()


names = dir(Plain())
print('extra' in names, 'field' in names, '__init__' in names, names == sorted(names))
names = dir(ViaSuper())
print('more' in names, 'extra' in names, 'field' in names)


class IntLike(int):
    def __dir__(self):
        return sorted(n for n in object.__dir__(self) if not n.startswith('_'))[:3]

print(dir(IntLike(5)))


class Meta(type):
    def __dir__(cls):
        return ['from_meta'] + type.__dir__(cls)


class WithMeta(metaclass=Meta):
    attr = 1

names = dir(WithMeta)
print('from_meta' in names, 'attr' in names, '__module__' in names)
print(sorted(object.__dir__(Plain()))[:3] == sorted(dir(object()))[:3])
