# bytearray's reduction: latin-1 text below protocol 3, bytes from 3 on; copy
# and deepcopy go through it.
import copy

b = bytearray(b'a\xffb')
print(b.__reduce__())
for protocol in range(6):
    print(protocol, b.__reduce_ex__(protocol))
c = copy.deepcopy(b)
c.append(1)
print(b, c, copy.copy(bytearray()))
