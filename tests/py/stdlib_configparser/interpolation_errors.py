# configparser interpolation (none, basic %(name)s, extended ${section:name})
# and the errors with their messages: parsing errors, duplicates, missing
# sections and options, bad values and interpolation failures.
import configparser


def attempt(label, func):
    try:
        result = func()
        print(label, '->', repr(result))
    except Exception as e:
        print(label, '->', type(e).__name__, str(e))
        return e


basic = configparser.ConfigParser()
basic.read_string("""
[DEFAULT]
home = /home/%(user)s
user = ann

[paths]
my_dir = %(home)s/lib
my_pictures = %(my_dir)s/Pictures
percent = 100%%
self = %(self)s
missing = %(nothere)s/x
broken = %(oops
bad = 50% off
user = bob
""")
print(basic.get('paths', 'my_pictures'))
print(basic.get('paths', 'my_pictures', raw=True))
print(basic.get('paths', 'percent'), basic['paths']['home'])
print(basic.get('paths', 'home', vars={'user': 'vic'}))
print(basic.items('paths', raw=True)[:3])
for option in ('self', 'missing', 'broken', 'bad'):
    e = attempt(option, lambda: basic.get('paths', option))
    print('  ', type(e).__mro__[1].__name__, e.args if not isinstance(e, configparser.InterpolationDepthError) else e.args[:2])
attempt('set bad', lambda: basic.set('paths', 'x', 'a % b'))
attempt('set ok', lambda: basic.set('paths', 'x', 'a %% b %(user)s'))
print(basic.get('paths', 'x'))

ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("""
[Common]
home_dir: /Users
library_dir: /Library
system_dir: /System
cost: $$80

[Frameworks]
Python: 3.2
path: ${Common:system_dir}/Library/Frameworks/

[Arthur]
nickname: Two Sheds
last_name: Jackson
my_dir: ${Common:home_dir}/twosheds
my_pictures: ${my_dir}/Pictures
python_dir: ${Frameworks:path}/Python/Versions/${Frameworks:Python}
bad_ref: ${Nope:x}
too_many: ${a:b:c}
dollar: $x
""")
for option in ('my_pictures', 'python_dir', 'bad_ref', 'too_many', 'dollar'):
    attempt(option, lambda: ext.get('Arthur', option))
attempt('cost', lambda: ext.get('Common', 'cost'))
attempt('ext set', lambda: ext.set('Arthur', 'q', 'a $ b'))

raw = configparser.RawConfigParser()
raw.read_string('[s]\nvalue = %(not)s and 100%\n')
print(raw.get('s', 'value'))
raw.set('s', 'obj', [1, 2])
print(raw.get('s', 'obj'))
none = configparser.ConfigParser(interpolation=None)
none.read_string('[s]\nvalue = %(not)s\n')
print(none.get('s', 'value'))

strict = configparser.ConfigParser()
attempt('dup section', lambda: strict.read_string('[a]\nx=1\n[a]\ny=2\n'))
strict = configparser.ConfigParser()
attempt('dup option', lambda: strict.read_string('[a]\nx=1\nX=2\n', source='cfg.ini'))
loose = configparser.ConfigParser(strict=False)
loose.read_string('[a]\nx=1\nx=2\n[a]\ny=3\n')
print(loose.items('a'))
attempt('no header', lambda: configparser.ConfigParser().read_string('x = 1\n[a]\n'))
e = attempt('parse', lambda: configparser.ConfigParser().read_string('[a]\nno delimiter here\nok = 1\nalso bad\n'))
print(e.errors, e.source)
e = attempt('empty key', lambda: configparser.ConfigParser().read_string('[a]\n= value\n'))

c = configparser.ConfigParser()
c.read_string('[sec]\nnum = ten\n')
attempt('no section', lambda: c.get('nosuch', 'x'))
attempt('no option', lambda: c.get('sec', 'nosuch'))
attempt('getint', lambda: c.getint('sec', 'num'))
attempt('options', lambda: c.options('nosuch'))
attempt('items', lambda: c.items('nosuch'))
attempt('set nosection', lambda: c.set('nosuch', 'a', 'b'))
attempt('add dup', lambda: c.add_section('sec'))
attempt('add default', lambda: c.add_section('DEFAULT'))
attempt('add int', lambda: c.add_section(5))
attempt('set int', lambda: c.set('sec', 'a', 5))
attempt('set key int', lambda: c.set('sec', 5, 'a'))
attempt('proxy set int', lambda: c['sec'].__setitem__('a', 1))
attempt('getitem', lambda: c['nosuch'])
attempt('proxy getitem', lambda: c['sec']['nosuch'])
attempt('del default', lambda: c.__delitem__('DEFAULT'))
attempt('del missing', lambda: c.__delitem__('nosuch'))
attempt('remove_option', lambda: c.remove_option('nosuch', 'x'))
err = configparser.NoOptionError('opt', 'sec')
print(repr(err), err.option, err.section, err.args)
err = configparser.DuplicateSectionError('s', 'file.ini', 3)
print(err, err.lineno, err.source)
print(issubclass(configparser.MissingSectionHeaderError, configparser.ParsingError),
      issubclass(configparser.InterpolationMissingOptionError, configparser.InterpolationError),
      issubclass(configparser.Error, Exception))
print(configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH)

conv = configparser.ConfigParser(converters={'list': lambda v: [x.strip() for x in v.split(',')]})
conv.read_string('[s]\nitems = a, b ,c\n')
print(conv.getlist('s', 'items'), conv['s'].getlist('items'), conv.getlist('s', 'none', fallback=[]))
print(sorted(conv.converters))
