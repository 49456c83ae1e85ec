# mock_open: reading in every style, writing, and the recorded calls.
from unittest.mock import mock_open, patch, call

m = mock_open(read_data='line 1\nline 2\nline 3\n')
with patch('builtins.open', m):
    with open('some/path') as f:
        print(repr(f.read()))
    with open('some/path') as f:
        print(repr(f.readline()), repr(f.readline()))
        print(f.readlines())
    with open('some/path') as f:
        print([line for line in f])
    with open('some/path') as f:
        print(repr(next(f)))
        print(repr(f.read(3)))
print(m.call_count, m.call_args)
m.assert_called_with('some/path')

w = mock_open()
with patch('builtins.open', w):
    with open('out.txt', 'w') as f:
        f.write('hello')
        f.write(' world')
w.assert_called_once_with('out.txt', 'w')
handle = w()
handle.write.assert_any_call('hello')
print(handle.write.call_args_list)
print(w.mock_calls)

b = mock_open(read_data=b'\x00\x01binary')
with patch('builtins.open', b):
    with open('x', 'rb') as f:
        print(f.read())

r = mock_open(read_data='abc')
r.return_value.read.return_value = 'fixed'
with patch('builtins.open', r):
    print(open('q').read())

e = mock_open(read_data='')
with patch('builtins.open', e):
    with open('empty') as f:
        print(repr(f.read()), repr(f.readline()), f.readlines())
