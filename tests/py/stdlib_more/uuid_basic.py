# uuid: parsing every input form, the derived views, ordering, uuid4/uuid1
# structure (random parts are not printed) and the errors.
import uuid

u = uuid.UUID("{12345678-1234-5678-1234-567812345678}")
print(u, repr(u), u.hex, u.int, u.urn, u.version, u.variant)
print(u.bytes, u.bytes_le, u.fields, u.time_low, u.node, u.clock_seq, u.time)
for form in ["12345678123456781234567812345678", "urn:uuid:12345678-1234-5678-1234-567812345678"]:
    print(uuid.UUID(form) == u)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u,
      uuid.UUID(fields=u.fields) == u, uuid.UUID(int=u.int) == u)
v = uuid.UUID(int=u.int, version=4)
print(v, v.version, v.variant, sorted([v, u]) == [u, v] or sorted([v, u]) == [v, u], u < v)
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL.version, hash(u) == hash(uuid.UUID(str(u))), int(u) == u.int)
r = uuid.uuid4()
print(r.version, r.variant, len(str(r)), r != uuid.uuid4())
t = uuid.uuid1()
print(t.version, t.variant, t != uuid.uuid1())
for bad in [lambda: uuid.UUID("xyz"), lambda: uuid.UUID(), lambda: uuid.UUID(int=-1),
            lambda: uuid.UUID(bytes=b"short"), lambda: uuid.UUID(hex="0" * 32, version=9),
            lambda: uuid.UUID(fields=(1, 2, 3)), lambda: setattr(u, "int", 5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
