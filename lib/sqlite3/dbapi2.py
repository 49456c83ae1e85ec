"""The DB-API 2.0 layer of sqlite3 (PEP 249) over the _sqlite3 engine.

_sqlite3 (src/mod/sqlite3*.c) wraps SQLite's C API: Database handles and
prepared Statements that bind, step and read rows. This module adds what
the DB-API defines on top: connections and cursors, the implicit BEGIN
before data-changing statements, Row, adapters and converters, and the
exception classes (handed to every Database, which raises them).
"""

import datetime as _datetime
import time as _time
import _sqlite3
from _thread import get_ident as _thread_id

paramstyle = "qmark"
threadsafety = 3
apilevel = "2.0"
version = "2.6.0"
version_info = (2, 6, 0)
sqlite_version, _version_number = _sqlite3.load()
sqlite_version_info = tuple(int(part) for part in sqlite_version.split("."))

PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2

Date = _datetime.date
Time = _datetime.time
Timestamp = _datetime.datetime
Binary = memoryview


def DateFromTicks(ticks):
    return Date(*_time.localtime(ticks)[:3])


def TimeFromTicks(ticks):
    return Time(*_time.localtime(ticks)[3:6])


def TimestampFromTicks(ticks):
    return Timestamp(*_time.localtime(ticks)[:6])


# --- Exceptions ---------------------------------------------------------

class Warning(Exception):
    __module__ = "sqlite3"


class Error(Exception):
    __module__ = "sqlite3"


class InterfaceError(Error):
    __module__ = "sqlite3"


class DatabaseError(Error):
    __module__ = "sqlite3"


class DataError(DatabaseError):
    __module__ = "sqlite3"


class OperationalError(DatabaseError):
    __module__ = "sqlite3"


class IntegrityError(DatabaseError):
    __module__ = "sqlite3"


class InternalError(DatabaseError):
    __module__ = "sqlite3"


class ProgrammingError(DatabaseError):
    __module__ = "sqlite3"


class NotSupportedError(DatabaseError):
    __module__ = "sqlite3"


# The order _sqlite3 indexes them by (GP_SQLITE_ERR_* in sqlite3_internal.h).
_ERROR_CLASSES = (DatabaseError, OperationalError, IntegrityError, InternalError,
                  ProgrammingError, DataError, NotSupportedError, InterfaceError)

# --- Result codes and other SQLite constants ----------------------------

_PRIMARY_CODES = ("OK ERROR INTERNAL PERM ABORT BUSY LOCKED NOMEM READONLY "
                  "INTERRUPT IOERR CORRUPT NOTFOUND FULL CANTOPEN PROTOCOL EMPTY "
                  "SCHEMA TOOBIG CONSTRAINT MISMATCH MISUSE NOLFS AUTH FORMAT RANGE "
                  "NOTADB NOTICE WARNING").split()
