# http.HTTPStatus / http.HTTPMethod as enum classes: identity, lookups,
# class shape and the errors of failed lookups.
import http
from http import HTTPStatus, HTTPMethod

print([c.__name__ for c in HTTPStatus.__mro__], [c.__name__ for c in HTTPMethod.__mro__])
print(HTTPStatus.__module__, HTTPMethod.__module__, http.__all__)
print(HTTPStatus(200) is HTTPStatus.OK, HTTPStatus['IM_A_TEAPOT'].phrase, HTTPStatus.REQUEST_URI_TOO_LONG.value)
print(list(HTTPStatus)[:3], list(HTTPStatus)[-1], HTTPStatus.NON_AUTHORITATIVE_INFORMATION.phrase)
print(str(HTTPStatus.NOT_FOUND), format(HTTPStatus.NOT_FOUND, '>6'), HTTPStatus.NOT_FOUND.name, hash(HTTPStatus.OK) == hash(200))
print(sorted(s for s in HTTPStatus if 300 <= s < 303), {HTTPStatus.OK: 1}[200], max(HTTPStatus).name)
print(str(HTTPMethod.GET), format(HTTPMethod.POST), HTTPMethod.PUT.upper(), HTTPMethod('HEAD') is HTTPMethod.HEAD,
      HTTPMethod.PATCH.value, len(HTTPMethod), repr(HTTPMethod['TRACE']), HTTPMethod.GET + '/x')
for bad in (lambda: HTTPStatus(99), lambda: HTTPStatus['NOPE'], lambda: HTTPMethod('get')):
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
