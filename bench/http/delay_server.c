/*
 * delay_server.c - a tiny HTTP/1.1 server on libuv that answers
 * GET /delay/<ms> after <ms> milliseconds, for bench/http/run.py.
 *
 *     cc -O2 -o delay_server delay_server.c -luv && ./delay_server
 *
 * Prints "port <n>" (a free loopback port) and serves until killed.
 *
 * Design notes
 * ------------
 * The /delay workloads of issue 6 (1,000 concurrent fetches of /delay/100)
 * measure whether the *client* overlaps its waits. The Python test server
 * (demos/http_server.py) accepts and parses in Python, so with a thousand
 * connections arriving at once it, not the client, set the wall time. This
 * server does almost nothing per request: one read, one timer, one write,
 * so the client's concurrency is what the figure shows.
 *
 * One libuv loop, one thread. Each connection reads into a fixed buffer
 * until it holds a complete request head ("\r\n\r\n"), parses the delay
 * from the path, starts the connection's timer and stops reading until the
 * response is written; keep-alive then waits for the next request. Request
 * bodies are not expected (GET only); anything unparseable gets a 400 and
 * the connection is closed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

typedef struct connection {
    uv_tcp_t tcp;
    uv_timer_t timer;
    uv_write_t write_req;
    char in[8192];
    size_t in_len;
    char out[256];
    long delay_ms;
    int closing_handles;
    int close_after_write;
} connection_t;

static uv_loop_t *loop;

static void connection_free_cb(uv_handle_t *handle)
{
    connection_t *c = handle->data;
    if (--c->closing_handles == 0)
        free(c);
}

static void connection_close(connection_t *c)
{
    if (uv_is_closing((uv_handle_t *)&c->tcp))
        return;
    c->closing_handles = 2;
    uv_close((uv_handle_t *)&c->timer, connection_free_cb);
    uv_close((uv_handle_t *)&c->tcp, connection_free_cb);
}

static void alloc_cb(uv_handle_t *handle, size_t suggested, uv_buf_t *buf)
{
    connection_t *c = handle->data;
    buf->base = c->in + c->in_len;
    buf->len = sizeof c->in - c->in_len;
}

static void read_cb(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf);

static void write_cb(uv_write_t *req, int status)
{
    connection_t *c = req->data;
    if (status < 0 || c->close_after_write) {
        connection_close(c);
        return;
    }
    uv_read_start((uv_stream_t *)&c->tcp, alloc_cb, read_cb);
}

static void respond(connection_t *c, int status, const char *body)
{
    int n = snprintf(c->out, sizeof c->out,
                     "HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\n%s\r\n%s",
                     status, status == 200 ? "OK" : "Bad Request", strlen(body),
                     c->close_after_write ? "Connection: close\r\n" : "", body);
    uv_buf_t buf = uv_buf_init(c->out, (unsigned)n);
    c->write_req.data = c;
    if (uv_write(&c->write_req, (uv_stream_t *)&c->tcp, &buf, 1, write_cb) != 0)
        connection_close(c);
}

static void timer_cb(uv_timer_t *timer)
{
    connection_t *c = timer->data;
    char body[64];
    snprintf(body, sizeof body, "delayed %ld", c->delay_ms);
    respond(c, 200, body);
}

/* Parses the request head in c->in (complete, ending at [end]). */
static void handle_request(connection_t *c, const char *end)
{
    uv_read_stop((uv_stream_t *)&c->tcp);
    const char *prefix = "GET /delay/";
    size_t head_len = (size_t)(end - c->in);
    c->close_after_write = strstr(c->in, "\r\nConnection: close") != NULL ||
                           strstr(c->in, "\r\nconnection: close") != NULL;
    if (strncmp(c->in, prefix, strlen(prefix)) != 0) {
        c->close_after_write = 1;
        respond(c, 400, "bad request");
    } else {
        c->delay_ms = strtol(c->in + strlen(prefix), NULL, 10);
        if (c->delay_ms < 0)
            c->delay_ms = 0;
        uv_timer_start(&c->timer, timer_cb, (uint64_t)c->delay_ms, 0);
    }
    /* Keep what followed the head (a pipelined next request). */
    memmove(c->in, c->in + head_len, c->in_len - head_len);
    c->in_len -= head_len;
}

static void read_cb(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf)
{
    connection_t *c = stream->data;
    if (n < 0) {
        connection_close(c);
        return;
    }
    c->in_len += (size_t)n;
    if (c->in_len == sizeof c->in) {
        connection_close(c); /* a head this big is not ours */
        return;
    }
    c->in[c->in_len] = '\0';
    const char *end = strstr(c->in, "\r\n\r\n");
    if (end)
        handle_request(c, end + 4);
}

static void connection_cb(uv_stream_t *server, int status)
{
    if (status < 0)
        return;
    connection_t *c = calloc(1, sizeof *c);
    if (!c)
        return;
    uv_tcp_init(loop, &c->tcp);
    uv_timer_init(loop, &c->timer);
    c->tcp.data = c->timer.data = c;
    if (uv_accept(server, (uv_stream_t *)&c->tcp) != 0) {
        connection_close(c);
        return;
    }
    uv_tcp_nodelay(&c->tcp, 1);
    uv_read_start((uv_stream_t *)&c->tcp, alloc_cb, read_cb);
}

int main(void)
{
    loop = uv_default_loop();
    uv_tcp_t server;
    struct sockaddr_in addr;
    uv_ip4_addr("127.0.0.1", 0, &addr);
    uv_tcp_init(loop, &server);
    int rc = uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
    if (rc == 0)
        rc = uv_listen((uv_stream_t *)&server, 4096, connection_cb);
    if (rc != 0) {
        fprintf(stderr, "delay_server: %s\n", uv_strerror(rc));
        return 1;
    }
    struct sockaddr_in bound;
    int len = sizeof bound;
    uv_tcp_getsockname(&server, (struct sockaddr *)&bound, &len);
    printf("port %d\n", ntohs(bound.sin_port));
    fflush(stdout);
    return uv_run(loop, UV_RUN_DEFAULT);
}
