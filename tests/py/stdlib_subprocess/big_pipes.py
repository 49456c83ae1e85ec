# communicate() with 1 MiB on stdin and 1 MiB on each of stdout and stderr
# at once: this deadlocks unless the three pipes are served together.
import subprocess

MIB = 1 << 20
data = bytes(range(256)) * (MIB // 256)
script = 'cat; head -c %d /dev/zero | tr "\\0" e >&2' % MIB
# The child echoes the input on stdout while writing stderr afterwards;
# a second child writes both pipes at the same time.
p = subprocess.Popen(['sh', '-c', script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE)
out, err = p.communicate(data)
print(p.returncode, len(out), out == data, len(err), err == b'e' * MIB)

both = ('(yes abcdefg | head -c %d) & (yes 0123456 | head -c %d >&2) & cat >/dev/null; wait'
        % (MIB, MIB))
p = subprocess.Popen(['sh', '-c', both], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE)
out, err = p.communicate(data)
print(p.returncode, len(out), out[:16], len(err), err[:16])
print(out == b'abcdefg\n' * (MIB // 8), err == b'0123456\n' * (MIB // 8))

# Text mode with the same volume, and run() capturing it.
r = subprocess.run(['sh', '-c', both], input=data.decode('latin-1').encode('utf-8'),
                   capture_output=True)
print(r.returncode, len(r.stdout), len(r.stderr))
r = subprocess.run(['cat'], input='\u00e9' * MIB, capture_output=True, text=True)
print(len(r.stdout), r.stdout == '\u00e9' * MIB)

# Reading a large stdout through the file object, then waiting.
p = subprocess.Popen(['sh', '-c', 'yes line | head -n 200000'], stdout=subprocess.PIPE)
count = sum(1 for _ in p.stdout)
p.stdout.close()
print(count, p.wait())
