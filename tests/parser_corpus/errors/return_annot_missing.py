def f() ->: pass
