# signal's Python layer: the Signals/Handlers/Sigmasks enums, the constants
# they replace, and the enum conversions of signal/getsignal/valid_signals.
import signal


def show(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)


print(repr(signal.SIGINT), repr(signal.SIGTERM), repr(signal.SIG_DFL), repr(signal.SIG_IGN))
print(repr(signal.SIG_BLOCK), repr(signal.SIG_UNBLOCK), repr(signal.SIG_SETMASK))
print(signal.SIGINT == 2, int(signal.SIGKILL), str(signal.SIGINT), f"{signal.SIGTERM}")
print(signal.Signals.__module__, signal.Handlers.__module__, signal.Sigmasks.__module__)
print(repr(signal.Signals(6)), repr(signal.SIGIOT), signal.SIGIOT is signal.SIGABRT)
print(repr(signal.Signals(29)), signal.SIGPOLL is signal.SIGIO, repr(signal.Signals(17)))
print([m.name for m in signal.Signals][:10])
print(signal.Signals["SIGUSR1"].value, signal.Signals.SIGHUP.name)
show(lambda: signal.Signals(999))
print(repr(signal.getsignal(signal.SIGINT)) != "", repr(signal.getsignal(signal.SIGUSR1)))
print(repr(signal.getsignal(15)))


def handler(num, frame):
    print("got", repr(signal.Signals(num)))


old = signal.signal(signal.SIGUSR1, handler)
print(repr(old), signal.getsignal(signal.SIGUSR1) is handler)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))
print(repr(signal.signal(signal.SIGUSR2, 1)), repr(signal.getsignal(signal.SIGUSR2)))
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
show(lambda: signal.signal(signal.SIGUSR1, "nope"))
show(lambda: signal.signal(99999, signal.SIG_DFL))
show(lambda: signal.getsignal(99999))
signal.signal(signal.SIGUSR1, handler)
import os
os.kill(os.getpid(), signal.SIGUSR1)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
valid = signal.valid_signals()
print(type(valid).__name__, signal.SIGINT in valid, all(type(s) is signal.Signals for s in valid if s < 32))
print(signal.strsignal(signal.SIGINT), signal.strsignal(2))
