a[*b, c]
