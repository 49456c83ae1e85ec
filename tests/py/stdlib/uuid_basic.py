# uuid: the UUID value type from every constructor form, its views, the
# name-based generators (deterministic), and the shape of random ones.
import uuid

u = uuid.UUID('12345678-1234-5678-1234-567812345678')
print(repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.fields, u.version, u.variant, u.urn)
print(u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node, u.clock_seq, u.time)
print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid3(uuid.NAMESPACE_URL, 'x'), uuid.uuid5(uuid.NAMESPACE_OID, 'raw'), uuid.NAMESPACE_X500)
print(uuid.UUID(int=5), uuid.UUID(bytes=b'a' * 16), uuid.UUID('{12345678-1234-5678-1234-567812345678}'),
      uuid.UUID('urn:uuid:12345678123456781234567812345678'), uuid.UUID(bytes_le=u.bytes_le) == u,
      uuid.UUID(fields=u.fields) == u, uuid.UUID(fields=(1, 2, 3, 4, 5, 6), version=4))
for kwargs in ({'hex': 'zz'}, {}, {'hex': '1234567812345678123456781234567g'}, {'int': -1},
               {'int': 1 << 128}, {'int': 1, 'version': 9}, {'bytes': b'short'}, {'bytes_le': b'x'},
               {'fields': (1, 2, 3)}, {'fields': (1 << 32, 0, 0, 0, 0, 0)}, {'int': 1, 'hex': 'a' * 32}):
    try:
        print(uuid.UUID(**kwargs))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    u.x = 1
except TypeError as e:
    print(e)
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.SafeUUID.unknown, u.is_safe)
print(hash(u) == hash(u.int), u < uuid.UUID(int=2 ** 127), u == uuid.UUID(u.hex), u == u.int, int(u) == u.int)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1), uuid.UUID(int=2)]))
for v in range(1, 6):
    w = uuid.UUID(int=(1 << 128) - 1, version=v)
    print(v, w, w.version, w.variant)
for variant_bits in (0, 4, 6, 7):
    print(uuid.UUID(int=variant_bits << 61).variant)
r4 = uuid.uuid4()
print(r4.version, r4.variant, r4 != uuid.uuid4(), len(str(r4)))
r1, r1b = uuid.uuid1(), uuid.uuid1()
print(r1.version, r1.variant, r1 != r1b, r1.time <= r1b.time, uuid.uuid1(node=7, clock_seq=5).node, uuid.uuid1(clock_seq=5).clock_seq)
print(0 <= uuid.getnode() < (1 << 48))
