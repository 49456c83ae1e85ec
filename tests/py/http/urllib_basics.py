# urllib.request against the local test server: status, headers, bodies,
# POST/PUT, redirects, Request objects, build_opener, streaming reads.
import urllib.request
import urllib.error
from _server import Server

with Server() as srv:
    with urllib.request.urlopen(srv.url('/json')) as r:
        print(r.status, r.reason, r.getcode(), r.geturl() == srv.url('/json'))
        print(r.headers.get('Content-Type'), r.headers.get_content_charset())
        print(r.headers['content-length'], r.getheader('X-Missing', 'none'))
        print(r.read())
        print(r.read(), r.closed)

    with urllib.request.urlopen(srv.url('/')) as r:
        print(sorted(k.lower() for k, v in r.headers.items() if k.lower() != 'connection'))
        print(r.headers.get_content_charset(), r.read().decode())

    # read(n) streams a body in pieces.
    r = urllib.request.urlopen(srv.url('/bytes/100000'), timeout=10)
    total = 0
    pieces = 0
    while True:
        chunk = r.read(30000)
        if not chunk:
            break
        total += len(chunk)
        pieces += 1
    print('streamed', total, 'bytes in', pieces, 'reads')
    r.close()

    # POST data and an explicit method.
    r = urllib.request.urlopen(srv.url('/echo'), data=b'a=1&b=2')
    print(r.headers['X-Echo-Method'], r.headers['X-Echo-Content-Type'], r.read())
    req = urllib.request.Request(srv.url('/echo'), data=b'{"x": 1}',
                                 headers={'Content-Type': 'application/json'}, method='PUT')
    print(req.get_method(), req.get_full_url() == srv.url('/echo'), req.has_header('Content-type'))
    with urllib.request.urlopen(req) as r:
        print(r.headers['X-Echo-Method'], r.headers['X-Echo-Content-Type'], r.read())
    req = urllib.request.Request(srv.url('/echo'), method='DELETE')
    with urllib.request.urlopen(req) as r:
        print(r.headers['X-Echo-Method'], r.read())

    # HEAD has no body.
    with urllib.request.urlopen(urllib.request.Request(srv.url('/bytes/10'), method='HEAD')) as r:
        print('HEAD', r.status, r.headers['Content-Length'], r.read())

    # Redirects are followed; the final URL is reported.
    with urllib.request.urlopen(srv.url('/redirect/3')) as r:
        print(r.status, r.geturl() == srv.url('/redirect/0'), r.read())

    # Custom request headers reach the server.
    req = urllib.request.Request(srv.url('/headers'), headers={'X-Token': 'abc'})
    req.add_header('x-other', 'yes')
    with urllib.request.urlopen(req) as r:
        seen = eval(r.read().decode().replace('true', 'True'))
        print(seen['x-token'], seen['x-other'], seen['user-agent'].startswith('Python-urllib/'))

    # An opener with extra default headers.
    opener = urllib.request.build_opener()
    opener.addheaders = [('User-agent', 'gilpy-test/1')]
    with opener.open(srv.url('/headers')) as r:
        print('ua:', eval(r.read().decode().replace('true', 'True'))['user-agent'])

    # Iterating over lines.
    with urllib.request.urlopen(srv.url('/links/5/0')) as r:
        lines = list(r)
        print(len(lines), lines[0])

    # Many requests in a row reuse connections and still all succeed.
    ok = 0
    for i in range(50):
        with urllib.request.urlopen(srv.url('/bytes/%d' % i)) as r:
            ok += len(r.read()) == i
    print('sequential ok', ok)
