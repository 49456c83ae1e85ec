def f(): pass
lambda: 0
class C:
    def m(self, /): pass
