# The compile-time and run-time errors of except*.
sources = [
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "try:\n    pass\nexcept*:\n    pass\n",
    "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        for x in y:\n            break\n",
    "def f():\n    try:\n        pass\n    except* ValueError:\n        def g():\n            return 1\n",
    "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        pass\n    finally:\n        break\n",
]
for src in sources:
    try:
        compile(src, "<case>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)


def catch(kind):
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* kind:
        print("  not here")


for kind in [ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int, (ValueError, 1)]:
    try:
        catch(kind)
    except TypeError as e:
        print("TypeError:", e)
        print("  context:", repr(e.__context__))
