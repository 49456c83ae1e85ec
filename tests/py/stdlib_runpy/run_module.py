# runpy.run_module: modules and packages found on sys.path, the globals of
# the run, alter_sys, and the ImportError messages.
import os
import runpy
import shutil
import sys
import tempfile

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
try:
    os.mkdir(os.path.join(tmp, 'tool'))
    with open(os.path.join(tmp, 'tool', '__init__.py'), 'w') as f:
        f.write('print("tool package init")\n')
    with open(os.path.join(tmp, 'tool', '__main__.py'), 'w') as f:
        f.write('print("tool main:", __name__, __package__, __spec__.name)\n'
                'DONE = True\n')
    with open(os.path.join(tmp, 'tool', 'cmd.py'), 'w') as f:
        f.write('import sys\n'
                'print("cmd:", __name__, repr(__package__), __spec__.name)\n'
                'print("cmd in sys.modules:", __name__ in sys.modules)\n'
                'print("argv0 is cmd.py:", sys.argv[0].endswith("cmd.py"))\n'
                'if __name__ == "__main__":\n'
                '    print("main branch taken")\n'
                'OUT = globals().get("IN", 0) + 1\n')
    g = runpy.run_module('tool.cmd')
    print(g['OUT'], g['__name__'], os.path.basename(g['__file__']), g['__package__'])
    print(g['__loader__'] is g['__spec__'].loader, g['__doc__'])
    g = runpy.run_module('tool.cmd', init_globals={'IN': 41}, run_name='__main__')
    print(g['OUT'])
    argv0 = sys.argv[0]
    g = runpy.run_module('tool.cmd', run_name='__main__', alter_sys=True)
    print(sys.argv[0] == argv0, sys.modules['__main__'].__name__)
    g = runpy.run_module('tool')
    print(g['DONE'], g['__name__'])

    with open(os.path.join(tmp, 'plain.py'), 'w') as f:
        f.write('print("plain body")\n')
    for bad in ['.rel', 'no_such_mod_xyz', 'tool.absent', 'sys', 'tool.__main__.x',
                'plain.py']:
        try:
            runpy.run_module(bad)
            print(bad, 'ran')
        except ImportError as exc:
            print('ImportError:', exc)
finally:
    sys.path.remove(tmp)
    for name in list(sys.modules):
        if name == 'tool' or name.startswith('tool.') or name == 'plain':
            del sys.modules[name]
    shutil.rmtree(tmp)
