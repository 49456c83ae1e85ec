/*
 * fuzz_http.c - feeds arbitrary server responses to the HTTP clients.
 *
 * The fuzz input is what a server sends back: a status line, headers, a
 * body, chunked encoding, a truncation, or none of those. It travels the
 * real client path: a loopback socket, libcurl, the header and body
 * callbacks of src/mod/curl.c and curl_multi.c, and the Python response
 * objects of lib/urllib (urlopen: status, reason, headers, charset,
 * read(n), read()) and lib/aiohttp (ClientSession.get: status, headers,
 * content.read(n), read(), text(), json()).
 *
 * Design notes
 * ------------
 * The server is a plain C thread that never touches the runtime (it holds
 * no GIL and needs none): it accepts a connection on a loopback listening
 * socket, reads the request up to its blank line (or a short timeout),
 * writes the current input, shuts down its side and closes. Every
 * connection gets the same bytes, so a redirect to itself or a client
 * retrying on a fresh connection sees a consistent server. The input is
 * swapped under a mutex between runs.
 *
 * The interpreter is created once per process; the Python target is
 * compiled once and called per input with the port. It catches the
 * exceptions CPython's clients raise for a hostile server (URLError,
 * HTTPException, OSError, ValueError and UnicodeError, LookupError for an
 * unknown charset, aiohttp's ClientError, timeouts). Anything else that
 * escapes - a TypeError, AttributeError, KeyError, SystemError - is a bug
 * of ours: it is printed and the harness aborts so libFuzzer keeps the
 * input. Crashes, sanitizer reports and hangs are the main catch. Client
 * timeouts are short (1 s) so a response that never ends costs little.
 */
#include "fuzz.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "runtime/runtime.h"
#include "vm/eval.h"

/* The target: fetch from 127.0.0.1:port with both clients. */
static const char fuzz_http_source[] =
    "import asyncio, json\n"
    "import http.client\n"
    "import urllib.request, urllib.error\n"
    "import aiohttp\n"
    "URLLIB_ERRORS = (urllib.error.URLError, http.client.HTTPException, OSError,\n"
    "                 ValueError, LookupError)\n"
    "def use_urllib(url):\n"
    "    try:\n"
    "        with urllib.request.urlopen(url, timeout=1) as r:\n"
    "            r.status, r.reason, r.getcode(), r.geturl()\n"
    "            r.headers.get('Content-Type'), r.headers.items()\n"
    "            r.getheader('Content-Length'), r.getheaders()\n"
    "            charset = r.headers.get_content_charset()\n"
    "            body = r.read(5) + r.read()\n"
    "            r.read()\n"
    "        body.decode(charset or 'utf-8', 'replace')\n"
    "    except urllib.error.HTTPError as e:\n"
    "        e.code, e.reason, str(e), e.headers.items()\n"
    "        try:\n"
    "            e.read()\n"
    "        except URLLIB_ERRORS:\n"
    "            pass\n"
    "    except URLLIB_ERRORS:\n"
    "        pass\n"
    "AIOHTTP_ERRORS = (aiohttp.ClientError, asyncio.TimeoutError, OSError, ValueError,\n"
    "                  LookupError)\n"
    "async def use_aiohttp(url):\n"
    "    timeout = aiohttp.ClientTimeout(total=1)\n"
    "    async with aiohttp.ClientSession(timeout=timeout) as session:\n"
    "        try:\n"
    "            async with session.get(url) as r:\n"
    "                r.status, r.reason, r.ok, r.content_type, r.charset\n"
    "                r.headers.get('Content-Type'), list(r.headers.items())\n"
    "                r.content_length\n"
    "                await r.content.read(5)\n"
    "                await r.read()\n"
    "                try:\n"
    "                    await r.text()\n"
    "                except (UnicodeDecodeError, LookupError):\n"
    "                    pass\n"
    "                try:\n"
    "                    await r.json(content_type=None)\n"
    "                except (ValueError, UnicodeDecodeError, LookupError):\n"
    "                    pass\n"
    "        except AIOHTTP_ERRORS:\n"
    "            pass\n"
    "loop = asyncio.new_event_loop()\n"
    "def target(port):\n"
    "    url = 'http://127.0.0.1:%d/x' % port\n"
    "    use_urllib(url)\n"
    "    loop.run_until_complete(use_aiohttp(url))\n";

