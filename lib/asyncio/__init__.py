"""asyncio on libuv: CPython 3.11's API over the _gpuv event loop core.

The package mirrors CPython's layout (events, futures, tasks, locks, queues,
timeouts, taskgroups, runners, threads). The waiting - timers, the GIL-free
poll, cross-thread wakeups - is done by a uv_loop_t in src/mod/uvloop.c.
Streams, TCP transports and servers, add_reader/add_writer and the sock_*
coroutines run on the same loop (net_events.py, streams.py, and the C
transports of src/mod/uvloop_tcp.c).
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
from .protocols import *
from .transports import *
from .streams import *
from .net_events import Server
from .subprocess import create_subprocess_exec, create_subprocess_shell

from . import exceptions, coroutines, events, futures, tasks, locks, queues
from . import timeouts, taskgroups, runners, threads
from . import protocols, transports, streams, net_events, subprocess
