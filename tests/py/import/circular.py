import _cycle_a
import _cycle_b
print(_cycle_a.from_b(), _cycle_b.from_a())
