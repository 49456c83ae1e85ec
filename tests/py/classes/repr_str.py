class A:
    def __repr__(self):
        return "A()"
class B:
    def __str__(self):
        return "B-str"
    def __repr__(self):
        return "B-repr"
class OnlyStr:
    def __str__(self):
        return "only str"
print(A(), repr(A()), str(A()), [A()])
print(B(), repr(B()), str(B()), [B()], (B(),), {"k": B()})
print(OnlyStr(), f"{OnlyStr()}", "%s" % OnlyStr())
