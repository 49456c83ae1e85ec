# logging.shutdown() runs at exit (through atexit), flushing and closing
# every live handler before exit functions registered earlier run.
import atexit

atexit.register(lambda: print('registered before logging: runs last'))

import logging


class Noisy(logging.Handler):
    def __init__(self, label):
        super().__init__()
        self.label = label
        self.seen = []

    def emit(self, record):
        self.seen.append(record.getMessage())

    def flush(self):
        print(self.label, 'flushed holding', self.seen)

    def close(self):
        print(self.label, 'closed')
        super().close()


keep = Noisy('kept')
logging.getLogger('exit').addHandler(keep)
logging.getLogger('exit').warning('one')
logging.getLogger('exit').error('two')
atexit.register(lambda: print('registered after logging: runs first'))
print('main done')
