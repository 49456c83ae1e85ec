# multiprocessing.Pool: apply, apply_async, map, starmap, imap, errors.
import multiprocessing
from multiprocessing import Pool


def square(x):
    return x * x


def fail(x):
    raise ValueError("bad value %d" % x)


def countdown(n):
    while n > 0:
        n -= 1
    return "done"


if __name__ == '__main__':
    with Pool(2) as pool:
        print(pool.apply(square, (7,)))
        r = pool.apply_async(countdown, [100000])
        print(r.get(timeout=30), r.ready(), r.successful())
        print(pool.map(square, range(10)))
        print(pool.starmap(pow, [(2, 5), (3, 3)]))
        print(list(pool.imap(square, [1, 2, 3])))
        print(sorted(pool.imap_unordered(square, [4, 5, 6])))
        try:
            pool.apply(fail, (3,))
        except ValueError as e:
            print("ValueError:", e)
        big = pool.apply(pow, (10, 40))
        print(big, pool.apply(len, ("héllo",)), pool.apply(sorted, ({3, 1, 2},)))
    pool = Pool(processes=2)
    r1 = pool.apply_async(countdown, [50000])
    r2 = pool.apply_async(countdown, [50000])
    pool.close()
    pool.join()
    print(r1.get(), r2.get())
    print(multiprocessing.cpu_count() >= 1, multiprocessing.current_process().name)
