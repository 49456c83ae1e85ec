# html.parser.HTMLParser: the handler calls for tags, attributes, data,
# comments, declarations, processing instructions, character and entity
# references (with and without convert_charrefs), script/style content,
# input fed in pieces, and getpos/get_starttag_text.
from html.parser import HTMLParser


class Recorder(HTMLParser):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(('start', tag, attrs))

    def handle_endtag(self, tag):
        self.events.append(('end', tag))

    def handle_startendtag(self, tag, attrs):
        self.events.append(('startend', tag, attrs))

    def handle_data(self, data):
        self.events.append(('data', data))

    def handle_comment(self, data):
        self.events.append(('comment', data))

    def handle_entityref(self, name):
        self.events.append(('entityref', name))

    def handle_charref(self, name):
        self.events.append(('charref', name))

    def handle_decl(self, decl):
        self.events.append(('decl', decl))

    def handle_pi(self, data):
        self.events.append(('pi', data))

    def unknown_decl(self, data):
        self.events.append(('unknown_decl', data))


def parse(text, pieces=1, **kw):
    p = Recorder(**kw)
    step = max(1, len(text) // pieces)
    for start in range(0, len(text), step):
        p.feed(text[start:start + step])
    p.close()
    return p.events


DOC = """<!DOCTYPE html>
<html lang="en">
<head><title>Test &amp; title</title>
<meta charset=utf-8>
<script type="text/javascript">if (a < b && c > d) { x = "</p>"; }</script>
<style>p > a { color: red }</style>
</head>
<body class='main' data-x=1 hidden>
<!-- a comment -->
<p id="p1">Caf&eacute; &copy; 2024 &#169; &#xA9; &lt;tag&gt; &unknown; AT&T</p>
<br/><img src="a.png" alt='x &quot;y&quot;' />
<?xml-stylesheet href="s.css"?>
<![CDATA[raw <data>]]>
<a HREF="/x?a=1&amp;b=2">Link</A>
</body>
</html>
"""

for convert in (True, False):
    print('--- convert_charrefs', convert)
    for event in parse(DOC, convert_charrefs=convert):
        print(event)

print('--- fed in pieces')
whole = parse(DOC)
for pieces in (3, 7, len(DOC)):
    print(pieces, parse(DOC, pieces) == whole)
print(parse('<p>a &amp', 4))
print(parse('<p>a &amp b</p>', 1, convert_charrefs=False))

print('--- odd input')
for text in ['<', 'a < b', '<p', '<p class="x', 'x</', '</>', '</ p>', '<!-- open', '<!bogus>',
             '<a b c=d e="f" g=\'h\'>', '<A B=C>', '<br / >', 'x &#65; &#x42; &#0; y',
             '<p>one\ntwo</p>', '<div/><span a/>', 'text & more', '&amp', '<a href=x>y</a >']:
    print(repr(text), parse(text))

p = Recorder()
p.feed('<p>\n<b class="q">x</b>\n</p>')
print(p.getpos(), p.get_starttag_text())
p.close()


class Positions(HTMLParser):
    def handle_starttag(self, tag, attrs):
        print('start', tag, self.getpos())

    def handle_endtag(self, tag):
        print('end', tag, self.getpos())


Positions().feed('<a>\n  <b>\n</b></a>')
