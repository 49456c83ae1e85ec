# printf-style float formatting never shows the sign of a NaN, whichever
# conversion is used; infinities keep theirs.
nan = float("nan")
neg_nan = -nan
for conv in ("e", "E", "f", "F", "g", "G"):
    spec = "%" + conv
    print(conv, spec % nan, spec % neg_nan, spec % float("-inf"))
print("%+e|%+f|% g" % (neg_nan, neg_nan, neg_nan))
print("%10.3f|%-8g|" % (neg_nan, neg_nan))
print("{:e} {:f} {:g}".format(neg_nan, neg_nan, neg_nan))
