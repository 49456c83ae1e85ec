"""assertLogs and assertNoLogs: capturing what a logger emits.

Design notes
------------
While the with-block runs, the logger's handlers are replaced by a single
capturing handler, its level is set to the level asked for and
propagation is turned off, so the records neither reach the usual output
nor depend on the root logger's setup.  Everything is restored on exit.

The capture (the object bound by "as") has two parallel lists: the
LogRecord objects and their text formatted as "LEVEL:logger:message",
the form tests usually compare against.

This module imports logging, so case.py loads it only when one of the
two methods is used.
"""

import collections
import logging

__unittest = True

_Capture = collections.namedtuple('_LoggingWatcher', ['records', 'output'])

_CAPTURE_FORMAT = '%(levelname)s:%(name)s:%(message)s'


class _CapturingHandler(logging.Handler):
    # Keeps every record it is given, together with its formatted text.

    def __init__(self):
        super().__init__()
        self.watcher = _Capture([], [])

    def flush(self):
        pass

    def emit(self, record):
        records, lines = self.watcher
        records.append(record)
        lines.append(self.format(record))


def _level_number(level):
    if level is None:
        return logging.INFO
    if isinstance(level, int):
        return level
    mapping = logging.getLevelNamesMapping()
    return mapping.get(level, level)


class LogsContext:
    """The context manager behind assertLogs and assertNoLogs."""

    def __init__(self, test_case, logger, level, no_logs):
        # [logger] is a Logger, a logger name, or None for the root.
        self.test_case, self.target = test_case, logger
        self.level = _level_number(level)
        self.msg, self.no_logs = None, no_logs

    def __enter__(self):
        target = self.target
        if not isinstance(target, logging.Logger):
            target = logging.getLogger(target)
        self.logger = target
        catcher = _CapturingHandler()
        catcher.setFormatter(logging.Formatter(_CAPTURE_FORMAT))
        catcher.setLevel(self.level)
        self.watcher = catcher.watcher
        self._saved = (list(target.handlers), target.level, target.propagate)
        target.handlers, target.propagate = [catcher], False
        target.setLevel(self.level)
        return None if self.no_logs else catcher.watcher

    def __exit__(self, kind, value, tb):
        handlers, level, propagate = self._saved
        self.logger.handlers, self.logger.propagate = handlers, propagate
        self.logger.setLevel(level)
        if kind is not None:
            return False  # the block's own exception wins
        if self.no_logs:
            if self.watcher.records:
                self._fail('Unexpected logs found: %r'
                           % (self.watcher.output,))
        elif not self.watcher.records:
            self._fail('no logs of level %s or higher triggered on %s'
                       % (logging.getLevelName(self.level),
                          self.logger.name))
        return None

    def _fail(self, standard):
        text = self.test_case._formatMessage(self.msg, standard)
        raise self.test_case.failureException(text)
