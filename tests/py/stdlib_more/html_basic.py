# html: escape with and without quotes, unescape of numeric and common
# named references, invalid code points and unknown names.
import html

print(html.escape('<a href="x">Tom & Jerry\'s</a>'), html.escape("<'\"&>", quote=False))
for s in ["&lt;p&gt;", "&amp;amp;", "&#65;&#x42;&#X43;", "&copy; 2024 &mdash; caf&eacute;",
          "&nbsp;|", "&#0;&#x80;&#xD800;&#1114112;", "&#1;x", "&unknownname; & alone",
          "&ampx &copy2024 &lt", "no refs", "&quot;&apos;&hellip;&euro;&rarr;",
          "&Auml;&ouml;&szlig;&ntilde;", "&#9731; &#x1F600;", "&#65", "&&amp;"]:
    print(repr(html.unescape(s)))
print(html.unescape(html.escape("round <trip> & \"back\"")))
