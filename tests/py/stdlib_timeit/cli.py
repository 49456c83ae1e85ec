# timeit's command line (timeit.main), with a fake clock so that the
# figures are exact: every reading of the clock advances it by a fixed step.
import contextlib
import io
import sys
import timeit


def fake_clock(step):
    def wrap(real_timer):
        now = [0.0]

        def clock():
            now[0] += step
            return now[0]
        return clock
    return wrap


def run(args, step=0.001):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = timeit.main(args, _wrap_timer=fake_clock(step))
    print(args, '->', status)
    for line in out.getvalue().splitlines():
        print('  out:', line)
    lines = err.getvalue().splitlines()
    if lines and lines[0].startswith('Traceback'):
        # The frames name timeit's own file, which differs between
        # implementations: the exception line is what counts.
        lines = [lines[0], lines[-1]]
    for line in lines:
        print('  err:', line)


run(['-n', '10', '-r', '3', 'x = 1'])
run(['-n', '1', '-r', '1', 'pass'])
run(['-n', '1000', '-u', 'usec', 'pass'])
run(['-n', '1000', '-u', 'sec', 'pass'])
run(['-n', '5', '-v', '-s', 'a = 2', '-s', 'b = 3', 'a * b'])
run(['-v', 'pass'], step=0.25)
run([], step=0.3)
run(['-n', '2', '-r', '0', 'pass'])
run(['-u', 'minutes', 'pass'])
run(['-x'])
run(['--number'])
run(['-n', '3', 'import nosuchmodule_for_timeit'])
run(['-n', '1', '1/0'])
run(['-n', '1', '-p', 'pass'])
