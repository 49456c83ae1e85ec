class A:
    def greet(self):
        return ["A"]
class B(A):
    def greet(self):
        return ["B"] + super().greet()
class C(B):
    def greet(self):
        return ["C"] + super().greet()
class D(C):
    pass
print(D().greet(), C().greet(), B().greet())
print(super(C, D()).greet(), super(B, C()).greet())
