import errno
print(len(errno.errorcode), errno.ENOENT, errno.errorcode[11], errno.errorcode[35], errno.errorcode[95], errno.EWOULDBLOCK == errno.EAGAIN)
print(sorted(errno.errorcode.values()) == sorted(n for n in dir(errno) if n.startswith('E') and n not in ('EWOULDBLOCK','EDEADLK','EOPNOTSUPP')) )
print(sorted(errno.errorcode.items()))
