"""A docstring may come before the future statement."""
from __future__ import annotations
from __future__ import division, generator_stop
import __future__
import typing


# Forward references no longer fail: nothing is evaluated.
class Node:
    parent: Node | None
    children: list[Node]

    def add(self, child: Node, *, index: int = -1) -> Node:
        return child

    def walk(self) -> typing.Iterator[Node]:
        yield self


print(Node.__annotations__)
print(Node.add.__annotations__)
print(Node.walk.__annotations__)


def outer():
    # Local variable annotations are not recorded, and not evaluated.
    value: DoesNotExist = 3
    def inner(x: Undefined[Thing]) -> AlsoUndefined:
        return x
    return value, inner.__annotations__


print(outer())

# Annotated targets that are not plain names: the target is still
# evaluated, the annotation is not.
class Box:
    pass

box = Box()
box.attr: Missing = 1
items = {}
items["k"]: Missing = 2
print(box.attr, items)
print(__annotations__)

# The future import is a real import too.
print(annotations, division.compiler_flag, generator_stop.getMandatoryRelease())
print(annotations is __future__.annotations)
print(__future__.all_feature_names)
print(__future__.annotations.getOptionalRelease(), __future__.annotations.getMandatoryRelease())
print(__future__.CO_FUTURE_ANNOTATIONS == __future__.annotations.compiler_flag)
for name in __future__.all_feature_names:
    feature = getattr(__future__, name)
    print(name, repr(feature), type(feature).__name__)
