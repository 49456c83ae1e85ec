"""Warnings: issue them, filter them, show them.

Design notes
------------
A warning goes through three steps:

1. Locate.  warn() takes the file, line and module of the frame
   [stacklevel] calls up and passes them on to warn_explicit().

2. Decide.  warn_explicit() first asks the caller's registry (a dict kept
   in the module's globals as __warningregistry__) whether this text,
   category and line were already shown.  Otherwise the first entry of
   `filters` that matches picks the action: "error" raises the warning,
   "ignore" drops it, "always" shows it, and "default", "module" and
   "once" show it and note it in the registry so it is not shown again at
   that line, in that module, or at all.  The registries follow CPython's
   C implementation, including the keys they hold.  Any change to the
   filters bumps a version number, and a registry stamped with an older
   version is emptied before use, so a new filter applies at once even to
   warnings already shown.

3. Show.  Through two hooks programs may replace, showwarning() and
   formatwarning().  The default writes "file:line: Category: message"
   and the source line to sys.stderr.  catch_warnings(record=True)
   diverts step 3 into a list of WarningMessage objects.

gilpy's core defines only some warning categories; the rest are created
here, once, and added to builtins.

The -W options and PYTHONWARNINGS arrive as sys.warnoptions; they become
filters when this module is imported, which gilpy does at start-up when
there are any.

Left out: the tracemalloc traceback of ResourceWarning sources.
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]


def _add_builtin_categories():
    """Create the standard categories gilpy's core lacks, with their
    CPython docstrings (which users can read), and publish them in builtins
    so that every module sees the same classes."""
    import builtins
    wanted = {
        "PendingDeprecationWarning":
            "Base class for warnings about features which will be deprecated\n"
            "in the future.",
        "SyntaxWarning": "Base class for warnings about dubious syntax.",
        "FutureWarning":
            "Base class for warnings about constructs that will change semantically\n"
            "in the future.",
        "ImportWarning": "Base class for warnings about probable mistakes in module imports",
        "UnicodeWarning":
            "Base class for warnings about Unicode related problems, mostly\n"
            "related to conversion problems.",
        "BytesWarning":
            "Base class for warnings about bytes and buffer related problems, mostly\n"
            "related to conversion from str or comparing to str.",
        "ResourceWarning": "Base class for warnings about resource usage.",
        "EncodingWarning": "Base class for warnings about encodings.",
    }
    for name, doc in wanted.items():
        if not hasattr(builtins, name):
            made = type(name, (Warning,), {"__module__": "builtins", "__doc__": doc})
            setattr(builtins, name, made)


_add_builtin_categories()

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

# Each entry: (action, message regex or None, category, module regex, string
# or None, line number or 0).  The first entry that matches decides.
filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}

# Bumped on every change to `filters`; registries remember the value they
# were filled under.
_filters_version = 1


def _filters_mutated():
    global _filters_version
    _filters_version += 1


# ---------------------------------------------------------------------------
# Filters


def _check_action(action, lineno):
    assert action in _ACTIONS, "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, "lineno must be an int >= 0"


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Add a filter.  [message] and [module] are regular expressions that
    must match at the start of the text (the message ignoring case); empty
    ones match anything."""
    _check_action(action, lineno)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    message_re = module_re = None
    if message or module:
        import re
        message_re = re.compile(message, re.I) if message else None
        module_re = re.compile(module) if module else None
    _insert_filter((action, message_re, category, module_re, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Add a filter that matches any message in any module."""
    _check_action(action, lineno)
    _insert_filter((action, None, category, None, lineno), append)


def _insert_filter(entry, append):
    # At the front (moving an equal entry there), or at the back unless an
    # equal entry already exists.
    if append:
        if entry not in filters:
            filters.append(entry)
    else:
        if entry in filters:
            filters.remove(entry)
        filters.insert(0, entry)
    _filters_mutated()


def resetwarnings():
    """Drop every filter, leaving only `defaultaction`."""
    del filters[:]
    _filters_mutated()


def _pattern_accepts(pattern, text):
    if pattern is None:
        return True
    if isinstance(pattern, str):       # the built-in '__main__' entry
        return pattern == text
    return pattern.match(text) is not None


# ---------------------------------------------------------------------------
# Issuing


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning on behalf of the code [stacklevel] frames up."""
    if isinstance(message, Warning):
        category = type(message)
    elif category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)
    try:
        frame = sys._getframe(stacklevel) if stacklevel > 0 else sys._getframe()
    except ValueError:
        # Deeper than the stack: blamed on the sys module, as CPython does.
        namespace, filename, lineno = sys.__dict__, "sys", 1
    else:
        namespace, filename, lineno = frame.f_globals, frame.f_code.co_filename, frame.f_lineno
    module = namespace.get('__name__', "<string>")
    registry = namespace.setdefault("__warningregistry__", {})
    warn_explicit(message, category, filename, lineno, module, registry, namespace, source)


def _fresh(registry):
    """Empty [registry] if it was filled under older filters."""
    stamp = registry.get('version')
    if stamp != _filters_version:
        registry.clear()
        registry.update(version=_filters_version)
    return registry


def warn_explicit(message, category, filename, lineno,
                  module=None, registry=None, module_globals=None,
                  source=None):
    """Issue a warning for an explicit place in an explicit module."""
    lineno = int(lineno)
    if module is None:
        module = filename or "<unknown>"
        if module.endswith(".py"):
            module = module[:-3]
    own_registry = registry is not None
    if not own_registry:
        registry = {}
    elif registry.get('version') != _filters_version:
        _fresh(registry)
    if isinstance(message, Warning):
        category, text = type(message), str(message)
    else:
        text, message = message, category(message)
    seen_here = (text, category, lineno)
    if registry.get(seen_here):
        return
    # The first matching filter decides (inlined: this runs for every
    # warning issued).
    for entry in filters:
        action, message_re, wanted, module_re, line = entry
        if (issubclass(category, wanted) and (not line or line == lineno)
                and (message_re is None or _pattern_accepts(message_re, text))
                and (module_re is None or _pattern_accepts(module_re, module))):
            break
    else:
        action, entry = defaultaction, None
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action not in ("always", "default", "module", "once"):
        raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %s" % (action, entry))
    if action != "always":
        registry[seen_here] = True
    if action in ("module", "once"):
        # One showing per (text, category): per registry, or process-wide
        # for "once" without a registry of its own.
        scope = registry if action == "module" or own_registry else _fresh(onceregistry)
        if scope.get((text, category)):
            return
        scope[(text, category)] = True
    _deliver(WarningMessage(message, category, filename, lineno, source=source))


# ---------------------------------------------------------------------------
# Showing


class WarningMessage:
    """One warning: what catch_warnings(record=True) collects."""

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = None if category is None else category.__name__

    def __str__(self):
        fields = (self.message, self._category_name, self.filename, self.lineno, self.line)
        return "{message : %r, category : %r, filename : %r, lineno : %s, line : %r}" % fields


def _formatwarnmsg_impl(msg):
    """The standard text: "file:line: Category: message" plus the stripped
    source line when there is one."""
    text = "%s:%s: %s: %s\n" % (msg.filename, msg.lineno, msg.category.__name__, msg.message)
    line = msg.line
    if line is None:
        try:
            import linecache
            line = linecache.getline(msg.filename, msg.lineno)
        except Exception:
            line = None
    if line:
        text += "  %s\n" % line.strip()
    return text


def _showwarnmsg_impl(msg):
    """Write a warning to its file (sys.stderr by default).  A stream that
    is gone or broken loses the warning rather than raising."""
    stream = sys.stderr if msg.file is None else msg.file
    if stream is None:
        return
    text = _format_via_hook(msg)
    try:
        stream.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Show a warning; programs may replace this function."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning() writes; programs may replace this function."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename, lineno, None, line))


