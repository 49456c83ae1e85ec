# runpy.run_path: a script file and a directory with __main__.py; the
# returned globals, run_name, init_globals, and what the script sees.
import os
import runpy
import shutil
import sys
import tempfile

tmp = tempfile.mkdtemp()
old_cwd = os.getcwd()
os.chdir(tmp)
try:
    with open('script.py', 'w') as f:
        f.write('import sys\n'
                'print("running as", __name__, "package", repr(__package__))\n'
                'print("argv[0] is the script:", sys.argv[0] == __file__)\n'
                'print("registered:", __name__ in sys.modules)\n'
                'print(__spec__, __loader__, __cached__, __doc__)\n'
                'print(sorted(k for k in globals() if k.startswith("__")))\n'
                'RESULT = [n * n for n in range(4)]\n'
                'SEEN = globals().get("GIVEN")\n')
    argv0 = sys.argv[0]
    g = runpy.run_path('script.py')
    print(g['RESULT'], g['__name__'], g['__file__'], g['SEEN'])
    print(sys.argv[0] == argv0, '<run_path>' in sys.modules)
    g = runpy.run_path('script.py', init_globals={'GIVEN': 'hi'}, run_name='pkg.runner')
    print(g['SEEN'], g['__name__'], repr(g['__package__']), type(g).__name__)

    os.mkdir('app')
    with open(os.path.join('app', '__main__.py'), 'w') as f:
        f.write('import helper\n'
                'print("app main:", __name__, repr(__package__), __spec__.name)\n'
                'VALUE = helper.twice(21)\n')
    with open(os.path.join('app', 'helper.py'), 'w') as f:
        f.write('def twice(x):\n    return 2 * x\n')
    g = runpy.run_path('app')
    print(g['VALUE'], 'app' in sys.path)
    sys.modules.pop('helper', None)

    os.mkdir('empty')
    try:
        runpy.run_path('empty')
    except ImportError as exc:
        print('ImportError:', exc)
    try:
        runpy.run_path(os.path.join(tmp, 'missing.py'))
    except FileNotFoundError as exc:
        print('FileNotFoundError:', exc.strerror, os.path.basename(exc.filename))

    with open('fails.py', 'w') as f:
        f.write('x = 1\nraise KeyError("inside the script")\n')
    try:
        runpy.run_path('fails.py', run_name='failing')
    except KeyError as exc:
        print('KeyError:', exc, 'failing' in sys.modules)
finally:
    os.chdir(old_cwd)
    shutil.rmtree(tmp)
