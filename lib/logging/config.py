"""Configuring logging from a dictionary: dictConfig().

Design notes
------------
dictConfig() takes the version-1 schema: "formatters", "filters",
"handlers", "loggers" and "root" sections, plus "disable_existing_loggers"
and "incremental". The sections are built in dependency order: formatters
and filters first (they depend on nothing), then handlers (which name a
formatter and filters, and may point at another handler through a
"target"), then loggers and the root. Every failure is reported as
"Unable to configure <kind> '<name>'" with the underlying error chained as
the cause, so the message names the entry at fault.

Values may refer outside the dictionary: "class" and "()" are dotted names
that are imported ("logging.StreamHandler", "mypkg.MyFilter"), and a
string "ext://sys.stdout" stands for the object at that dotted path.

A full (non-incremental) configuration replaces the previous one: all
existing handlers are flushed, closed and detached first, and unless
disable_existing_loggers is False, loggers that already existed but are
not named in the new configuration (nor below a named one) are disabled.
An incremental configuration only adjusts the levels and propagation of
handlers and loggers that already exist.

fileConfig() and listen() (the ini-file and socket forms) are not provided.
"""

import sys

import logging

__all__ = ['dictConfig']

# Keys of a handler entry that are not constructor arguments.
_HANDLER_OWN_KEYS = ('class', '()', 'level', 'formatter', 'filters', '.')


def _resolve(dotted):
    """The object a dotted name refers to, importing modules on the way.

    Plain __import__ is used (gilpy has no importlib): "a.b.C" imports
    "a", then tries attribute b, importing "a.b" when it is a submodule
    not loaded yet, and so on down to C.
    """
    parts = dotted.split('.')
    try:
        found = __import__(parts[0])
        for depth, part in enumerate(parts[1:], start=2):
            try:
                found = getattr(found, part)
            except AttributeError:
                __import__('.'.join(parts[:depth]))
                found = getattr(found, part)
        return found
    except (ImportError, AttributeError) as problem:
        raise ValueError('Cannot resolve %r: %s' % (dotted, problem)) from problem


def _external(value):
    # "ext://sys.stderr" in a handler's arguments means the live object.
    if isinstance(value, str) and value.startswith('ext://'):
        return _resolve(value[len('ext://'):])
    return value


def _callable_from(spec):
    return spec if callable(spec) else _resolve(spec)


def _build_with_factory(entry):
    """An object made by the user's "()" factory from the other keys."""
    entry = dict(entry)
    factory = _callable_from(entry.pop('()'))
    attributes = entry.pop('.', None) or {}
    made = factory(**{k: _external(v) for k, v in entry.items()})
    for key, value in attributes.items():
        setattr(made, key, value)
    return made


def _build_formatter(entry):
    if '()' in entry:
        return _build_with_factory(entry)
    kind = _callable_from(entry.get('class', 'logging.Formatter'))
    options = {}
    if 'defaults' in entry:
        options['defaults'] = entry['defaults']
    return kind(entry.get('format'), entry.get('datefmt'), entry.get('style', '%'),
                entry.get('validate', True), **options)


def _build_filter(entry):
    if '()' in entry:
        return _build_with_factory(entry)
    return logging.Filter(entry.get('name', ''))


def _attach_filters(owner, names, filters):
    for name in names:
        if name not in filters:
            raise ValueError('Unable to add filter %r' % name)
        owner.addFilter(filters[name])