# The hooks as shipped, to tell whether a program replaced them.
_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _deliver(msg):
    hook = globals().get('showwarning')
    if hook is None or hook is _showwarning_orig:
        _showwarnmsg_impl(msg)
        return
    if not callable(hook):
        raise TypeError("warnings.showwarning() must be set to a function or method")
    hook(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)


def _format_via_hook(msg):
    hook = globals().get('formatwarning')
    if hook is None or hook is _formatwarning_orig:
        return _formatwarnmsg_impl(msg)
    return hook(msg.message, msg.category, msg.filename, msg.lineno, msg.line)


# ---------------------------------------------------------------------------
# catch_warnings


class catch_warnings:
    """Save the filters and the show hooks on entry and put them back on
    exit.  record=True collects warnings into the list __enter__ returns
    instead of showing them; action (and category, lineno, append) adds a
    simplefilter() for the duration."""

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules[__name__] if module is None else module
        self._extra_filter = None if action is None else (action, category, lineno, append)
        self._saved = None

    def __repr__(self):
        shown = []
        if self._record:
            shown.append("record=True")
        if self._module is not sys.modules[__name__]:
            shown.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))

    def __enter__(self):
        if self._saved is not None:
            raise RuntimeError("Cannot enter %r twice" % self)
        target = self._module
        self._saved = (target.filters, target.showwarning, target._showwarnmsg_impl)
        target.filters = target.filters[:]
        target._filters_mutated()
        if self._extra_filter is not None:
            simplefilter(*self._extra_filter)
        if not self._record:
            return None
        collected = []
        target._showwarnmsg_impl = collected.append
        target.showwarning = target._showwarning_orig
        return collected

    def __exit__(self, *exc_info):
        if self._saved is None:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        target = self._module
        target.filters, target.showwarning, target._showwarnmsg_impl = self._saved
        target._filters_mutated()


# ---------------------------------------------------------------------------
# -W options and PYTHONWARNINGS


class _OptionError(Exception):
    """A -W option that cannot be understood; reported and skipped."""


def _option_action(text):
    # Any prefix of an action names it; "all" is an alias of "always".
    if not text:
        return "default"
    if text == "all":
        return "always"
    for action in ('default', 'always', 'ignore', 'module', 'once', 'error'):
        if action.startswith(text):
            return action
    raise _OptionError("invalid action: %r" % (text,))


def _option_category(text):
    if not text:
        return Warning
    if '.' in text:
        module_name, _, name = text.rpartition('.')
        try:
            owner = __import__(module_name, None, None, [name])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module_name,)) from None
    else:
        import builtins as owner
        name = text
    try:
        category = getattr(owner, name)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (text,)) from None
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise _OptionError("invalid warning category: %r" % (text,))
    return category


def _add_option_filter(option):
    """Turn one "action:message:category:module:lineno" option into a
    filter; the message and module are matched literally."""
    fields = option.split(':')
    if len(fields) > 5:
        raise _OptionError("too many fields (max 5): %r" % (option,))
    fields += [''] * (5 - len(fields))
    action, message, category, module, lineno = [f.strip() for f in fields]
    action = _option_action(action)
    category = _option_category(category)
    if message or module:
        import re
        message = re.escape(message) if message else ''
        module = re.escape(module) + r'\Z' if module else ''
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _process_options(options):
    for option in options:
        try:
            _add_option_filter(option)
        except _OptionError as problem:
            print("Invalid -W option ignored:", problem, file=sys.stderr)


_process_options(sys.warnoptions)
