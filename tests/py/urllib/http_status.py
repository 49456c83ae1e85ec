# http.HTTPStatus members, phrases and descriptions; http.HTTPMethod; http.client.responses.
import http
from http import HTTPStatus
import http.client as hc

for s in HTTPStatus:
    print(int(s), s.name, repr(s.phrase), repr(s.description), s.value)
print(HTTPStatus(404), repr(HTTPStatus(404)), HTTPStatus.OK == 200, HTTPStatus['NOT_FOUND'].phrase)
print(HTTPStatus.OK + 1, HTTPStatus.NOT_FOUND < 500, isinstance(HTTPStatus.OK, int), len(HTTPStatus))
print('%d %s' % (HTTPStatus.CREATED, HTTPStatus.CREATED.phrase), f'{HTTPStatus.ACCEPTED}')
try:
    HTTPStatus(999)
except ValueError as e:
    print('ValueError', e)
print(hc.responses[200], hc.responses[404], hc.responses[418], len(hc.responses), hc.NOT_FOUND, hc.HTTP_PORT, hc.HTTPS_PORT)
for m in http.HTTPMethod:
    print(m.name, m.value, m.description, repr(m), str(m), m == m.value)
print(http.HTTPMethod.GET == 'GET', http.HTTPMethod('POST').name)
