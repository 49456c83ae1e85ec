/*
 * pthread_floor.c - what sleep_threads.py costs with no interpreter at all:
 * N plain pthreads (default attributes, so the same 8 MiB stacks gilpy's
 * threads get) each sleeping DELAY seconds, started one after another and
 * joined. Its figures are the floor the machine's thread creation and
 * scheduling set for any runtime that maps a Python thread to a pthread.
 * compare.py compiles and runs it beside gilpy and CPython; by hand:
 *
 *     cc -O2 -pthread bench/threads/pthread_floor.c -o /tmp/pthread_floor
 *     /tmp/pthread_floor [N [DELAY]]
 *
 * Prints the line sleep_threads.py prints, so one parser reads both.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double clock_seconds(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void *sleeper(void *arg)
{
    double delay = *(const double *)arg;
    struct timespec ts = {(time_t)delay, (long)((delay - (double)(time_t)delay) * 1e9)};
    while (nanosleep(&ts, &ts) != 0) {
    }
    return NULL;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1000;
    double delay = argc > 2 ? atof(argv[2]) : 0.5;
    pthread_t *threads = calloc(n > 0 ? (size_t)n : 1, sizeof *threads);
    if (n <= 0 || !threads) {
        fprintf(stderr, "usage: pthread_floor [N>0 [DELAY]]\n");
        return 2;
    }
    double cpu0 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
    double start = clock_seconds(CLOCK_MONOTONIC);
    for (int i = 0; i < n; i++) {
        if (pthread_create(&threads[i], NULL, sleeper, &delay) != 0) {
            fprintf(stderr, "pthread_create failed at thread %d\n", i);
            return 1;
        }
    }
    double started = clock_seconds(CLOCK_MONOTONIC) - start;
    for (int i = 0; i < n; i++)
        pthread_join(threads[i], NULL);
    double elapsed = clock_seconds(CLOCK_MONOTONIC) - start;
    double cpu = clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
    printf("%d threads x time.sleep(%g): wall %.3f s (ideal %.1f s), "
           "start() of all %.3f s, cpu %.3f s\n",
           n, delay, elapsed, delay, started, cpu);
    free(threads);
    return 0;
}
