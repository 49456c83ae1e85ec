@d
class A: pass
@d
