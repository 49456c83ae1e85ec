# __import__ and the builtins module itself.
import builtins
sys = __import__('sys')
print(sys.__name__, __import__('time').__name__)
print(builtins.len is len, builtins.__name__, builtins.True_ if hasattr(builtins, 'True_') else 'no True_')
print(builtins.IOError is OSError, builtins.EnvironmentError is OSError)
print(builtins.NotImplemented is NotImplemented, builtins.Ellipsis is ...)
print(__debug__, type(builtins.__build_class__).__name__)
for args in [(), (1,), ('',), ('nosuchmodule_xyz',), ('sys', None, None, None, -1)]:
    try:
        __import__(*args)
    except (TypeError, ValueError, ImportError) as e:
        print(type(e).__name__ + ':', e)
builtins.my_new_builtin = 'visible everywhere'
print(my_new_builtin)
del builtins.my_new_builtin
try:
    my_new_builtin
except NameError as e:
    print('NameError:', e)
