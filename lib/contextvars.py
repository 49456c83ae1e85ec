"""Context variables (PEP 567).

Everything lives in the C module _contextvars (src/mod/contextvars.c, which
explains how contexts are kept and copied); this module names its four
public objects.
"""

import _contextvars

Context = _contextvars.Context
ContextVar = _contextvars.ContextVar
Token = _contextvars.Token
copy_context = _contextvars.copy_context

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

del _contextvars
