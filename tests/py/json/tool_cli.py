# json.tool's command line: the layouts, JSON Lines, an output file and
# the error that ends it (driven through main() with sys.argv set).
import contextlib
import io
import json.tool
import os
import shutil
import sys
import tempfile

tmp = tempfile.mkdtemp()
doc = os.path.join(tmp, 'doc.json')
with open(doc, 'w', encoding='utf-8') as f:
    f.write('{"b": [1, 2.5, {"x": "\\u00e9", "y": true}], "a": null, "c": {}}')
lines = os.path.join(tmp, 'lines.json')
with open(lines, 'w', encoding='utf-8') as f:
    f.write('{"k": [1, 2]}\n[3]\n"four"\n')
bad_lines = os.path.join(tmp, 'bad.json')
with open(bad_lines, 'w', encoding='utf-8') as f:
    f.write('{"ok": 1}\n{oops\n[2]\n')


class KeptOpen(io.StringIO):
    # json.tool closes the stream it writes to, standard output included.
    def close(self):
        pass


def run(*args):
    sys.argv = ['json.tool', *args]
    out = KeptOpen()
    status = 0
    with contextlib.redirect_stdout(out):
        try:
            json.tool.main()
        except SystemExit as e:
            status = e.code if isinstance(e.code, int) else 1
            if not isinstance(e.code, int):
                print('exit:', e.code)
    shown = [a if not a.startswith(tmp) else os.path.basename(a) for a in args]
    print('==', ' '.join(shown), '->', status)
    print(out.getvalue(), end='')


try:
    run(doc)
    run('--sort-keys', doc)
    run('--compact', doc)
    run('--tab', doc)
    run('--no-indent', '--no-ensure-ascii', doc)
    run('--indent', '1', '--sort-keys', doc)
    run('--json-lines', '--compact', lines)
    run('--json-lines', lines)
    run('--json-lines', '--no-indent', bad_lines)
    out_path = os.path.join(tmp, 'out.json')
    run('--compact', doc, out_path)
    with open(out_path, encoding='utf-8') as f:
        print('file:', f.read(), end='')
    with contextlib.redirect_stderr(io.StringIO()) as err:
        run('--tab', '--compact', doc)
    print(err.getvalue().splitlines()[-1])
finally:
    shutil.rmtree(tmp)
