# csv.DictReader and csv.DictWriter on top of the C reader and writer:
# header handling, short and long rows, blank lines, restval/restkey,
# extrasaction, and the Sniffer on simple samples.
import csv
import io

text = 'id,name,score\r\n1,ann,9.5\r\n\r\n2,bob\r\n3,cy,7,extra,more\r\n'
dr = csv.DictReader(io.StringIO(text, newline=''), restkey='rest', restval='-')
print(dr.line_num, dr.fieldnames, dr.line_num)
for row in dr:
    print(dr.line_num, row)
print(csv.DictReader(io.StringIO('')).fieldnames)
print(list(csv.DictReader(io.StringIO(''))))
names = ['a', 'b']
dr = csv.DictReader(['1;2', '3;4;5'], fieldnames=names, delimiter=';')
print(dr.fieldnames, list(dr))
dr = csv.DictReader(['x,y', '1,2'])
dr.fieldnames = ['p', 'q']
print(list(dr))

out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=['a', 'b', 'c'], restval='?',
                    lineterminator='\n', quoting=csv.QUOTE_NONNUMERIC)
print(dw.fieldnames, dw.writeheader())
print(dw.writerow({'a': 1, 'c': 'x,y'}))
print(dw.writerows([{'b': None}, {'a': 2.5, 'b': 'q"q'}]))
print(repr(out.getvalue()))
try:
    dw.writerow({'a': 1, 'zz': 2})
except ValueError as e:
    print('ValueError:', e)
dw = csv.DictWriter(io.StringIO(), ['a'], extrasaction='IGNORE')
print(dw.writerow({'a': 1, 'b': 2}), dw.extrasaction)
try:
    csv.DictWriter(io.StringIO(), ['a'], extrasaction='drop')
except ValueError as e:
    print('ValueError:', e)

sniffer = csv.Sniffer()
for sample in ['a;b;c\n1;2;3\n4;5;6\n', 'x\ty\n1\t2\n', '"a","b c"\n"1","2"\n',
               "'x', 'y'\n'1', '2'\n"]:
    d = sniffer.sniff(sample)
    print(repr(d.delimiter), repr(d.quotechar), d.skipinitialspace,
          list(csv.reader(io.StringIO(sample), d)))
print(sniffer.has_header('name,age\nann,30\nbob,41\n'),
      sniffer.has_header('1,2\n3,4\n5,6\n'))
