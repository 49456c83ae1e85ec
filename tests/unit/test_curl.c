/*
 * test_curl.c - the libcurl multi handle on a private libuv loop, without
 * Python: a transfer that fails, one stopped mid-flight, one ended by
 * closing its multi, and a loop that closes cleanly after each (which is
 * what proves every poll handle and the timer were closed). Then the same
 * through a thread driver (curl_thread.c), which the test thread drives
 * itself.
 *
 * A local listening socket that never accepts stands in for a server that
 * never answers, so nothing here needs the network.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "mod/curl.h"

/* A listening loopback socket nobody accepts on; its port in *port. */
static int silent_listener(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&addr, sizeof addr), 0);
    assert_int_equal(listen(fd, 16), 0);
    socklen_t len = sizeof addr;
    getsockname(fd, (struct sockaddr *)&addr, &len);
    *port = ntohs(addr.sin_port);
    return fd;
}

static bool transfer_done(gp_curl_transfer_t *t)
{
    pthread_mutex_lock(&t->mutex);
    bool done = t->done;
    pthread_mutex_unlock(&t->mutex);
    return done;
}

/* Runs [uv] until [t] has ended (or [max_iterations] loop turns). */
static void run_until_done(uv_loop_t *uv, gp_curl_transfer_t *t, int max_iterations)
{
    for (int i = 0; i < max_iterations && !transfer_done(t); i++)
        uv_run(uv, UV_RUN_ONCE);
}

/* Runs [uv] for [turns] non-blocking turns spaced a millisecond apart. */
static void run_turns(uv_loop_t *uv, int turns)
{
    for (int i = 0; i < turns; i++) {
        uv_run(uv, UV_RUN_NOWAIT);
        usleep(1000);
    }
}

static void close_and_check_loop(uv_loop_t *uv, gp_curl_multi_t *m)
{
    gp_curl_multi_close(m);
    while (uv_run(uv, UV_RUN_NOWAIT) != 0)
        ;
    assert_int_equal(uv_loop_close(uv), 0);
}

static int events_seen;

static void count_event(gp_curl_transfer_t *t, void *arg)
{
    (void)t;
    (void)arg;
    events_seen++;
}

static void test_refused_transfer_fails(void **state)
{
    (void)state;
    uv_loop_t uv;
    assert_int_equal(uv_loop_init(&uv), 0);
    gp_curl_multi_t *m = gp_curl_multi_new();
    assert_non_null(m);
    assert_int_equal(gp_curl_multi_attach(m, &uv), 0);

    /* Bind and close a socket: its port then refuses connections. */
    int port;
    int fd = silent_listener(&port);
    close(fd);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/", port);
    gp_curl_transfer_t *t = gp_curl_transfer_new();
    curl_easy_setopt(t->easy, CURLOPT_URL, url);
    events_seen = 0;
    t->on_event = count_event;
    gp_curl_transfer_start(m, t);
    assert_int_equal(gp_curl_multi_active(m), 1);
    run_until_done(&uv, t, 1000);
    assert_true(transfer_done(t));
    assert_int_equal(t->result, CURLE_COULDNT_CONNECT);
    assert_false(t->headers_done);
    assert_int_equal(events_seen, 1);
    assert_int_equal(gp_curl_multi_active(m), 0);
    gp_curl_transfer_release(t);
    close_and_check_loop(&uv, m);
}

static void test_stop_mid_transfer(void **state)
{
    (void)state;
    uv_loop_t uv;
    assert_int_equal(uv_loop_init(&uv), 0);
    gp_curl_multi_t *m = gp_curl_multi_new();
    assert_int_equal(gp_curl_multi_attach(m, &uv), 0);
    int port;
    int fd = silent_listener(&port);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/", port);
    gp_curl_transfer_t *t = gp_curl_transfer_new();
    curl_easy_setopt(t->easy, CURLOPT_URL, url);
    gp_curl_transfer_start(m, t);
    run_turns(&uv, 50); /* connected and waiting for an answer that never comes */
    assert_false(transfer_done(t));
    gp_curl_transfer_stop(t, GP_CURL_CANCELLED);
    assert_true(transfer_done(t));
    assert_int_equal(t->result, GP_CURL_CANCELLED);
    assert_int_equal(gp_curl_multi_active(m), 0);
    /* Stopping twice is harmless. */
    gp_curl_transfer_stop(t, GP_CURL_CANCELLED);
    gp_curl_transfer_release(t);
    close_and_check_loop(&uv, m);
    close(fd);
}

