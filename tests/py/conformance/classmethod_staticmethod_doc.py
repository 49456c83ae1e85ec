# classmethod and staticmethod objects show the wrapped function's __doc__,
# not their type's docstring, unless one is assigned to the wrapper.
def f():
    "doc of f"
class A:
    @classmethod
    def c(cls):
        "cdoc"
    @staticmethod
    def s():
        "sdoc"
    @classmethod
    def n(cls): pass
print(A.__dict__['c'].__doc__, A.__dict__['s'].__doc__, A.__dict__['n'].__doc__, A.c.__doc__)
cm = classmethod(f); cm.__doc__ = 'changed'; print(cm.__doc__, f.__doc__)
print(classmethod.__doc__[:11], staticmethod(len).__doc__[:10])
