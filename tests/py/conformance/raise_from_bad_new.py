# An exception class whose __new__ hands back something that is not an
# exception: what each way of raising it reports.


class Plain(Exception):
    pass


class Liar(Exception):
    def __new__(cls, *args):
        print('Liar.__new__ called with', args)
        return 'not an exception'


class Imposter(Exception):
    def __new__(cls, *args):
        return Plain(*args)


def attempt(label, action):
    try:
        action()
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


def raise_instance():
    raise Liar('made first')


def raise_class():
    raise Liar


def waiting():
    yield 'first'
    yield 'second'


def throw_class():
    g = waiting()
    next(g)
    g.throw(Liar)


def throw_with_value():
    g = waiting()
    next(g)
    g.throw(Liar, 'payload')


def throw_imposter():
    g = waiting()
    next(g)
    g.throw(Imposter, 'swapped')


attempt('instance:', raise_instance)
attempt('class:', raise_class)
attempt('throw class:', throw_class)
attempt('throw class+value:', throw_with_value)
attempt('throw imposter:', throw_imposter)
