# signal: Signals/Handlers enums, Python handlers run in the main thread,
# SIGINT with a custom handler and back with default_int_handler, errors.
import signal, os, time
print(signal.SIGINT, repr(signal.SIGTERM), signal.SIG_DFL, repr(signal.SIG_IGN), signal.SIGIOT, int(signal.SIGUSR1))
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1))
got = []
def h(signum, frame):
    got.append(signum)
    print('handler', signal.Signals(signum).name, frame is None or True)
old = signal.signal(signal.SIGUSR1, h)
print('old', old)
os.kill(os.getpid(), signal.SIGUSR1)
for _ in range(1000): pass
time.sleep(0.01)
print('got', got)
signal.raise_signal(signal.SIGUSR1)
print('got', got)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is h)
os.kill(os.getpid(), signal.SIGUSR1)
time.sleep(0.01)
print(signal.getsignal(signal.SIGUSR1), got)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
def inth(s, f):
    raise RuntimeError('custom int')
signal.signal(signal.SIGINT, inth)
try:
    signal.raise_signal(signal.SIGINT)
    for _ in range(100): pass
except RuntimeError as e:
    print('caught', e)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(1)
except KeyboardInterrupt:
    print('KeyboardInterrupt')
for bad in [(0, h), (signal.SIGUSR1, 5), (signal.SIGUSR1, 'x'), (signal.SIGKILL, h)]:
    try:
        signal.signal(*bad)
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
import threading
def t():
    try: signal.signal(signal.SIGUSR1, h)
    except ValueError as e: print('thread:', e)
th = threading.Thread(target=t); th.start(); th.join()
print(signal.strsignal(signal.SIGTERM), signal.SIGRTMIN, signal.NSIG)
print(sorted(signal.valid_signals())[:5], len(signal.valid_signals()))
print(signal.Signals(2), signal.Handlers.SIG_IGN)
