"""subprocess: start programs, talk to them through pipes, collect their status.

Design notes
------------
The C module _gpsubprocess (src/mod/subprocess.c) does everything that must
not run Python or must not hold the GIL:

* spawn() forks and execs.  gilpy is threaded, so the child may only make
  async-signal-safe calls between fork and exec; this module therefore turns
  every argument into plain bytes first (argv, envp, the list of paths the
  PATH search will try, the working directory) and hands spawn() a finished
  plan.  An exec failure comes back as the errno the child saw, raised here
  as FileNotFoundError / PermissionError naming the program, as CPython does.
* wait() sleeps on a pidfd through the runtime's libuv service loop with
  the GIL released, so wait(timeout) needs no polling and waiting threads
  cost nothing.
* pump() feeds stdin and drains stdout and stderr together with poll(2),
  GIL released, so communicate() cannot deadlock on full pipes however much
  flows each way.  It returns whatever it gathered when the timeout passes;
  communicate() keeps that and a later call carries on from there.

Zombies: a Popen collected before its child was reaped puts the pid (and
its pidfd) on _orphans; every new Popen reaps the orphans that have exited
since, without blocking.  CPython's module does the same in spirit.

preexec_fn runs in the child, so it is as unsafe with threads as CPython's
documentation warns: the child first becomes a single-threaded runtime (as
after os.fork()), then calls it.  Without preexec_fn no Python code ever
runs between fork and exec.

Not supported: user, group, extra_groups and pipesize (NotImplementedError
when given); startupinfo and creationflags are Windows-only and ignored as
on CPython's POSIX build.
"""

import io
import os
import _thread
import _signal
import _gpsubprocess

__all__ = ['Popen', 'PIPE', 'STDOUT', 'DEVNULL', 'call', 'check_call', 'getstatusoutput',
           'getoutput', 'check_output', 'run', 'CalledProcessError', 'CompletedProcess',
           'SubprocessError', 'TimeoutExpired']

PIPE = -1
STDOUT = -2
DEVNULL = -3