class _Configuration:
    """One dictConfig() call: the built pieces, by their names."""

    def __init__(self, config):
        self.config = config
        self.formatters = {}
        self.filters = {}
        self.handlers = {}

    def section(self, key):
        return self.config.get(key) or {}

    def each(self, kind, key, build, into):
        for name, entry in sorted(self.section(key).items()):
            try:
                into[name] = build(entry)
            except Exception as problem:
                raise ValueError('Unable to configure %s %r' % (kind, name)) from problem

    def build_handler(self, name, entry):
        entry = dict(entry)
        formatter_name = entry.get('formatter')
        level = entry.get('level')
        filter_names = entry.get('filters', ())
        if '()' in entry:
            handler = _build_with_factory({k: v for k, v in entry.items()
                                           if k not in ('level', 'formatter', 'filters')})
        else:
            kind = _callable_from(entry['class'])
            arguments = {k: _external(v) for k, v in entry.items()
                         if k not in _HANDLER_OWN_KEYS}
            # A buffering handler's "target" names another handler.
            if 'target' in arguments and isinstance(arguments['target'], str):
                target = arguments['target']
                if target not in self.handlers:
                    raise ValueError('Unable to set target handler %r' % target)
                arguments['target'] = self.handlers[target]
            handler = kind(**arguments)
            for key, value in (entry.get('.') or {}).items():
                setattr(handler, key, value)
        if formatter_name is not None:
            if formatter_name not in self.formatters:
                raise ValueError('Unable to set formatter %r' % formatter_name)
            handler.setFormatter(self.formatters[formatter_name])
        if level is not None:
            handler.setLevel(logging._as_level(level))
        _attach_filters(handler, filter_names, self.filters)
        handler.name = name
        return handler

    def build_handlers(self):
        # A handler whose "target" names another handler is built after
        # the plain ones, so that its target already exists.
        entries = sorted(self.section('handlers').items())
        plain = [item for item in entries if 'target' not in item[1]]
        chained = [item for item in entries if 'target' in item[1]]
        for name, entry in plain + chained:
            try:
                self.handlers[name] = self.build_handler(name, entry)
            except Exception as problem:
                raise ValueError('Unable to configure handler %r' % name) from problem

    def apply_to_logger(self, logger, entry, incremental=False):
        level = entry.get('level')
        if level is not None:
            logger.setLevel(logging._as_level(level))
        if 'propagate' in entry and logger is not logging.root:
            logger.propagate = entry['propagate']
        if incremental:
            return
        logger.disabled = False
        for old in list(logger.handlers):
            logger.removeHandler(old)
        for name in entry.get('handlers', ()):
            if name not in self.handlers:
                raise ValueError('Unable to add handler %r' % name)
            logger.addHandler(self.handlers[name])
        for old in list(logger.filters):
            logger.removeFilter(old)
        _attach_filters(logger, entry.get('filters', ()), self.filters)


def _forget_all_handlers():
    logging._handlers_by_name.clear()
    refs = list(logging._handler_refs)
    logging.shutdown(refs)
    del logging._handler_refs[:]


def _apply_incremental(config):
    for name, entry in (config.get('handlers') or {}).items():
        handler = logging._handlers_by_name.get(name)
        if handler is None:
            raise ValueError('No handler found with name %r' % name)
        if entry.get('level') is not None:
            handler.setLevel(logging._as_level(entry['level']))
    job = _Configuration(config)
    for name, entry in (config.get('loggers') or {}).items():
        job.apply_to_logger(logging.getLogger(name), entry, incremental=True)
    if config.get('root'):
        job.apply_to_logger(logging.root, config['root'], incremental=True)


def dictConfig(config):
    """Configure logging from a version-1 dictionary (see the notes)."""
    if 'version' not in config:
        raise ValueError("dictionary doesn't specify a version")
    if config['version'] != 1:
        raise ValueError('Unsupported version: %s' % config['version'])
    with logging._lock:
        if config.get('incremental', False):
            _apply_incremental(config)
            return
        job = _Configuration(config)
        _forget_all_handlers()
        job.each('formatter', 'formatters', _build_formatter, job.formatters)
        job.each('filter', 'filters', _build_filter, job.filters)
        job.build_handlers()

        manager = logging.root.manager
        before = sorted(name for name, item in manager.loggerDict.items()
                        if isinstance(item, logging.Logger))
        named = job.section('loggers')
        for name in sorted(named):
            try:
                job.apply_to_logger(logging.getLogger(name), named[name])
            except Exception as problem:
                raise ValueError('Unable to configure logger %r' % name) from problem
        # Loggers that existed before: those below a named one are reset so
        # that they inherit from it; the others, unless asked to keep them,
        # are switched off (with their settings left as they were).
        disable_rest = config.get('disable_existing_loggers', True)
        for name in before:
            if name in named:
                continue
            logger = manager.loggerDict[name]
            if any(name.startswith(n + '.') for n in named):
                logger.setLevel(logging.NOTSET)
                logger.handlers = []
                logger.propagate = True
            elif disable_rest:
                logger.disabled = True
        root_entry = config.get('root')
        if root_entry:
            try:
                job.apply_to_logger(logging.root, root_entry)
            except Exception as problem:
                raise ValueError('Unable to configure root logger') from problem
        manager._clear_cache()
