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
import sys
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



_USAGE = """usage: timeit [-n N] [-r N] [-u U] [-s S] [-p] [-v] [-h] [statement ...]

Times a statement (several arguments are lines of one statement), by
default choosing a loop count that takes at least 0.2 seconds.

  -n N, --number=N   run the statement N times per measurement
  -r N, --repeat=N   take N measurements (default 5); the best is reported
  -s S, --setup=S    run S once before each measurement (may be repeated)
  -p, --process      measure process time, not wall-clock time
  -u U, --unit=U     report in U: nsec, usec, msec or sec
  -v, --verbose      print the raw timings, and one more digit
  -h, --help         print this text
"""

_UNITS = {'nsec': 1e-9, 'usec': 1e-6, 'msec': 1e-3, 'sec': 1.0}


def main(args=None, *, _wrap_timer=None):
    """`gilpy -m timeit`: the command line CPython's timeit has, with its
    output format and exit statuses (2 for a usage error, 1 when the timed
    code raises)."""
    import getopt
    import os
    import warnings
    if args is None:
        args = sys.argv[1:]
    try:
        opts, args = getopt.getopt(args, 'n:u:s:r:pvh',
                                   ['number=', 'setup=', 'repeat=', 'process',
                                    'verbose', 'unit=', 'help'])
    except getopt.error as err:
        print(err)
        print('use -h/--help for command line help')
        return 2
    timer = default_timer
    number = 0
    repeat_count = default_repeat
    setup_lines = []
    unit = None
    verbose = 0
    digits = 3
    for opt, value in opts:
        if opt in ('-n', '--number'):
            number = int(value)
        elif opt in ('-s', '--setup'):
            setup_lines.append(value)
        elif opt in ('-u', '--unit'):
            if value not in _UNITS:
                print('Unrecognized unit. Please select nsec, usec, msec, or sec.',
                      file=sys.stderr)
                return 2
            unit = value
        elif opt in ('-r', '--repeat'):
            repeat_count = max(int(value), 1)
        elif opt in ('-p', '--process'):
            timer = time.process_time
        elif opt in ('-v', '--verbose'):
            verbose += 1
            digits += 1
        else:
            print(_USAGE, end='')
            return 0
    stmt = '\n'.join(args) or 'pass'
    setup = '\n'.join(setup_lines) or 'pass'
    # As for a script, the current directory comes first on the path, so
    # the timed code can import the modules beside it.
    sys.path.insert(0, os.curdir)
    if _wrap_timer is not None:
        timer = _wrap_timer(timer)

    def shown(seconds):
        if unit is not None:
            scale, name = _UNITS[unit], unit
        else:
            scale, name = 1e-9, 'nsec'
            for candidate, size in _UNITS.items():
                if seconds >= size:
                    scale, name = size, candidate
        return '%.*g %s' % (digits, seconds / scale, name)

    t = Timer(stmt, setup, timer)
    if number == 0:
        def report(loops, seconds):
            if verbose:
                print('%d loop%s -> %.*g secs' % (loops, '' if loops == 1 else 's',
                                                  digits, seconds))
        try:
            number, _ = t.autorange(report)
        except Exception:
            t.print_exc()
            return 1
        if verbose:
            print()
    try:
        raw = t.repeat(repeat_count, number)
    except Exception:
        t.print_exc()
        return 1
    if verbose:
        print('raw times: %s' % ', '.join(shown(dt) for dt in raw))
        print()
    per_loop = [dt / number for dt in raw]
    best, worst = min(per_loop), max(per_loop)
    print('%d loop%s, best of %d: %s per loop' % (number, '' if number == 1 else 's',
                                                  repeat_count, shown(best)))
    if worst >= best * 4:
        warnings.warn_explicit('The test results are likely unreliable. The worst time (%s) '
                               'was more than four times slower than the best time (%s).'
                               % (shown(worst), shown(best)), UserWarning, '', 0)
    return None


if __name__ == '__main__':
    sys.exit(main())
