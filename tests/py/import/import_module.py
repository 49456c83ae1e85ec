import _shapes
print(_shapes.area(2), _shapes.Square(3).area(), _shapes.PI)
print(_shapes.__name__, type(_shapes).__name__)
import _shapes
print("second import did not re-execute")
print(_shapes.bump(), _shapes.bump(), _shapes.counter)
