def f() pass
