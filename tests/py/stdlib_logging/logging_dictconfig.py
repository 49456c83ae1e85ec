# logging.config.dictConfig: formatters, filters, handlers, loggers, root,
# external references, existing loggers, incremental updates and errors.
import io
import logging
import logging.config
import logging.handlers
import sys

sink = io.StringIO()
sys.modules[__name__].sink = sink

early = logging.getLogger('early')
early_child = logging.getLogger('app.child')
early_child.setLevel(logging.DEBUG)

config = {
    'version': 1,
    'formatters': {
        'brief': {'format': '%(levelname)s:%(name)s:%(message)s'},
        'braces': {'format': '{name}|{message}', 'style': '{'},
    },
    'filters': {
        'only_app': {'name': 'app'},
    },
    'handlers': {
        'out': {'class': 'logging.StreamHandler', 'formatter': 'brief',
                'stream': 'ext://sys.stdout', 'level': 'INFO'},
        'memory': {'class': 'logging.handlers.MemoryHandler', 'capacity': 2,
                   'target': 'out'},
        'braced': {'class': 'logging.StreamHandler', 'formatter': 'braces',
                   'stream': 'ext://sys.stdout', 'filters': ['only_app']},
    },
    'loggers': {
        'app': {'level': 'DEBUG', 'handlers': ['braced'], 'propagate': True},
        'buffered': {'handlers': ['memory'], 'propagate': False, 'level': 'DEBUG'},
    },
    'root': {'level': 'WARNING', 'handlers': ['out']},
}
logging.config.dictConfig(config)
app = logging.getLogger('app')
app.debug('debug reaches braced only')
app.info('info reaches both')
logging.getLogger('app.child').info('child inherits')
logging.getLogger('other').warning('root handler')
logging.getLogger('other').info('below root level')
early.error('early logger was disabled')
print(early.disabled, early_child.disabled, early_child.level)
buffered = logging.getLogger('buffered')
buffered.warning('held 1')
print('-- nothing yet')
buffered.warning('held 2')
print([type(h).__name__ for h in logging.root.handlers], app.handlers[0].name)

# An incremental update changes levels only.
logging.config.dictConfig({'version': 1, 'incremental': True,
                           'handlers': {'out': {'level': 'ERROR'}},
                           'loggers': {'app': {'level': 'WARNING'}}})
app.info('now filtered')
app.warning('braced only now')
app.error('error reaches both')

# A second full configuration, keeping existing loggers enabled.
logging.config.dictConfig({
    'version': 1, 'disable_existing_loggers': False,
    'handlers': {'h': {'()': logging.StreamHandler, 'stream': sys.stdout}},
    'root': {'handlers': ['h'], 'level': 'INFO'},
})
logging.getLogger('other').info('custom factory')
print(logging.getLogger('other').disabled)

for bad in ({}, {'version': 2},
            {'version': 1, 'handlers': {'h': {'class': 'nope.Missing'}}},
            {'version': 1, 'formatters': {'f': {'format': '%(x', 'style': '%'}}},
            {'version': 1, 'loggers': {'a': {'handlers': ['missing']}}},
            {'version': 1, 'handlers': {'h': {'class': 'logging.StreamHandler',
                                               'formatter': 'zz'}}},
            {'version': 1, 'root': {'level': 'LOUD'}}):
    try:
        logging.config.dictConfig(bad)
    except ValueError as e:
        print('ValueError', e, '| cause:', type(e.__cause__).__name__)
