# configparser: reading strings, files and dicts; sections and options;
# typed getters with fallbacks; the DEFAULT section; multi-line values and
# comments; mapping access; set/remove; and write() output.
import configparser
import io
import os
import tempfile

TEXT = """
# a comment
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9
ForwardX11 = yes

[bitbucket.org]
User = hg

[topsecret.server.com]
Port = 50022
ForwardX11 = no
; another comment
Description = first line
    second line

    fourth line after a blank
Ratio: 0.75
"""

config = configparser.ConfigParser()
config.read_string(TEXT)
print(config.sections())
print(config.defaults())
print('bitbucket.org' in config, 'nope' in config, 'DEFAULT' in config, len(config))
print(list(config))
print(config['bitbucket.org']['user'], config['bitbucket.org']['compression'])
top = config['topsecret.server.com']
print(repr(top), top.name, top.parser is config)
print(top['port'], top.getint('port'), top.getfloat('ratio'), top.getboolean('forwardx11'))
print(repr(top['description']))
print(sorted(top.keys()))
print(list(config['bitbucket.org'].items()))
print(config.options('bitbucket.org'))
print(config.items('topsecret.server.com'))
print(config.get('bitbucket.org', 'user'), config.get('bitbucket.org', 'missing', fallback='fb'))
print(config.getint('bitbucket.org', 'missing', fallback=7), config.getint('nosection', 'x', fallback=8))
print(config.getboolean('bitbucket.org', 'compression'), config.getfloat('DEFAULT', 'compressionlevel'))
print(top.get('missing'), top.get('missing', 'dflt'), top.getint('missing', 3))
print(config.has_section('bitbucket.org'), config.has_section('DEFAULT'))
print(config.has_option('bitbucket.org', 'User'), config.has_option('bitbucket.org', 'serveraliveinterval'),
      config.has_option('nosuch', 'x'), config.has_option('', 'compression'))

for value in ('1', 'yes', 'TRUE', 'on', '0', 'No', 'false', 'OFF', 'maybe'):
    config.set('bitbucket.org', 'flag', value)
    try:
        print(value, config.getboolean('bitbucket.org', 'flag'))
    except ValueError as e:
        print(value, 'ValueError:', e)

config.add_section('new')
config.set('new', 'key', 'value')
config['new']['other'] = 'x'
config['dict'] = {'a': '1', 'B': '2'}
print(config.remove_option('new', 'other'), config.remove_option('new', 'other'))
print(config.remove_section('bitbucket.org'), config.remove_section('bitbucket.org'))
del config['dict']
del config['new']['key']
out = io.StringIO()
config.write(out)
print(out.getvalue())
out = io.StringIO()
config.write(out, space_around_delimiters=False)
print(out.getvalue())

# read_dict converts keys and values to strings.
raw = configparser.RawConfigParser()
raw.read_dict({'nums': {'one': 1, 'two': 2.5, 'none': None}, 7: {'k': True}})
print(raw.sections(), raw.items('nums'), raw.get('7', 'k'))

# read() takes existing files and skips missing ones.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'a.ini')
    with open(path, 'w') as f:
        f.write('[file]\nname = from file\n')
    reader = configparser.ConfigParser()
    done = reader.read([path, os.path.join(tmp, 'missing.ini')])
    print([os.path.basename(p) for p in done], reader['file']['name'])
    with open(path) as f:
        reader2 = configparser.ConfigParser()
        reader2.read_file(f)
        print(reader2.get('file', 'name'))

# Options without values, custom delimiters and comments, case handling.
odd = configparser.ConfigParser(allow_no_value=True, delimiters=('->',),
                                comment_prefixes=('//',), inline_comment_prefixes=('#',))
odd.read_string("""
[flags]
skip-bdb
Key -> value # trailing comment
url -> http://x#y
// full comment
""")
print(odd.items('flags'))
out = io.StringIO()
odd.write(out)
print(out.getvalue())

cased = configparser.ConfigParser()
cased.optionxform = str
cased.read_string('[s]\nMixedCase = 1\n')
print(cased.options('s'))

# Defaults given to the constructor, and a different default section name.
withdefaults = configparser.ConfigParser({'shared': 'yes', 'pct': '100%'}, default_section='common')
withdefaults.read_string('[common]\nextra = 1\n[one]\nown = 2\n')
print(withdefaults.items('one', raw=True), withdefaults.default_section)
print(list(withdefaults))

# items() of the parser itself, and vars overriding values.
print([(name, repr(proxy)) for name, proxy in withdefaults.items()])
print(withdefaults.get('one', 'own', vars={'own': 'from vars'}))
