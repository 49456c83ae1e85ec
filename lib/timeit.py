"""Timing small pieces of code: Timer, timeit(), repeat() and default_timer.

Design notes
------------
A Timer turns the statement to time into the body of a loop inside a
generated function, compiled once:

    def inner(_it, _timer):
        <setup>
        _t0 = _timer()
        for _i in _it:
            <stmt>
        _t1 = _timer()
        return _t1 - _t0

so that a measurement costs one call plus the bare loop, and the setup
runs once per measurement, untimed.  Either piece may instead be a
callable, in which case the loop calls it (handed in as a default
argument, so the lookup is a fast local one).  The loop iterates over
itertools.repeat(None, number), which produces no new objects per step.

String code is compiled on its own first, outside any function, so that
a syntax error is reported against the code the caller wrote and so
that statements that are only legal inside a function (return, yield)
are rejected as they would be at module level.

The generated function runs with the globals of this module unless the
caller passes globals=..., so a statement that uses the caller's names
needs globals=globals() or an import in the setup, exactly as with
CPython.

The garbage collector is switched off while timing, so that a collection
triggered by unrelated garbage does not distort one measurement; setup
code may call gc.enable() to measure with it.
"""

import gc
import itertools
import time

__all__ = ['Timer', 'timeit', 'repeat', 'default_timer']

# The file name used for the generated code in tracebacks.
dummy_src_name = '<timeit-src>'
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_module_globals = globals

_TEMPLATE = '''
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
'''


def _indent(code, spaces):
    """[code] with every line after the first indented by [spaces]."""
    return code.replace('\n', '\n' + ' ' * spaces)


class Timer:
    """Times the execution of [stmt] after running [setup] once.

    Both are strings of Python code (with newlines for several lines) or
    zero-argument callables.  [timer] is the clock, [globals] the
    namespace the code runs in (this module's by default).
    """

    def __init__(self, stmt='pass', setup='pass', timer=default_timer,
                 globals=None):
        self.timer = timer
        namespace = {}
        run_globals = _module_globals() if globals is None else globals
        extra_args = ''
        if isinstance(setup, str):
            compile(setup, dummy_src_name, 'exec')
            # The statement is checked with the setup in front of it, so
            # that it may continue a construct the setup opened.
            check_prefix = setup + '\n'
            setup_code = _indent(setup, 4)
        elif callable(setup):
            namespace['_setup'] = setup
            extra_args += ', _setup=_setup'
            check_prefix = ''
            setup_code = '_setup()'
        else:
            raise ValueError('setup is neither a string nor callable')
        if isinstance(stmt, str):
            compile(check_prefix + stmt, dummy_src_name, 'exec')
            stmt_code = _indent(stmt, 8)
        elif callable(stmt):
            namespace['_stmt'] = stmt
            extra_args += ', _stmt=_stmt'
            stmt_code = '_stmt()'
        else:
            raise ValueError('stmt is neither a string nor callable')
        self.src = _TEMPLATE.format(stmt=stmt_code, setup=setup_code,
                                    init=extra_args)
        exec(compile(self.src, dummy_src_name, 'exec'), run_globals, namespace)
        self.inner = namespace['inner']

    def print_exc(self, file=None):
        """Print the traceback of the exception being handled, with the
        lines of the generated code available to it.

        Use it as:  try: t.timeit() except Exception: t.print_exc()
        """
        import linecache
        import traceback
        if self.src is not None:
            lines = self.src.split('\n')
            linecache.cache[dummy_src_name] = (len(self.src), None, lines,
                                               dummy_src_name)
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Seconds taken to run the statement [number] times (the setup
        runs once first, untimed)."""
        steps = itertools.repeat(None, number)
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self.inner(steps, self.timer)
        finally:
            if collecting:
                gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of [repeat] results of timeit(number).

        The minimum is usually the figure to report: the spread comes from
        other activity on the machine, not from the code.
        """
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """Find a number of loops taking at least 0.2 seconds, trying 1, 2,
        5, 10, 20, 50, ...; return (number, seconds).

        [callback], if given, is called as callback(number, seconds) after
        each try.
        """
        scale = 1
        while True:
            for factor in (1, 2, 5):
                number = scale * factor
                taken = self.timeit(number)
                if callback:
                    callback(number, taken)
                if taken >= 0.2:
                    return (number, taken)
            scale *= 10


def timeit(stmt='pass', setup='pass', timer=default_timer,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt='pass', setup='pass', timer=default_timer,
           repeat=default_repeat, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)

