rows = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 3.0, 1)]
for name, price, qty in rows:
    print("{:<12}|{:>8.2f}|{:^5d}|".format(name, price, qty))
print("{:-^30}".format(" total "))
print("{0:>{1}}".format("right", 10), "{:.{}}".format("truncate", 4))
print("{:,d} {:_b} {:#o} {:#X}".format(10 ** 9, 255, 64, 48879))
print("{:+.3e} {:g} {:G}".format(12345.678, 1e-7, 1e20))
print("{:%} {:.0%}".format(0.125, 1))
