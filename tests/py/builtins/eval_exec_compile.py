# eval(), exec() and compile(): namespaces, code objects and errors.
x = 10
print(eval('x + 1'), eval('  x * 2'), eval('\tx'), eval(b'1 + 1'))
print(eval('y', {'y': 5}), eval('a + b', {'a': 1}, {'b': 2}))
g = {}
exec('z = 3\ndef f():\n    return z * 2', g)
print(sorted(g), g['f']())
print('__builtins__' in g)
exec('w = 7')
print(w)

def local_exec():
    ns = {}
    exec('q = 1', globals(), ns)
    return ns

print(local_exec())
code = compile('1 + 2', 'f', 'eval')
print(type(code).__name__, eval(code), exec(code))
code = compile('print("compiled exec")', '<mine>', 'exec')
exec(code)
print(eval(compile('x = 1', 'f', 'exec')))
print(eval('len', {'__builtins__': {'len': 'shadowed'}}))

def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except (TypeError, ValueError, SyntaxError, NameError) as e:
        print(type(e).__name__ + ':', e)

attempt(eval)
attempt(eval, 1)
attempt(exec, 1)
attempt(eval, 'x', [])
attempt(eval, 'x', {}, 1)
attempt(exec, 'x = 1', 1)
attempt(exec, 'x = 1', {}, 1)
attempt(eval, '1', globals={})
attempt(eval, '1', {}, {}, {})
attempt(exec)
attempt(compile, '1', 'f', 'x')
attempt(compile, 1, 'f', 'exec')
attempt(compile, '1', 'f')
attempt(compile, 'x', 'f', 1)
attempt(eval, 'x\x00')
attempt(eval, 'undefined_name')
attempt(eval, 'len', {'__builtins__': {}})
