foo(a, {
