"""`gilpy -m json.tool [infile [outfile]]`: checks JSON and pretty-prints it.

Design notes
------------
The command line of CPython's json.tool, option for option, so that
shell scripts written against it work unchanged: it reads one document
(or, with --json-lines, one per line) from a file or standard input and
writes it back through json.dump with four-space indentation unless told
otherwise. Any ValueError (a JSONDecodeError, or a bad option value that
only shows while dumping) ends the program with its message and status 1,
through SystemExit, which is what CPython prints too.
"""

import argparse
import json
import sys
from pathlib import Path


def _parser():
    parser = argparse.ArgumentParser(
        prog='python -m json.tool',
        description='Check JSON text and print it back, indented.')
    parser.add_argument('infile', nargs='?',
                        type=argparse.FileType(encoding='utf-8'),
                        help='the JSON file to read (standard input by default)',
                        default=sys.stdin)
    parser.add_argument('outfile', nargs='?', type=Path,
                        help='the file to write (standard output by default)',
                        default=None)
    parser.add_argument('--sort-keys', action='store_true', default=False,
                        help='write the keys of every object in sorted order')
    parser.add_argument('--no-ensure-ascii', dest='ensure_ascii', action='store_false',
                        help='write non-ASCII characters as they are, not as \\u escapes')
    parser.add_argument('--json-lines', action='store_true', default=False,
                        help='read one document per input line (JSON Lines); with '
                             '--no-indent or --compact the output is JSON Lines too')
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument('--indent', default=4, type=int,
                        help='indent nested items by this many spaces (default 4)')
    layout.add_argument('--tab', action='store_const', dest='indent', const='\t',
                        help='indent nested items with tabs')
    layout.add_argument('--no-indent', action='store_const', dest='indent', const=None,
                        help='write each document on one line')
    layout.add_argument('--compact', action='store_true',
                        help='write each document on one line without any spaces')
    return parser


def main():
    options = _parser().parse_args()
    dump_args = {'sort_keys': options.sort_keys, 'indent': options.indent,
                 'ensure_ascii': options.ensure_ascii}
    if options.compact:
        dump_args['indent'] = None
        dump_args['separators'] = (',', ':')
    with options.infile as infile:
        try:
            # Lazily, line by line: what comes before a bad line is
            # written before the error ends the program.
            if options.json_lines:
                documents = (json.loads(line) for line in infile)
            else:
                documents = (json.load(infile),)
            out = (options.outfile.open('w', encoding='utf-8')
                   if options.outfile is not None else sys.stdout)
            with out:
                for document in documents:
                    json.dump(document, out, **dump_args)
                    out.write('\n')
        except ValueError as error:
            raise SystemExit(error)


if __name__ == '__main__':
    try:
        main()
    except BrokenPipeError as error:
        sys.exit(error.errno)