# Extended codes: name and the number above the primary code's low byte.
_EXTENDED_CODES = """
ABORT_ROLLBACK:2 AUTH_USER:1 BUSY_RECOVERY:1 BUSY_SNAPSHOT:2 BUSY_TIMEOUT:3
CANTOPEN_CONVPATH:4 CANTOPEN_DIRTYWAL:5 CANTOPEN_FULLPATH:3 CANTOPEN_ISDIR:2
CANTOPEN_NOTEMPDIR:1 CANTOPEN_SYMLINK:6 CONSTRAINT_CHECK:1 CONSTRAINT_COMMITHOOK:2
CONSTRAINT_FOREIGNKEY:3 CONSTRAINT_FUNCTION:4 CONSTRAINT_NOTNULL:5
CONSTRAINT_PINNED:11 CONSTRAINT_PRIMARYKEY:6 CONSTRAINT_ROWID:10
CONSTRAINT_TRIGGER:7 CONSTRAINT_UNIQUE:8 CONSTRAINT_VTAB:9 CORRUPT_INDEX:3
CORRUPT_SEQUENCE:2 CORRUPT_VTAB:1 ERROR_MISSING_COLLSEQ:1 ERROR_RETRY:2
ERROR_SNAPSHOT:3 IOERR_ACCESS:13 IOERR_AUTH:28 IOERR_BEGIN_ATOMIC:29
IOERR_BLOCKED:11 IOERR_CHECKRESERVEDLOCK:14 IOERR_CLOSE:16 IOERR_COMMIT_ATOMIC:30
IOERR_CONVPATH:26 IOERR_CORRUPTFS:33 IOERR_DATA:32 IOERR_DELETE:10
IOERR_DELETE_NOENT:23 IOERR_DIR_CLOSE:17 IOERR_DIR_FSYNC:5 IOERR_FSTAT:7
IOERR_FSYNC:4 IOERR_GETTEMPPATH:25 IOERR_LOCK:15 IOERR_MMAP:24 IOERR_NOMEM:12
IOERR_RDLOCK:9 IOERR_READ:1 IOERR_ROLLBACK_ATOMIC:31 IOERR_SEEK:22
IOERR_SHMLOCK:20 IOERR_SHMMAP:21 IOERR_SHMOPEN:18 IOERR_SHMSIZE:19
IOERR_SHORT_READ:2 IOERR_TRUNCATE:6 IOERR_UNLOCK:8 IOERR_VNODE:27 IOERR_WRITE:3
LOCKED_SHAREDCACHE:1 LOCKED_VTAB:2 NOTICE_RECOVER_ROLLBACK:2 NOTICE_RECOVER_WAL:1
OK_LOAD_PERMANENTLY:1 OK_SYMLINK:2 READONLY_CANTINIT:5 READONLY_CANTLOCK:2
READONLY_DBMOVED:4 READONLY_DIRECTORY:6 READONLY_RECOVERY:1 READONLY_ROLLBACK:3
WARNING_AUTOINDEX:1
"""
# Authorizer actions numbered from 1, then the limit categories from 0.
_AUTHORIZER_ACTIONS = ("CREATE_INDEX CREATE_TABLE CREATE_TEMP_INDEX CREATE_TEMP_TABLE "
                       "CREATE_TEMP_TRIGGER CREATE_TEMP_VIEW CREATE_TRIGGER CREATE_VIEW "
                       "DELETE DROP_INDEX DROP_TABLE DROP_TEMP_INDEX DROP_TEMP_TABLE "
                       "DROP_TEMP_TRIGGER DROP_TEMP_VIEW DROP_TRIGGER DROP_VIEW INSERT "
                       "PRAGMA READ SELECT TRANSACTION UPDATE ATTACH DETACH ALTER_TABLE "
                       "REINDEX ANALYZE CREATE_VTABLE DROP_VTABLE FUNCTION SAVEPOINT "
                       "RECURSIVE").split()
_LIMITS = ("LENGTH SQL_LENGTH COLUMN EXPR_DEPTH COMPOUND_SELECT VDBE_OP FUNCTION_ARG "
           "ATTACHED LIKE_PATTERN_LENGTH VARIABLE_NUMBER TRIGGER_DEPTH "
           "WORKER_THREADS").split()


def _define_constants(namespace):
    names = {}
    codes = [(name, number) for number, name in enumerate(_PRIMARY_CODES)]
    codes += [("ROW", 100), ("DONE", 101)]
    primary = dict(codes)
    for item in _EXTENDED_CODES.split():
        name, high = item.split(":")
        codes.append((name, primary[name.split("_")[0]] | (int(high) << 8)))
    for name, number in codes:
        namespace["SQLITE_" + name] = number
        names.setdefault(number, "SQLITE_" + name)
    for number, name in enumerate(_AUTHORIZER_ACTIONS, 1):
        namespace["SQLITE_" + name] = number
    for number, name in enumerate(_LIMITS):
        namespace["SQLITE_LIMIT_" + name] = number
    namespace["SQLITE_DENY"] = 1
    namespace["SQLITE_IGNORE"] = 2
    return names


_ERROR_NAMES = _define_constants(globals())

# --- Adapters and converters --------------------------------------------


class PrepareProtocol:
    """The protocol objects are adapted to before they are bound."""
    __module__ = "sqlite3"


adapters = {}
converters = {}
_exact_types_adapted = [False]
_PLAIN_TYPES = (int, float, str, bytes, bytearray, memoryview, type(None))


def register_adapter(type_, adapter, /):
    if type_ in (int, float, str, bytearray):
        _exact_types_adapted[0] = True
    adapters[(type_, PrepareProtocol)] = adapter


def register_converter(typename, converter, /):
    if not isinstance(typename, str):
        raise TypeError("register_converter() argument 1 must be str, not "
                        + type(typename).__name__)
    converters[typename.upper()] = converter


_NOTHING = object()


def adapt(obj, proto=PrepareProtocol, alt=_NOTHING, /):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    conform = getattr(proto, "__adapt__", None)
    if conform is not None:
        result = conform(obj)
        if result is not None:
            return result
    conform = getattr(obj, "__conform__", None)
    if conform is not None:
        result = conform(proto)
        if result is not None:
            return result
    if alt is not _NOTHING:
        return alt
    raise ProgrammingError("can't adapt")