# spawn() reads this stderr target as "wherever the child's stdout goes".
_CHILD_STDOUT = -2


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """A process run by check_call(), check_output() or run(check=True)
    ended with a non-zero returncode."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        # args stay what the caller passed positionally, as CPython shows them.
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        code = self.returncode
        if code is not None and code < 0:
            try:
                import signal
                how = repr(signal.Signals(-code))
            except ValueError:
                how = 'unknown signal %d' % -code
            return "Command '%s' died with %s." % (self.cmd, how)
        return "Command '%s' returned non-zero exit status %s." % (self.cmd, code)

    # stdout is the name run() uses; output the older one.  Same value.
    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """A wait or communicate with a timeout ran out of time."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        # args stay what the caller passed positionally, as CPython shows them.
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """What run() returns: the arguments, the returncode, and the captured
    stdout and stderr (None when not captured)."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        fields = ['args=%r' % (self.args,), 'returncode=%r' % (self.returncode,)]
        for name in ('stdout', 'stderr'):
            value = getattr(self, name)
            if value is not None:
                fields.append('%s=%r' % (name, value))
        return 'CompletedProcess(%s)' % ', '.join(fields)

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


# ------------------------------------------------------------------ orphans

# (pid, pidfd) of children whose Popen went away before they were reaped.
_orphans = []
# Serialises reaping by pid: once a pid is reaped the kernel may hand it to
# the next child, which a second reaper must not collect by mistake.
_orphans_lock = _thread.allocate_lock()


def _reap_orphans():
    with _orphans_lock:
        still_running = []
        for pid, pidfd in _orphans:
            try:
                status = _gpsubprocess.reap(pid)
            except OSError:
                status = 0
            if status is None:
                still_running.append((pid, pidfd))
            elif pidfd >= 0:
                os.close(pidfd)
        _orphans[:] = still_running


def _exit_code(status):
    # The returncode of a wait status: the exit code, or minus the signal.
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status)
    return status


# ------------------------------------------------------------------ Popen

def _as_bytes(value):
    # argv items, cwd, env entries: str, bytes or path-like, as os.fsencode.
    encoded = os.fsencode(value)
    if b'\0' in encoded:
        raise ValueError('embedded null byte')
    return encoded


def _exec_candidates(executable, env):
    # The PATH search, done here so the child only has to try each path.
    name = _as_bytes(executable)
    if b'/' in name:
        return (name,)
    paths = os.get_exec_path(env) if env is not None else os.get_exec_path()
    found = []
    for directory in paths:
        directory = os.fsencode(directory)
        found.append(directory + b'/' + name if directory else name)
    return tuple(found) or (name,)


def _environment(env):
    if env is None:
        return None
    entries = []
    for key, value in env.items():
        key = _as_bytes(key)
        if not key or b'=' in key:
            raise ValueError('illegal environment variable name')
        entries.append(key + b'=' + _as_bytes(value))
    return tuple(entries)


def _translate_newlines(data, encoding, errors):
    return data.decode(encoding, errors).replace('\r\n', '\n').replace('\r', '\n')


class Popen:
    """Run a program in a new process (see the module notes).

    args is a sequence of arguments (the program first) or, with shell=True,
    a command line for /bin/sh -c.  stdin, stdout and stderr are each None
    (inherit), PIPE, DEVNULL, a file descriptor or a file object; stderr may
    also be STDOUT.
    """

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        _reap_orphans()
        # Set first: __del__ and __repr__ must work even if we fail below.
        self.args = args
        self.pid = None
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self._pidfd = -1
        self._wait_lock = _thread.allocate_lock()
        self._comm = None

        if user is not None or group is not None or extra_groups is not None:
            raise NotImplementedError('gilpy: user, group and extra_groups are not supported')
        if pipesize != -1:
            raise NotImplementedError('gilpy: pipesize is not supported')
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError('bufsize must be an integer')
        if text is not None and universal_newlines is not None \
                and bool(universal_newlines) != bool(text):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        # Text mode without an encoding uses the locale's, which for gilpy
        # is always UTF-8 (CPython names it the same way).
        if self.text_mode and encoding is None:
            encoding = 'UTF-8'
        self.encoding = encoding
        self.errors = errors
        self._codec = encoding or 'utf-8'
        if pass_fds and not close_fds:
            close_fds = True

        argv = self._argument_list(args, shell, executable)
        program = executable if executable is not None else argv[0]
        plan_argv = tuple(_as_bytes(item) for item in argv)
        candidates = _exec_candidates(program, env)
        envp = _environment(env)
        plan_cwd = None if cwd is None else _as_bytes(cwd)
        keep = tuple(sorted({int(fd) for fd in pass_fds}))

        ends = _Ends()
        try:
            ends.plan(stdin, stdout, stderr)
            pid = _gpsubprocess.spawn(
                candidates, plan_argv, envp, plan_cwd,
                ends.child_stdin, ends.child_stdout, ends.child_stderr,
                bool(close_fds), keep, bool(start_new_session),
                -1 if process_group is None else int(process_group),
                bool(restore_signals), int(umask), preexec_fn, program)
        except BaseException:
            ends.close_all()
            raise
        ends.close_child_ends()
        if pid < 0:
            ends.close_all()
            raise SubprocessError('Exception occurred in preexec_fn.')
        self.pid = pid
        self._pidfd = _gpsubprocess.pidfd_open(pid)
        self._open_streams(ends, bufsize)

    @staticmethod
    def _argument_list(args, shell, executable):
        if isinstance(args, (str, bytes)) or hasattr(args, '__fspath__'):
            argv = [args]
        else:
            argv = list(args)
        if shell:
            argv = ['/bin/sh', '-c'] + argv
            if executable is not None:
                argv[0] = executable
        if not argv:
            raise IndexError('list index out of range')
        return argv

    def _open_streams(self, ends, bufsize):
        # Parent ends of the pipes become file objects, as CPython's do.
        if ends.parent_stdin >= 0:
            self.stdin = io.open(ends.parent_stdin, 'wb', bufsize)
            if self.text_mode:
                self.stdin = io.TextIOWrapper(self.stdin, encoding=self._codec,
                                              errors=self.errors, write_through=True,
                                              line_buffering=(bufsize == 1))
        if ends.parent_stdout >= 0:
            self.stdout = io.open(ends.parent_stdout, 'rb', bufsize)
            if self.text_mode:
                self.stdout = io.TextIOWrapper(self.stdout, encoding=self._codec,
                                               errors=self.errors)
        if ends.parent_stderr >= 0:
            self.stderr = io.open(ends.parent_stderr, 'rb', bufsize)
            if self.text_mode:
                self.stderr = io.TextIOWrapper(self.stderr, encoding=self._codec,
                                               errors=self.errors)

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, value):
        self.text_mode = bool(value)

    def __repr__(self):
        text = '<%s: returncode: %s args: %r>' % (type(self).__name__, self.returncode,
                                                  self.args)
        if len(text) > 80:
            text = text[:76] + '...>'
        return text

    # ---------------------------------------------------------- status

    def _record(self, status):
        self.returncode = _exit_code(status)
        if self._pidfd >= 0:
            fd, self._pidfd = self._pidfd, -1
            os.close(fd)

    def poll(self):
        """The returncode if the child has ended, else None; never blocks."""
        if self.returncode is None and self.pid is not None:
            # Another thread inside wait() will set the status itself.
            if self._wait_lock.acquire(False):
                try:
                    if self.returncode is None:
                        status = _gpsubprocess.reap(self.pid)
                        if status is not None:
                            self._record(status)
                finally:
                    self._wait_lock.release()
        return self.returncode

    def wait(self, timeout=None):
        """Wait for the child to end and return its returncode; the GIL is
        released meanwhile.  TimeoutExpired if [timeout] seconds pass."""
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            self._wait_lock.acquire()
        elif not self._wait_lock.acquire(True, max(timeout, 0)):
            raise TimeoutExpired(self.args, timeout)
        try:
            if self.returncode is None:
                status = _gpsubprocess.wait(self.pid, self._pidfd, timeout)
                if status is None:
                    raise TimeoutExpired(self.args, timeout)
                self._record(status)
        finally:
            self._wait_lock.release()
        return self.returncode

    def send_signal(self, sig):
        """Send [sig] to the child, unless it has already been reaped (its
        pid may then belong to another process)."""
        self.poll()
        if self.returncode is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass

    def terminate(self):
        self.send_signal(_signal.SIGTERM)

    def kill(self):
        self.send_signal(_signal.SIGKILL)

    # ---------------------------------------------------------- communicate

    def communicate(self, input=None, timeout=None):
        """Send [input] to stdin, read stdout and stderr to their end, wait
        for the child; return (stdout, stderr), None for a stream that is
        not a pipe.  After TimeoutExpired, call again to carry on."""
        comm = self._comm
        if comm is not None and input:
            raise ValueError('Cannot send input after starting communication')
        if comm is None:
            comm = self._comm = _Exchange(self, input)
        deadline = None if timeout is None else _monotonic() + timeout
        while not comm.finished():
            left = None if deadline is None else max(deadline - _monotonic(), 0)
            if not comm.step(left):
                # What arrived so far travels with the error (None when
                # nothing did); a later call still returns all of it.
                raise TimeoutExpired(self.args, timeout, b''.join(comm.out) or None,
                                     b''.join(comm.err) or None)
        left = None if deadline is None else max(deadline - _monotonic(), 0)
        try:
            self.wait(left)
        except TimeoutExpired:
            raise TimeoutExpired(self.args, timeout) from None
        return comm.results()

    # ---------------------------------------------------------- lifetime

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        try:
            for stream in (self.stdout, self.stderr):
                if stream is not None:
                    stream.close()
        finally:
            try:
                if self.stdin is not None:
                    try:
                        self.stdin.close()
                    except BrokenPipeError:
                        pass
            finally:
                self.wait()

    def __del__(self):
        # Collected without a wait: reap now if it is over, else leave the
        # pid to _reap_orphans so it does not stay a zombie.
        if getattr(self, 'pid', None) is None or self.returncode is not None:
            return
        try:
            status = _gpsubprocess.reap(self.pid)
            if status is not None:
                self._record(status)
            else:
                with _orphans_lock:
                    _orphans.append((self.pid, self._pidfd))
                self._pidfd = -1
        except Exception:
            pass


def _monotonic():
    import time
    return time.monotonic()


class _Ends:
    """The descriptors a Popen needs: what the child gets on 0, 1 and 2,
    and the parent's ends of the pipes.  Tracks which ones it opened so a
    failed start closes exactly those."""

    def __init__(self):
        self.child_stdin = self.child_stdout = self.child_stderr = -1
        self.parent_stdin = self.parent_stdout = self.parent_stderr = -1
        self._opened = []       # every fd opened here
        self._child_owned = []  # of which those only the child keeps
        self._devnull = -1

    def _null(self):
        if self._devnull < 0:
            self._devnull = os.open(os.devnull, os.O_RDWR)
            self._opened.append(self._devnull)
            self._child_owned.append(self._devnull)
        return self._devnull

    def _pipe(self):
        read_end, write_end = os.pipe()
        self._opened += [read_end, write_end]
        return read_end, write_end

    def _target(self, value, reading):
        # (child fd, parent fd) for one of stdin/stdout/stderr.
        if value is None:
            return -1, -1
        if value == PIPE:
            read_end, write_end = self._pipe()
            if reading:
                self._child_owned.append(read_end)
                return read_end, write_end
            self._child_owned.append(write_end)
            return write_end, read_end
        if value == DEVNULL:
            return self._null(), -1
        if isinstance(value, int):
            if value < 0:
                raise ValueError('bad file descriptor %d' % value)
            return value, -1
        return value.fileno(), -1

    def plan(self, stdin, stdout, stderr):
        self.child_stdin, self.parent_stdin = self._target(stdin, True)
        self.child_stdout, self.parent_stdout = self._target(stdout, False)
        if stderr == STDOUT:
            self.child_stderr = _CHILD_STDOUT
        else:
            self.child_stderr, self.parent_stderr = self._target(stderr, False)

    def close_child_ends(self):
        for fd in self._child_owned:
            os.close(fd)
            self._opened.remove(fd)
        self._child_owned = []

    def close_all(self):
        for fd in self._opened:
            try:
                os.close(fd)
            except OSError:
                pass
        self._opened = []
        self._child_owned = []


class _Exchange:
    """The state of one communicate(): how much input went out and the
    output gathered so far, kept across TimeoutExpired.  The Popen keeps
    its (closed) file objects afterwards, as CPython's does."""

    def __init__(self, popen, input):
        self.popen = popen
        self.wants_out = popen.stdout is not None
        self.wants_err = popen.stderr is not None
        # stdin, stdout, stderr while still being served; None once done.
        self.active = [popen.stdin, popen.stdout, popen.stderr]
        self.out = []
        self.err = []
        self.data = b''
        self.sent = 0
        if popen.stdin is not None:
            if input is not None and popen.text_mode and isinstance(input, str):
                input = input.encode(popen._codec, popen.errors or 'strict')
            self.data = bytes(input) if input else b''
            try:
                popen.stdin.flush()
            except BrokenPipeError:
                pass
            if not self.data:
                self._close(0)

    def _close(self, index):
        stream = self.active[index]
        self.active[index] = None
        try:
            stream.close()
        except BrokenPipeError:
            pass

    def finished(self):
        return self.active == [None, None, None]

    def step(self, timeout):
        # One pump() call: False when it stopped on the timeout.
        fds = [stream.fileno() if stream is not None else -1 for stream in self.active]
        self.sent, out, err, flags = _gpsubprocess.pump(fds[0], self.data, self.sent,
                                                        fds[1], fds[2], timeout)
        if out:
            self.out.append(out)
        if err:
            self.err.append(err)
        for index, bit in ((0, 1), (1, 2), (2, 4)):
            if flags & bit and self.active[index] is not None:
                self._close(index)
        return not flags & 8

    def _finish(self, chunks, wanted):
        if not wanted:
            return None
        data = b''.join(chunks)
        popen = self.popen
        if popen.text_mode:
            return _translate_newlines(data, popen._codec, popen.errors or 'strict')
        return data

    def results(self):
        return self._finish(self.out, self.wants_out), self._finish(self.err, self.wants_err)


