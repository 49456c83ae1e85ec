# csv.reader: the parser's state machine on quoted fields, doubled quotes,
# escapes, line breaks inside and outside quotes, strict mode, the field
# size limit and QUOTE_NONNUMERIC, with CPython's errors.
import csv
import io


def show(lines, **fmt):
    r = csv.reader(lines, **fmt)
    out = []
    try:
        for row in r:
            out.append(row)
    except (csv.Error, ValueError) as e:
        out.append(type(e).__name__ + ": " + str(e))
    print(repr(out), r.line_num)


# Quoted fields with delimiters, doubled quotes and empty fields.
show(['a,"b,c",d\r\n', '"",,""\r\n', '"x""y""",z\n'])
show(['"unterminated,field\n', 'goes on",end\n', 'next\n'])
show(['a,b\r', '\n', 'c\r\n'])
show(["", "a", "", "b,", ",", ",,"])
show(['  a, b,"c"', ' "q", x'], skipinitialspace=True)
# Text after a closing quote: lenient by default, an error when strict.
show(['"ab"cd,e'])
show(['"ab"cd,e'], strict=True)
show(['"ab" ,e'], strict=True)
show(['"abc'], strict=True)
show(['a,"bc'])
show(['a,"bc\n'])
# Escapes, outside and inside quotes, and at the very end of a line.
show(['a\\,b,c\\\\d'], escapechar='\\')
show(['"a\\"b",c'], escapechar='\\', doublequote=False)
show(['a\\\n', 'b,c\n'], escapechar='\\')
show(['a\\', 'b,c'], escapechar='\\')
show(['"a\\', 'b",c'], escapechar='\\')
show(['a\\\r\n', 'more'], escapechar='\\')
show(['a\\\rb', '', 'c', 'd,e'], escapechar='\\')
show(['a\\\nb', 'c'], escapechar='\\', strict=True)
show(['"a""b"'], doublequote=False)
# QUOTE_NONE: quotes are ordinary characters.
show(['"a,b",c'], quoting=csv.QUOTE_NONE)
show(['a"b,c'], quotechar=None)
# Unquoted line breaks in the middle of a line.
show(['a\rb'])
show(['a,b\nc'])
show(['"a\rb",c'])
# Non-ASCII text and delimiters.
show(['é;ü;"ça, va"'], delimiter=';')
show(['x§y§"z§w"'], delimiter='§')
show(['«a«b«,c'], quotechar='«')
show(['a\x00b,c'])
# QUOTE_NONNUMERIC: unquoted fields become floats.
show(['1,2.5,"3", 4 ,-1e3,'], quoting=csv.QUOTE_NONNUMERIC)
show(['1,abc'], quoting=csv.QUOTE_NONNUMERIC)
# Input that is not text.
show([b'a,b'])
show([1])
# The field size limit counts characters, quoted or not.
old = csv.field_size_limit(4)
show(['abcd,ef'])
show(['abcde,f'])
show(['"abc', 'd"'])
show(['"ab""c"'])
show(['ééé,éééé'])
show(['éééée'])
print(old, csv.field_size_limit(old), csv.field_size_limit())
# Readers over files and generators, and line_num across records.
r = csv.reader(io.StringIO('h1,h2\r\n"multi\r\nline",2\r\n\r\nlast,row\r\n', newline=''))
for row in r:
    print(r.line_num, row)
r = csv.reader(line for line in ['a,b', 'c,d'])
print(next(r), r.line_num, iter(r) is r, list(r), r.line_num)
print(type(r).__name__, r.dialect.delimiter)
# A reader can continue after an error in one record.
r = csv.reader(['"a"b', 'ok,row'], strict=True)
try:
    next(r)
except csv.Error as e:
    print('Error:', e)
print(next(r), r.line_num)