static void test_close_ends_transfers(void **state)
{
    (void)state;
    uv_loop_t uv;
    assert_int_equal(uv_loop_init(&uv), 0);
    gp_curl_multi_t *m = gp_curl_multi_new();
    gp_curl_multi_set_limits(m, 2, 0);
    assert_int_equal(gp_curl_multi_attach(m, &uv), 0);
    int port;
    int fd = silent_listener(&port);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/", port);
    gp_curl_transfer_t *ts[5];
    for (int i = 0; i < 5; i++) {
        ts[i] = gp_curl_transfer_new();
        curl_easy_setopt(ts[i]->easy, CURLOPT_URL, url);
        gp_curl_transfer_start(m, ts[i]);
    }
    run_turns(&uv, 30);
    assert_int_equal(gp_curl_multi_active(m), 5);
    close_and_check_loop(&uv, m);
    for (int i = 0; i < 5; i++) {
        assert_true(transfer_done(ts[i]));
        assert_int_equal(ts[i]->result, GP_CURL_CLOSED);
        gp_curl_transfer_release(ts[i]);
    }
    close(fd);
}

static void test_fail_before_start(void **state)
{
    (void)state;
    gp_curl_transfer_t *t = gp_curl_transfer_new();
    gp_curl_transfer_fail(t, GP_CURL_CLOSED, "stopping");
    assert_true(transfer_done(t));
    assert_string_equal(t->error, "stopping");
    /* A transfer that already ended is not added to a multi. */
    uv_loop_t uv;
    assert_int_equal(uv_loop_init(&uv), 0);
    gp_curl_multi_t *m = gp_curl_multi_new();
    assert_int_equal(gp_curl_multi_attach(m, &uv), 0);
    gp_curl_transfer_start(m, t);
    assert_int_equal(gp_curl_multi_active(m), 0);
    gp_curl_transfer_release(t);
    close_and_check_loop(&uv, m);
}

static bool ready_when_done(gp_curl_transfer_t *t, void *arg)
{
    (void)arg;
    return transfer_done(t);
}

/* A refused connection ends a driver transfer with libcurl's error. */
static void test_driver_refused_transfer_fails(void **state)
{
    (void)state;
    int port;
    int fd = silent_listener(&port);
    close(fd);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/", port);
    gp_curl_driver_t *d = gp_curl_driver_for_thread();
    assert_non_null(d);
    assert_ptr_equal(gp_curl_driver_for_thread(), d);
    gp_curl_transfer_t *t = gp_curl_transfer_new();
    curl_easy_setopt(t->easy, CURLOPT_URL, url);
    gp_curl_driver_start(d, t);
    for (int i = 0; i < 1000 && !transfer_done(t); i++)
        assert_int_equal(gp_curl_driver_step(t, ready_when_done, NULL, 10), 1);
    assert_true(transfer_done(t));
    assert_int_equal(t->result, CURLE_COULDNT_CONNECT);
    assert_false(t->in_driver);
    gp_curl_transfer_release(t);
}

/* Stopping a driver transfer that waits on a silent server takes it out
   of the multi at once; stopping it again changes nothing. */
static void test_driver_stop_mid_transfer(void **state)
{
    (void)state;
    int port;
    int fd = silent_listener(&port);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d/", port);
    gp_curl_transfer_t *t = gp_curl_transfer_new();
    curl_easy_setopt(t->easy, CURLOPT_URL, url);
    gp_curl_driver_start(gp_curl_driver_for_thread(), t);
    for (int i = 0; i < 5; i++)
        gp_curl_driver_step(t, ready_when_done, NULL, 1);
    assert_false(transfer_done(t));
    assert_true(t->in_driver);
    gp_curl_driver_stop(t, GP_CURL_CANCELLED);
    assert_true(transfer_done(t));
    assert_int_equal(t->result, GP_CURL_CANCELLED);
    assert_false(t->in_driver);
    gp_curl_driver_stop(t, GP_CURL_CLOSED);
    assert_int_equal(t->result, GP_CURL_CANCELLED);
    gp_curl_transfer_release(t);
    close(fd);
}

int main(void)
{
    gp_curl_global_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refused_transfer_fails),
        cmocka_unit_test(test_stop_mid_transfer),
        cmocka_unit_test(test_close_ends_transfers),
        cmocka_unit_test(test_fail_before_start),
        cmocka_unit_test(test_driver_refused_transfer_fails),
        cmocka_unit_test(test_driver_stop_mid_transfer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
