"""The urllib package: parse (URL text), error (exceptions) and request
(fetching, in lib/urllib/request.py).

Design notes
------------
The package itself is empty, as CPython's is: scripts import the submodule
they need (`import urllib.parse`, `from urllib.error import HTTPError`).
"""
