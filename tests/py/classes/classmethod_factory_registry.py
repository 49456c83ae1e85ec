class Plugin:
    registry = {}
    def __init_subclass__(cls):
        Plugin.registry[cls.__name__.lower()] = cls
    @classmethod
    def create(cls, name):
        return cls.registry[name]()
    def run(self):
        return type(self).__name__ + " running"
class Alpha(Plugin):
    pass
class Beta(Plugin):
    def run(self):
        return "beta!"
print(sorted(Plugin.registry))
print(Plugin.create("alpha").run(), Plugin.create("beta").run())
