# Both interpolation syntaxes through their shared scanner: references,
# escapes, nesting across sections, and each kind of error.
import configparser as C
for cls, text in ((C.BasicInterpolation, "[s]\na=1\nb=%(a)s-%(c)s\nc=%(a)sx\nbad=%z\nmiss=%(nope)s\nloop=%(loop)s\nlit=100%%\n"),
                  (C.ExtendedInterpolation, "[s]\na=1\nb=${a}-${c}\nc=${t:x}\nbad=$z\nmiss=${nope}\nloop=${loop}\nlit=$$5\nmany=${a:b:c}\n[t]\nx=${y}!\ny=deep\n")):
    p = C.ConfigParser(interpolation=cls())
    p.read_string(text)
    for k in p['s']:
        try: print(cls.__name__, k, repr(p.get('s', k)))
        except Exception as e: print(cls.__name__, k, type(e).__name__, e)
