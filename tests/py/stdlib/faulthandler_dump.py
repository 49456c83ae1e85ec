# faulthandler: stacks written by dump_traceback(), on a fatal signal, on a
# timer and on a registered signal, in CPython's format (thread ids masked).
import faulthandler
import os
import re
import signal
import sys
import tempfile
import threading
import time

HERE = os.path.basename(__file__)


def masked(text):
    """The lines about this file and the headers, ids masked."""
    out = []
    for line in text.splitlines():
        line = re.sub(r"0x[0-9a-f]{16}", "0x<id>", line)
        if line.startswith("  File"):
            if HERE not in line:
                continue
            line = re.sub(r'File ".*?([^/"]+)"', r'File "\1"', line)
        out.append(line)
    return out


def dumped(**kwargs):
    with tempfile.TemporaryFile("w+") as f:
        faulthandler.dump_traceback(f, **kwargs)
        f.seek(0)
        return f.read()


def inner():
    return dumped(all_threads=False)


print("\n".join(masked(inner())))
print("\n".join(masked(dumped())))

# Another thread, waiting: it is listed before the current one.
ready = threading.Event()
release = threading.Event()


def waiter():
    ready.set()
    release.wait()


t = threading.Thread(target=waiter)
t.start()
ready.wait()
time.sleep(0.05)
print("\n".join(masked(dumped())))
release.set()
t.join()

# The state functions.
print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled())
print(faulthandler.disable())
print(faulthandler.disable())
print(faulthandler.is_enabled())

# Bad arguments.
for call in (lambda: faulthandler.dump_traceback_later(0),
             lambda: faulthandler.dump_traceback_later(-1),
             lambda: faulthandler.register(signal.SIGSEGV),
             lambda: faulthandler.dump_traceback(file=object()),
             lambda: faulthandler.enable(file="x")):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)


def in_child(body):
    """Runs [body] in a forked child whose stderr is a pipe; returns what
    it wrote and how it ended."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 2)
        try:
            body()
        finally:
            os._exit(0)
    os.close(w)
    chunks = []
    while True:
        data = os.read(r, 4096)
        if not data:
            break
        chunks.append(data)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        how = "signal %d" % os.WTERMSIG(status)
    else:
        how = "exit %d" % os.WEXITSTATUS(status)
    return masked(b"".join(chunks).decode()), how


def crash():
    faulthandler.enable()

    def deep():
        os.abort()

    deep()


lines, how = in_child(crash)
print("\n".join(lines))
print(how)


def hang():
    faulthandler.dump_traceback_later(0.05, exit=True)

    def sleeper():
        time.sleep(5)

    sleeper()


lines, how = in_child(hang)
print("\n".join(lines))
print(how)


def cancelled():
    faulthandler.dump_traceback_later(0.05, exit=True)
    faulthandler.cancel_dump_traceback_later()
    time.sleep(0.15)
    sys.stderr.write("not dumped\n")
    sys.stderr.flush()


lines, how = in_child(cancelled)
print("\n".join(lines))
print(how)


def repeated():
    faulthandler.dump_traceback_later(0.02, repeat=True)
    time.sleep(0.3)
    faulthandler.cancel_dump_traceback_later()


lines, how = in_child(repeated)
print(sum(1 for line in lines if line.startswith("Timeout")) >= 2, how)


def user_signal():
    faulthandler.register(signal.SIGUSR1, all_threads=False)
    os.kill(os.getpid(), signal.SIGUSR1)
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1),
          file=sys.stderr)


lines, how = in_child(user_signal)
print("\n".join(lines))
print(how)