def _adapt_parameter(value):
    kind = type(value)
    if kind in _PLAIN_TYPES and not _exact_types_adapted[0]:
        return value
    if not adapters and kind in _PLAIN_TYPES:
        return value
    return adapt(value, PrepareProtocol, value)


def _register_default_adapters():
    register_adapter(_datetime.date, lambda day: day.isoformat())
    register_adapter(_datetime.datetime, lambda moment: moment.isoformat(" "))

    def convert_date(raw):
        return _datetime.date(*map(int, raw.split(b"-")))

    def convert_timestamp(raw):
        day, clock = raw.split(b" ")
        year, month, mday = map(int, day.split(b"-"))
        hms = clock.split(b".")
        hours, minutes, seconds = map(int, hms[0].split(b":"))
        micro = int("{:0<6.6}".format(hms[1].decode())) if len(hms) == 2 else 0
        return _datetime.datetime(year, month, mday, hours, minutes, seconds, micro)

    register_converter("date", convert_date)
    register_converter("timestamp", convert_timestamp)


_register_default_adapters()

_callback_tracebacks = [False]


def enable_callback_tracebacks(flag, /):
    _callback_tracebacks[0] = bool(flag)


def complete_statement(statement):
    return _sqlite3.complete_statement(statement)


# --- Helpers --------------------------------------------------------------

def _skip_blank(sql):
    """The index of the first character of [sql] past blanks and comments."""
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in " \t\n\r\f":
            i += 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            i = n if end < 0 else end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            i = n if end < 0 else end + 2
        else:
            break
    return i


def _is_dml(sql):
    """Does [sql] start with INSERT, UPDATE, DELETE or REPLACE?"""
    start = end = _skip_blank(sql)
    while end < len(sql) and sql[end].isalpha():
        end += 1
    return sql[start:end].lower() in ("insert", "update", "delete", "replace")


def _ascii_casefold_equal(a, b):
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x != y and not (x.isascii() and y.isascii() and x.lower() == y.lower()):
            return False
    return True


# --- Row ----------------------------------------------------------------

class Row:
    """A result row usable as a tuple and, by column name, as a mapping."""
    __module__ = "sqlite3"
    __slots__ = ("_description", "_values")

    def __new__(cls, cursor, data, /):
        if not isinstance(cursor, Cursor):
            raise TypeError("Row() argument 1 must be sqlite3.Cursor, not "
                            + type(cursor).__name__)
        if not isinstance(data, tuple):
            raise TypeError("Row() argument 2 must be tuple, not " + type(data).__name__)
        row = object.__new__(cls)
        row._description = cursor.description
        row._values = data
        return row

    def keys(self):
        return [column[0] for column in self._description or ()]

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __getitem__(self, key):
        if isinstance(key, str):
            for index, column in enumerate(self._description or ()):
                if _ascii_casefold_equal(column[0], key):
                    return self._values[index]
            raise IndexError("No item with that key")
        if isinstance(key, slice):
            return self._values[key]
        if hasattr(key, "__index__"):
            return self._values[key]
        raise IndexError("Index must be int or string")

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._description == other._description and self._values == other._values

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not self == other

    def __hash__(self):
        return hash(self._description) ^ hash(self._values)

    def __lt__(self, other):
        return NotImplemented

    __le__ = __gt__ = __ge__ = __lt__


# --- Cursor -------------------------------------------------------------

