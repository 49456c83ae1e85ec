# Autospec details: lazily specced attributes, spec_set, async methods,
# call matching through signatures, mock_add_spec and __class__.
import asyncio
import inspect
import re
from unittest.mock import (Mock, MagicMock, NonCallableMock, create_autospec,
                           call, patch)


def show(obj):
    print(re.sub(r"id='\d+'", "id=X", repr(obj)))


class Engine:
    size = 3
    label = 'v8'

    def start(self, rpm, *, choke=False):
        return rpm

    async def warm(self, seconds):
        return seconds


class Car:
    engine = Engine()
    wheels = [1, 2, 3, 4]

    def drive(self, distance):
        return distance


car = create_autospec(Car, instance=True)
show(car.engine)
show(car.engine.start)
car.engine.start(1000, choke=True)
car.engine.start.assert_called_once_with(1000, choke=True)
try:
    car.engine.start(1, 2)
except TypeError as e:
    print('TypeError:', e)
print(type(car.engine.size).__name__, type(car.wheels).__name__)
try:
    car.engine.nothing
except AttributeError as e:
    print('AttributeError:', e)
print(car.mock_calls)

car.drive(5)
car.drive.assert_called_with(distance=5)
car.drive.assert_called_with(5)
print(car.method_calls)

strict = create_autospec(Car, spec_set=True, instance=True)
try:
    strict.color = 'red'
except AttributeError as e:
    print('AttributeError:', e)
strict.wheels = [0]
print(strict.wheels)

print(type(car.engine.warm).__name__,
      inspect.iscoroutinefunction(car.engine.warm))
async def use():
    car.engine.warm.return_value = 'hot'
    return await car.engine.warm(5)
print(asyncio.run(use()))
car.engine.warm.assert_awaited_once_with(5)

m = Mock()
m.mock_add_spec(['alpha'])
m.alpha
try:
    m.beta
except AttributeError as e:
    print('AttributeError:', e)

m = Mock()
m.__class__ = dict
print(isinstance(m, dict), isinstance(m, Mock))

# spec'd methods compare calls by signature
spec_mock = Mock(spec=Engine)
spec_mock.start(10, choke=False)
spec_mock.start.assert_called_with(10, choke=False)
print(spec_mock.start.call_args == call(10, choke=False))
print(spec_mock.mock_calls == [call.start(10, choke=False)])

with patch.object(Engine, 'start', autospec=True, return_value=7) as fake:
    e = Engine()
    print(e.start(1), fake.call_args == call(e, 1))

auto = create_autospec(lambda x, y=1: None)
print(auto.__name__, type(auto(1)).__name__, auto.call_args)
nc = NonCallableMock(spec=Engine)
print(callable(nc), nc.label is nc.label)

def documented(a, b=2):
    "A docstring."
auto = create_autospec(documented)
print(auto.__name__, auto.__qualname__, auto.__doc__, auto.__module__,
      inspect.signature(auto))
