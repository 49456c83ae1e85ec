# Library types that pickle through their own reductions: enums,
# namedtuples, collections, datetime, fractions and dataclasses, and copy
# still deep-copying them.
import pickle, collections, enum, datetime, fractions, dataclasses, io, copy
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Perm(enum.IntFlag):
    R = 4
    W = 2
P = collections.namedtuple('P', 'x y')
@dataclasses.dataclass
class DC:
    a: int
    b: list = dataclasses.field(default_factory=list)
vals = [Color.RED, Perm.R | Perm.W, P(1, 2), collections.OrderedDict(a=1, b=2), collections.defaultdict(list, {'k': [1]}),
        collections.deque([1, 2], maxlen=5), collections.Counter('abca'), datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 3, 4, 5),
        datetime.timedelta(days=1, seconds=5), fractions.Fraction(3, 4), DC(1, [2])]
for v in vals:
    for p in (0, 2, 4):
        try:
            b = pickle.loads(pickle.dumps(v, p))
            print(p, type(b).__name__, repr(b), b == v)
        except Exception as e:
            print(p, type(v).__name__, 'ERR', type(e).__name__, e)
print(pickle.dumps(Color.RED, 4))
print(pickle.dumps(P(1, 2), 2))
print(copy.deepcopy([Color.RED, P(1, [2])]))
