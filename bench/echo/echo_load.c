/*
 * echo_load.c - a closed-loop load generator for echo servers.
 *
 *     echo_load PORT [CONNECTIONS=10] [MESSAGE_BYTES=1024] [SECONDS=5]
 *
 * Design notes
 * ------------
 * Each of CONNECTIONS sockets sends one message, waits until the same
 * number of bytes came back, records the round trip, and sends the next:
 * a closed loop, so the request rate is what the server sustains. One
 * thread drives every socket through epoll, so the generator costs far less
 * CPU than the servers it measures. Latencies go into a preallocated array
 * (grown by doubling) and are sorted once at the end for p50/p99.
 *
 * Output is one JSON object on stdout:
 *     {"requests": N, "seconds": S, "requests_per_s": R, "p50_us": A, "p99_us": B}
 * bench/echo/run.py compiles this file with cc and reads that line.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct conn {
    int fd;
    size_t sent, received; /* bytes of the current message */
    uint64_t started_ns;
} conn_t;

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int connect_to(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        close(fd);
        return -1;
    }
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    return fd;
}

/* Sends what is left of the current message; returns -1 on error. */
static int pump_send(conn_t *c, const char *msg, size_t size)
{
    while (c->sent < size) {
        ssize_t n = send(c->fd, msg + c->sent, size - c->sent, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n < 0)
            return (errno == EAGAIN || errno == EINTR) ? 0 : -1;
        c->sent += (size_t)n;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: echo_load PORT [CONNECTIONS] [MESSAGE_BYTES] [SECONDS]\n");
        return 2;
    }
    int port = atoi(argv[1]);
    int nconn = argc > 2 ? atoi(argv[2]) : 10;
    size_t size = argc > 3 ? (size_t)atol(argv[3]) : 1024;
    double seconds = argc > 4 ? atof(argv[4]) : 5.0;
    if (nconn <= 0 || size == 0 || seconds <= 0) {
        fprintf(stderr, "echo_load: bad arguments\n");
        return 2;
    }
    char *msg = malloc(size), *sink = malloc(size > 65536 ? size : 65536);
    conn_t *conns = calloc((size_t)nconn, sizeof *conns);
    size_t lat_cap = 1 << 16, lat_len = 0;
    uint64_t *lat = malloc(lat_cap * sizeof *lat);
    int ep = epoll_create1(0);
    if (!msg || !sink || !conns || !lat || ep < 0) {
        fprintf(stderr, "echo_load: out of memory\n");
        return 1;
    }
    memset(msg, 'x', size);
    for (int i = 0; i < nconn; i++) {
        conns[i].fd = connect_to(port);
        if (conns[i].fd < 0) {
            fprintf(stderr, "echo_load: cannot connect to port %d: %s\n", port, strerror(errno));
            return 1;
        }
        struct epoll_event ev = {.events = EPOLLIN, .data.ptr = &conns[i]};
        epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &ev);
    }
    uint64_t start = now_ns(), end = start + (uint64_t)(seconds * 1e9);
    for (int i = 0; i < nconn; i++) {
        conns[i].started_ns = now_ns();
        if (pump_send(&conns[i], msg, size) < 0)
            return 1;
    }
    struct epoll_event events[64];
    uint64_t now = start;
    while (now < end) {
        int n = epoll_wait(ep, events, 64, 100);
        now = now_ns();
        for (int i = 0; i < n; i++) {
            conn_t *c = events[i].data.ptr;
            for (;;) {
                ssize_t got = recv(c->fd, sink, size - c->received, MSG_DONTWAIT);
                if (got == 0) {
                    fprintf(stderr, "echo_load: server closed a connection\n");
                    return 1;
                }
                if (got < 0) {
                    if (errno == EAGAIN || errno == EINTR)
                        break;
                    fprintf(stderr, "echo_load: recv: %s\n", strerror(errno));
                    return 1;
                }
                c->received += (size_t)got;
                if (c->received == size) {
                    if (lat_len == lat_cap) {
                        lat_cap *= 2;
                        lat = realloc(lat, lat_cap * sizeof *lat);
                        if (!lat)
                            return 1;
                    }
                    lat[lat_len++] = now - c->started_ns;
                    c->sent = c->received = 0;
                    c->started_ns = now;
                    if (now >= end)
                        break;
                }
                if (c->sent < size && pump_send(c, msg, size) < 0)
                    return 1;
            }
        }
    }
    double elapsed = (double)(now_ns() - start) / 1e9;
    qsort(lat, lat_len, sizeof *lat, compare_u64);
    double p50 = lat_len ? (double)lat[lat_len / 2] / 1e3 : 0;
    double p99 = lat_len ? (double)lat[(size_t)((double)lat_len * 0.99)] / 1e3 : 0;
    printf("{\"requests\": %zu, \"seconds\": %.3f, \"requests_per_s\": %.1f, "
           "\"p50_us\": %.1f, \"p99_us\": %.1f}\n",
           lat_len, elapsed, (double)lat_len / elapsed, p50, p99);
    for (int i = 0; i < nconn; i++)
        close(conns[i].fd);
    free(msg);
    free(sink);
    free(conns);
    free(lat);
    close(ep);
    return 0;
}
