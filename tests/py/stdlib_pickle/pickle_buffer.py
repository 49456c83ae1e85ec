# Protocol 5 PickleBuffer: in-band bytes/bytearray, out-of-band buffers
# through buffer_callback and buffers=, and the protocol errors.
import pickle
pb = pickle.PickleBuffer(b'abc')
print(pickle.dumps(pb, 5))
pb2 = pickle.PickleBuffer(bytearray(b'xyz'))
print(pickle.dumps(pb2, 5))
bufs = []
data = pickle.dumps([pickle.PickleBuffer(b'q'), 1], 5, buffer_callback=bufs.append)
print(data, len(bufs))
out = pickle.loads(data, buffers=[b'Q'])
print(out)
try:
    pickle.dumps(pb, 4)
except Exception as e:
    print(type(e).__name__, e)
try:
    pickle.dumps(1, 4, buffer_callback=print)
except Exception as e:
    print(type(e).__name__, e)
try:
    pickle.loads(data)
except Exception as e:
    print(type(e).__name__, e)
