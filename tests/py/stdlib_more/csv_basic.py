# csv: reading quoted/escaped/multi-line fields, writing with each quoting
# mode, DictReader/DictWriter, dialects and the errors for bad input.
import csv
import io

data = 'name,age,notes\r\nAlice,30,"likes ""quotes"""\r\nBob,25,"multi\nline"\r\n"Eve, Jr.",,\r\n'
rows = list(csv.reader(io.StringIO(data, newline="")))
print(rows)
r = csv.reader(["a,b", "", "c, d", '"x"y,z'])
print(list(r), r.line_num)
print(list(csv.reader(["a; b;c"], delimiter=";", skipinitialspace=True)))
print(list(csv.reader(["a\\,b,c"], escapechar="\\")), list(csv.reader(["1,'2,3',4"], quotechar="'")))
print(list(csv.reader(['1,"a",2.5'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['"a"b,c'], quoting=csv.QUOTE_NONE)), list(csv.reader(["a\tb"], dialect="excel-tab")))

out = io.StringIO()
w = csv.writer(out)
print(w.writerow(["plain", "with,comma", 'with "quote"', "multi\nline", "", None, 1, 2.5, True]))
w.writerows([[""], ["x"], []])
print(repr(out.getvalue()))
for quoting in (csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL):
    out = io.StringIO()
    csv.writer(out, quoting=quoting, lineterminator="\n").writerow(["a", 1, 2.0, "b c"])
    print(quoting, repr(out.getvalue()))
out = io.StringIO()
csv.writer(out, quoting=csv.QUOTE_NONE, escapechar="\\").writerow(["a,b", 'c"d'])
print(repr(out.getvalue()))
out = io.StringIO()
csv.writer(out, doublequote=False, escapechar="\\").writerow(['say "hi"'])
print(repr(out.getvalue()))
out = io.StringIO()
csv.writer(out, dialect="unix").writerow(["a", "b"])
print(repr(out.getvalue()))

text = "id,name\n1,one\n2,two,extra\n3\n"
dr = csv.DictReader(io.StringIO(text))
print(dr.fieldnames, [dict(row) for row in dr])
dr = csv.DictReader(io.StringIO("1,2\n"), fieldnames=["a", "b", "c"], restval="?")
print(list(dr))
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=["x", "y"], lineterminator="\n")
dw.writeheader()
dw.writerow({"x": 1, "y": "two"})
dw.writerows([{"x": 3}, {"y": 4}])
print(repr(out.getvalue()))
try:
    dw.writerow({"x": 1, "z": 2})
except ValueError as e:
    print("ValueError:", e)

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
out = io.StringIO()
csv.writer(out, "pipes").writerow(["a", "b"])
print(repr(out.getvalue()), "pipes" in csv.list_dialects(), csv.get_dialect("pipes").delimiter)
csv.unregister_dialect("pipes")
for bad in [lambda: csv.get_dialect("nope"), lambda: list(csv.reader(['"abc'], strict=True)),
            lambda: list(csv.reader(['a"b"c,"d"e'], strict=True)),
            lambda: list(csv.reader(["a\rb"])),
            lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"]),
            lambda: csv.reader([], delimiter="::"), lambda: csv.reader([], quoting=9),
            lambda: list(csv.reader([b"bytes"])), lambda: csv.writer(io.StringIO()).writerow(5)]:
    try:
        print(bad())
    except (csv.Error, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(list(csv.reader(['"abc'])), csv.field_size_limit() > 0)
sniffed = csv.Sniffer().sniff("a;b;c\n1;2;3\n")
print(sniffed.delimiter, csv.Sniffer().has_header("name,age\nx,1\ny,2\n"))