# ------------------------------------------------------------------ helpers

def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Run a command, wait for it, return a CompletedProcess.  With a
    timeout the child is killed before TimeoutExpired propagates; with
    check=True a non-zero returncode raises CalledProcessError."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used with capture_output.')
        kwargs['stdout'] = kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            # The error already carries the output read before the timeout.
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        code = process.poll()
    if check and code:
        raise CalledProcessError(code, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, code, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Run a command and return its returncode."""
    with Popen(*popenargs, **kwargs) as process:
        try:
            return process.wait(timeout=timeout)
        except BaseException:
            process.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Like call(), but a non-zero returncode raises CalledProcessError."""
    code = call(*popenargs, **kwargs)
    if code:
        command = kwargs.get('args')
        if command is None:
            command = popenargs[0]
        raise CalledProcessError(code, command)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command and return what it wrote on stdout; CalledProcessError
    when it fails."""
    if 'stdout' in kwargs:
        raise ValueError('stdout argument not allowed, it will be overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        textual = kwargs.get('universal_newlines') or kwargs.get('text') \
            or kwargs.get('encoding') or kwargs.get('errors')
        kwargs['input'] = '' if textual else b''
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exitcode, output) of a shell command, stderr included, without the
    final newline."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        code = 0
    except CalledProcessError as failed:
        data = failed.output
        code = failed.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return code, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output (stdout and stderr) of a shell command."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