static gp_object_t *target_fn;
static int listen_fd = -1;
static int listen_port;

/* The response every connection gets; swapped between inputs. */
static pthread_mutex_t response_lock = PTHREAD_MUTEX_INITIALIZER;
static uint8_t *response_data;
static size_t response_size;

/* Reads the request until its blank line, the peer's end, or 200 ms of
   silence, so that closing afterwards does not reset the connection with
   unread bytes. */
static void server_read_request(int fd)
{
    char buf[4096];
    size_t tail = 0; /* how many of "\r\n\r\n" matched across reads */
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        if (poll(&p, 1, 200) <= 0)
            return;
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return;
        for (ssize_t i = 0; i < n; i++) {
            char want = "\r\n\r\n"[tail];
            tail = buf[i] == want ? tail + 1 : (buf[i] == '\r' ? 1 : 0);
            if (tail == 4)
                return;
        }
    }
}

/* Writes the current response; a client that stops reading early just
   ends the write (EPIPE, ECONNRESET, or 1 s without progress). */
static void server_write_response(int fd)
{
    pthread_mutex_lock(&response_lock);
    size_t size = response_size;
    uint8_t *copy = size ? malloc(size) : NULL;
    if (copy)
        memcpy(copy, response_data, size);
    pthread_mutex_unlock(&response_lock);
    size_t off = 0;
    while (copy && off < size) {
        struct pollfd p = {.fd = fd, .events = POLLOUT};
        if (poll(&p, 1, 1000) <= 0)
            break;
        ssize_t n = send(fd, copy + off, size - off, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    free(copy);
}

static void *server_main(void *arg)
{
    (void)arg;
    for (;;) {
        int fd = accept(listen_fd, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED || errno == EMFILE)
                continue;
            return NULL;
        }
        server_read_request(fd);
        server_write_response(fd);
        shutdown(fd, SHUT_WR);
        close(fd);
    }
}

static void server_start(void)
{
    listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (listen_fd < 0 || bind(listen_fd, (struct sockaddr *)&addr, sizeof addr) < 0 ||
        listen(listen_fd, 64) < 0 || getsockname(listen_fd, (struct sockaddr *)&addr, &len) < 0) {
        perror("fuzz_http: listening socket");
        abort();
    }
    listen_port = ntohs(addr.sin_port);
    pthread_t tid;
    if (pthread_create(&tid, NULL, server_main, NULL) != 0) {
        fputs("fuzz_http: no server thread\n", stderr);
        abort();
    }
    pthread_detach(tid);
}

int LLVMFuzzerInitialize(int *argc, char **argv[])
{
    (void)argc;
    (void)argv;
    signal(SIGPIPE, SIG_IGN);
    server_start();
    gp_fuzz_runtime_start();
    target_fn = gp_fuzz_load_target(fuzz_http_source, "<fuzz-http>");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *copy = size ? malloc(size) : NULL;
    if (size && !copy)
        return 0;
    if (copy)
        memcpy(copy, data, size);
    pthread_mutex_lock(&response_lock);
    free(response_data);
    response_data = copy;
    response_size = size;
    pthread_mutex_unlock(&response_lock);

    gp_object_t *port = gp_int_from_i64(listen_port);
    if (!port) {
        gp_err_clear();
        return 0;
    }
    gp_object_t *r = gp_object_call(target_fn, &port, 1, NULL);
    GP_DECREF(port);
    if (!r) {
        gp_object_t *exc = gp_err_fetch();
        if (GP_TYPE(exc) == &gp_exc_MemoryError) {
            GP_DECREF(exc);
            return 0;
        }
        fprintf(stderr, "fuzz_http: the target raised\n");
        gp_exception_print(exc);
        abort();
    }
    GP_DECREF(r);
    return 0;
}
