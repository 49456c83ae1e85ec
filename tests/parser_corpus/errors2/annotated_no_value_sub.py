a[0]: int
