# An async comprehension nested in a plain comprehension inside an async
# function makes the outer one asynchronous (3.11); in a plain function it
# is still a SyntaxError.
import asyncio
async def agen(xs):
    for x in xs:
        yield x
async def main():
    a = [[i + j async for i in agen([1, 2])] for j in [10, 20]]
    b = [{i + j async for i in agen([1, 2])} for j in [10, 20]]
    c = {j: [i async for i in agen(range(j))] for j in range(3)}
    d = [x for x in [y async for y in agen([5, 6])]]
    return a, b, c, d
print(asyncio.run(main()))
for src in ["def f():\n    return [[i async for i in x] for j in y]\n",
            "async def f():\n    return [[i async for i in x] for j in y]\n",
            "async def f():\n    return ([i async for i in x] for j in y)\n"]:
    try:
        compile(src, "s", "exec"); print("ok")
    except SyntaxError as e:
        print(e.msg, e.lineno)
