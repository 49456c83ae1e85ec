"""asyncio on libuv: CPython 3.11's API over the _gpuv event loop core.

The package mirrors CPython's layout (events, futures, tasks, locks, queues,
timeouts, taskgroups, runners, threads). The waiting - timers, the GIL-free
poll, cross-thread wakeups - is done by a uv_loop_t in src/mod/uvloop.c.
Streams and sockets are not provided yet.
"""

from .exceptions import *
from .coroutines import *
from .events import *
from .futures import *
from .tasks import *
from .locks import *
from .queues import *
from .timeouts import *
from .taskgroups import *
from .runners import *
from .threads import *

from . import exceptions, coroutines, events, futures, tasks, locks, queues
from . import timeouts, taskgroups, runners, threads