class Cursor:
    """Runs statements on a Connection and walks their results."""
    __module__ = "sqlite3"

    def __init__(self, connection, /):
        if not isinstance(connection, Connection):
            raise TypeError("Cursor() argument 1 must be sqlite3.Connection, not "
                            + type(connection).__name__)
        self.connection = connection
        self.arraysize = 1
        self.row_factory = None
        self.rowcount = -1
        self.lastrowid = None
        self.description = None
        self._statement = None
        self._has_row = False
        self._is_dml = False
        self._converters = None
        self._closed = False

    def _check(self):
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")
        self.connection._check()

    def _drop_statement(self):
        statement, self._statement = self._statement, None
        self._has_row = False
        if statement is not None:
            statement.finalize()

    def _prepare(self, sql, what):
        if not isinstance(sql, str):
            raise TypeError("%s() argument 1 must be str, not %s" % (what, type(sql).__name__))
        self._drop_statement()
        statement, rest = self.connection._db.prepare(sql)
        if rest:
            if statement is not None:
                statement.finalize()
            raise ProgrammingError("You can only execute one statement at a time.")
        return statement

    def _bind(self, statement, parameters):
        count = statement.param_count
        if isinstance(parameters, dict):
            for index in range(1, count + 1):
                name = statement.bind_name(index)
                if name is None:
                    raise ProgrammingError(
                        "Binding %d has no name, but you supplied a dictionary "
                        "(which has only names)." % index)
                try:
                    value = parameters[name[1:]]
                except KeyError:
                    raise ProgrammingError("You did not supply a value for binding "
                                           "parameter %s." % name) from None
                statement.bind(index, _adapt_parameter(value))
            return
        if not hasattr(type(parameters), "__getitem__"):
            raise ProgrammingError("parameters are of unsupported type")
        supplied = len(parameters)
        if supplied != count:
            raise ProgrammingError(
                "Incorrect number of bindings supplied. The current statement uses %d, "
                "and there are %d supplied." % (count, supplied))
        for index in range(count):
            statement.bind(index + 1, _adapt_parameter(parameters[index]))

    def _describe(self, statement):
        names = statement.columns(False)
        if not names:
            self.description = None
            self._converters = None
            return
        detect = self.connection._detect_types
        found = [None] * len(names)
        shown = []
        for index, name in enumerate(names):
            if detect & PARSE_COLNAMES:
                start = name.find("[")
                if start >= 0:
                    end = name.find("]", start)
                    if end > start:
                        found[index] = converters.get(name[start + 1:end].upper())
                    name = name[:start - 1 if start and name[start - 1] == " " else start]
            shown.append((name, None, None, None, None, None, None))
        if detect & PARSE_DECLTYPES:
            for index, decl in enumerate(statement.columns(True)):
                if found[index] is None and decl:
                    word = decl.split("(")[0].split()
                    if word:
                        found[index] = converters.get(word[0].upper())
        self.description = tuple(shown)
        self._converters = tuple(found) if any(c is not None for c in found) else None

    def _begin_if_needed(self):
        connection = self.connection
        if (self._is_dml and connection._begin is not None
                and not connection._db.in_transaction):
            connection._run(connection._begin)

    def execute(self, sql, parameters=(), /):
        self._check()
        statement = self._prepare(sql, "execute")
        self.description = None
        self.rowcount = -1
        if statement is None:
            return self
        self._is_dml = _is_dml(sql)
        try:
            self._begin_if_needed()
            self._bind(statement, parameters)
            self._describe(statement)
            has_row = statement.step()
        except BaseException:
            statement.finalize()
            raise
        db = self.connection._db
        if self._is_dml and not has_row:
            self.rowcount = db.changes
        self.lastrowid = db.last_insert_rowid
        if has_row:
            self._statement = statement
            self._has_row = True
        else:
            statement.finalize()
        return self

    def executemany(self, sql, seq_of_parameters, /):
        self._check()
        statement = self._prepare(sql, "executemany")
        self.description = None
        self.rowcount = -1
        if statement is None:
            return self
        try:
            self._is_dml = _is_dml(sql)
            if not self._is_dml:
                raise ProgrammingError("executemany() can only execute DML statements.")
            self.rowcount = 0
            db = self.connection._db
            for parameters in seq_of_parameters:
                self._begin_if_needed()
                self._bind(statement, parameters)
                if statement.step():
                    raise ProgrammingError("executemany() can only execute DML statements.")
                self.rowcount += db.changes
                statement.reset()
        finally:
            statement.finalize()
        return self

    def executescript(self, sql_script, /):
        self._check()
        if not isinstance(sql_script, str):
            raise TypeError("executescript() argument must be str, not "
                            + type(sql_script).__name__)
        if "\0" in sql_script:
            raise ValueError("embedded null character")
        self._drop_statement()
        connection = self.connection
        if connection._db.in_transaction:
            connection._run("COMMIT")
        rest = sql_script
        while rest:
            statement, rest = connection._db.prepare(rest)
            if statement is None:
                continue
            try:
                while statement.step():
                    pass
            finally:
                statement.finalize()
        return self

    def __iter__(self):
        return self

    def __next__(self):
        self._check()
        statement = self._statement
        if statement is None or not self._has_row:
            raise StopIteration
        connection = self.connection
        row = statement.row(connection.text_factory, self._converters)
        try:
            more = statement.step()
        except BaseException:
            self._drop_statement()
            raise
        if not more:
            if self._is_dml:
                self.rowcount = connection._db.changes
            self._drop_statement()
        if self.row_factory is not None:
            row = self.row_factory(self, row)
        return row

    def fetchone(self):
        try:
            return next(self)
        except StopIteration:
            return None

    def fetchmany(self, size=None):
        if size is None:
            size = self.arraysize
        rows = []
        while len(rows) < size:
            try:
                rows.append(next(self))
            except StopIteration:
                break
        return rows

    def fetchall(self):
        return list(self)

    def close(self):
        self.connection._check_thread()
        self._drop_statement()
        self._closed = True

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


