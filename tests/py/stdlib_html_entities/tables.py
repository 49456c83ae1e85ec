# html.entities tables and html.unescape over the full HTML5 table.
import html
import html.entities as ents

print(len(ents.name2codepoint), len(ents.codepoint2name), len(ents.html5), len(ents.entitydefs))
print(sorted(ents.__all__))
print(ents.name2codepoint['amp'], ents.name2codepoint['eacute'], ents.name2codepoint['lang'])
print(ents.codepoint2name[0x3b1], ents.codepoint2name[8364], ents.codepoint2name[38])
print(ascii(ents.entitydefs['nbsp']), ascii(ents.entitydefs['hearts']))
print(ascii(ents.html5['amp;']), ascii(ents.html5['amp']), ascii(ents.html5['NotEqualTilde;']))
print(ascii(ents.html5['lang;']), ascii(ents.html5['fjlig;']))
print(list(ents.html5)[:8])
print(list(ents.name2codepoint)[:6])
print(list(ents.codepoint2name.items())[-3:])
legacy = sorted(k for k in ents.html5 if not k.endswith(';'))
print(len(legacy), legacy[:10])
print(all(ents.html5[k] == ents.html5[k + ';'] for k in legacy))
print(sum(len(v) == 2 for v in ents.html5.values()))
print(sum(map(ord, ''.join(ents.html5.values()))) % 1000003)
print(sum(ents.name2codepoint.values()))

for text in ['&notit; &amp &ampx &lt;&gt;&quot &copy2024',
             '&frac12; &NotEqualTilde; &nosuch; &#x41;&#128;&#0;',
             '&Aacute &Afr; &lang; &rang; &zwnj;&ZeroWidthSpace;',
             'AT&T &;&#; &# &#x; &Amp; &AMP; &hellip;&mldr;',
             'no references at all']:
    print(ascii(html.unescape(text)))
