"""Iterate over the lines of several files (or stdin) as one stream.

    import fileinput
    for line in fileinput.input():          # the files named in sys.argv[1:]
        print(fileinput.filename(), fileinput.filelineno(), line, end="")

input() makes one module-wide FileInput that the functions filename(),
lineno(), filelineno(), isfirstline(), isstdin(), nextfile() and close()
ask about; FileInput objects can also be used directly (and as context
managers). With inplace=True, whatever the loop prints goes into a new file
that replaces the one being read, whose old text is kept under a backup
name while the file is processed.
"""

import io
import os
import sys

__all__ = ["input", "close", "nextfile", "filename", "lineno", "filelineno",
           "fileno", "isfirstline", "isstdin", "FileInput", "hook_compressed",
           "hook_encoded"]

_current = None


def input(files=None, inplace=False, backup="", *, mode="r", openhook=None,
          encoding=None, errors=None):
    """Creates the module's FileInput and returns it."""
    global _current
    if _current is not None and _current._file is not None:
        raise RuntimeError("input() already active")
    _current = FileInput(files, inplace, backup, mode=mode, openhook=openhook,
                         encoding=encoding, errors=errors)
    return _current


def _active():
    if _current is None:
        raise RuntimeError("no active input()")
    return _current


def close():
    """Closes the module's FileInput; the functions then raise again."""
    global _current
    state, _current = _current, None
    if state is not None:
        state.close()


def nextfile():
    return _active().nextfile()


def filename():
    return _active().filename()


def lineno():
    return _active().lineno()


def filelineno():
    return _active().filelineno()


def fileno():
    return _active().fileno()


def isfirstline():
    return _active().isfirstline()


def isstdin():
    return _active().isstdin()


class FileInput:
    """The lines of [files] in turn ('-' or no files at all: stdin)."""

    def __init__(self, files=None, inplace=False, backup="", *, mode="r",
                 openhook=None, encoding=None, errors=None):
        if isinstance(files, str):
            files = (files,)
        elif isinstance(files, bytes) or hasattr(files, "__fspath__"):
            files = (os.fspath(files),)
        elif files is None:
            files = tuple(sys.argv[1:])
        else:
            files = tuple(files)
        self._files = files or ("-",)
        self._inplace = inplace
        self._backup = backup
        if mode not in ("r", "rb"):
            raise ValueError("FileInput opening mode must be 'r' or 'rb'")
        if inplace and openhook:
            raise ValueError("FileInput cannot use an opening hook in inplace mode")
        if openhook is not None and not callable(openhook):
            raise ValueError("FileInput openhook must be callable")
        self._mode = mode
        self._openhook = openhook
        self._encoding = encoding
        self._errors = errors
        self._index = 0          # the next file of self._files to open
        self._filename = None
        self._file = None        # what lines are read from now
        self._lineno = 0
        self._filelineno = 0
        self._isstdin = False
        self._startlineno = 0
        self._backup_name = None
        self._output = None      # inplace: the new file, and stdout's owner
        self._saved_stdout = None

    def __del__(self):
        # An __init__ that raised leaves nothing open to close.
        if "_saved_stdout" in self.__dict__:
            self.close()

    def close(self):
        try:
            self.nextfile()
        finally:
            self._files = ()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._file is None:
                if self._index >= len(self._files):
                    raise StopIteration
                self._open_next()
                continue
            line = self._file.readline()
            if line:
                self._lineno += 1
                self._filelineno += 1
                return line
            self.nextfile()

    def _open_next(self):
        name = self._files[self._index]
        self._index += 1
        self._filename = name
        self._filelineno = 0
        self._startlineno = self._lineno
        self._isstdin = False
        self._backup_name = None
        if isinstance(name, bytes) and name == b"-" or name == "-":
            self._filename = "<stdin>"
            self._isstdin = True
            self._file = sys.stdin.buffer if "b" in self._mode else sys.stdin
        elif self._inplace:
            self._open_inplace(name)
        elif self._openhook is not None:
            if self._encoding is None:
                self._file = self._openhook(name, self._mode)
            else:
                self._file = self._openhook(name, self._mode, encoding=self._encoding,
                                            errors=self._errors)
        else:
            self._file = open(name, self._mode, encoding=self._encoding, errors=self._errors)

    def _open_inplace(self, name):
        """Moves [name] aside and reads it from there, writing a new [name]
        that takes over sys.stdout until this file is done."""
        suffix = self._backup or ".bak"
        self._backup_name = os.fspath(name) + (suffix if isinstance(name, str)
                                               else os.fsencode(suffix))
        try:
            os.unlink(self._backup_name)
        except OSError:
            pass
        os.rename(name, self._backup_name)
        self._file = open(self._backup_name, self._mode, encoding=self._encoding,
                          errors=self._errors)
        write_mode = self._mode.replace("r", "w")
        try:
            permissions = os.fstat(self._file.fileno()).st_mode
        except OSError:
            permissions = None
        self._output = open(name, write_mode, encoding=self._encoding, errors=self._errors)
        if permissions is not None:
            try:
                os.chmod(name, permissions)
            except OSError:
                pass
        self._saved_stdout = sys.stdout
        sys.stdout = self._output

    def nextfile(self):
        """Ends the current file; iteration continues with the next one."""
        if self._saved_stdout is not None:
            sys.stdout, self._saved_stdout = self._saved_stdout, None
        output, self._output = self._output, None
        current, self._file = self._file, None
        backup, self._backup_name = self._backup_name, None
        try:
            if output is not None:
                output.close()
        finally:
            try:
                if current is not None and not self._isstdin:
                    current.close()
            finally:
                if backup and not self._backup:
                    try:
                        os.unlink(backup)
                    except OSError:
                        pass
        self._isstdin = False

    def readline(self):
        try:
            return self.__next__()
        except StopIteration:
            return "" if "b" not in self._mode else b""

    def filename(self):
        return self._filename

    def lineno(self):
        return self._lineno

    def filelineno(self):
        return self._filelineno

    def fileno(self):
        if self._file is None:
            return -1
        try:
            return self._file.fileno()
        except ValueError:
            return -1

    def isfirstline(self):
        return self._filelineno == 1

    def isstdin(self):
        return self._isstdin

    @classmethod
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def hook_compressed(filename, mode, *, encoding=None, errors=None):
    """An openhook that opens .gz (and .bz2, where available) files through
    their decompressors."""
    ext = os.path.splitext(filename)[1]
    if ext == ".gz":
        import gzip
        stream = gzip.open(filename, mode)
    elif ext == ".bz2":
        import bz2
        stream = bz2.BZ2File(filename, mode)
    else:
        return open(filename, mode, encoding=encoding, errors=errors)
    if "b" not in mode:
        stream = io.TextIOWrapper(stream, encoding=encoding, errors=errors)
    return stream


def hook_encoded(encoding, errors=None):
    """An openhook that opens every file with [encoding] and [errors]."""
    def openhook(filename, mode):
        return open(filename, mode, encoding=encoding, errors=errors)
    return openhook