# --- Connection -----------------------------------------------------------

_callable = callable
_ISOLATION_LEVELS = ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")


class Connection:
    """An open SQLite database."""
    __module__ = "sqlite3"

    Warning = Warning
    Error = Error
    InterfaceError = InterfaceError
    DatabaseError = DatabaseError
    DataError = DataError
    OperationalError = OperationalError
    IntegrityError = IntegrityError
    InternalError = InternalError
    ProgrammingError = ProgrammingError
    NotSupportedError = NotSupportedError

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="",
                 check_same_thread=True, factory=None, cached_statements=128, uri=False):
        import os
        path = os.fspath(database)
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        self._db = None
        self._begin = None
        self._owner = _thread_id()
        self._check_same_thread = bool(check_same_thread)
        self._detect_types = int(detect_types)
        self._db = _sqlite3.open(path, bool(uri), timeout, _ERROR_CLASSES, _ERROR_NAMES)
        self.isolation_level = isolation_level
        self.row_factory = None
        self.text_factory = str

    def _check_thread(self):
        if self._check_same_thread and _thread_id() != self._owner:
            raise ProgrammingError(
                "SQLite objects created in a thread can only be used in that same thread. "
                "The object was created in thread id %d and this is thread id %d."
                % (self._owner, _thread_id()))

    def _check(self):
        self._check_thread()
        if self._db is None or not self._db.is_open:
            raise ProgrammingError("Cannot operate on a closed database.")

    def _run(self, sql):
        statement, _ = self._db.prepare(sql)
        try:
            statement.step()
        finally:
            statement.finalize()

    @property
    def isolation_level(self):
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, level):
        if level is None:
            if self._db is not None and self._db.is_open and self._db.in_transaction:
                self._run("COMMIT")
            self._isolation_level = None
            self._begin = None
            return
        if not isinstance(level, str):
            raise TypeError("isolation_level must be str or None")
        if level.upper() not in _ISOLATION_LEVELS:
            raise ValueError("isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', "
                             "or 'EXCLUSIVE'")
        self._isolation_level = level.upper()
        self._begin = "BEGIN " + level

    @property
    def in_transaction(self):
        self._check()
        return self._db.in_transaction

    @property
    def total_changes(self):
        self._check()
        return self._db.total_changes

    def cursor(self, factory=Cursor):
        self._check()
        cursor = factory(self)
        if not isinstance(cursor, Cursor):
            raise TypeError("factory must return a cursor, not " + type(cursor).__name__)
        if self.row_factory is not None:
            cursor.row_factory = self.row_factory
        return cursor

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        self._check()
        if self._db.in_transaction:
            self._run("COMMIT")

    def rollback(self):
        self._check()
        if self._db.in_transaction:
            self._run("ROLLBACK")

    def close(self):
        self._check_thread()
        if self._db is not None:
            self._db.close()

    def interrupt(self):
        self._check()
        self._db.interrupt()

    def create_function(self, name, narg, func, *, deterministic=False):
        self._check()
        self._db.create_function(name, narg, func, deterministic)

    def create_aggregate(self, name, n_arg, aggregate_class):
        self._check()
        self._db.create_aggregate(name, n_arg, aggregate_class)

    def create_collation(self, name, callable, /):
        self._check()
        if callable is not None and not _callable(callable):
            raise TypeError("parameter must be callable")
        self._db.create_collation(name, callable)

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback, /):
        if kind is None:
            try:
                self.commit()
            except BaseException:
                self.rollback()
                raise
        else:
            self.rollback()
        return False

    def iterdump(self):
        from sqlite3.dump import _iterdump
        return _iterdump(self)


def connect(database, timeout=5.0, detect_types=0, isolation_level="",
            check_same_thread=True, factory=Connection, cached_statements=128, uri=False):
    """Opens a connection to the SQLite database file [database]."""
    return factory(database, timeout, detect_types, isolation_level, check_same_thread,
                   factory, cached_statements, uri)
