"""A tolerant HTML tokenizer that reports what it finds to handler methods.

Design notes
------------
HTMLParser is fed text in pieces of any size (feed()) and calls one method
per construct: handle_starttag, handle_endtag, handle_startendtag,
handle_data, handle_comment, handle_decl, handle_pi, unknown_decl, and,
when convert_charrefs is false, handle_entityref and handle_charref.
Subclasses override the handlers they need; the defaults do nothing.

Text that cannot be decided yet stays in self.rawdata until more arrives: an
unfinished tag, comment or declaration, or (with convert_charrefs) text that
might still be followed by the rest of a character reference.  close()
forces out whatever is left, as data.

The scan looks for the next '<' (and '&' without convert_charrefs); what is
before it is data, and the few characters after it decide which construct
follows.  Anything that is not a well-formed construct is passed on as data
rather than rejected, as browsers do.

Inside <script> and <style> ("CDATA content") everything up to the matching
end tag is data, however tag-like it looks.

Tag and attribute names are lowercased; attribute values lose their quotes
and have character references replaced; an attribute without a value gets
None.  getpos() gives the (line, column) of the construct being reported.
"""

import re

from html import unescape

__all__ = ['HTMLParser']

# A start tag up to its attributes, and one attribute at a time after it.
_TAG_OPEN = re.compile(r'<([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*')
_ATTRIBUTE = re.compile(
    r'((?<=[\'"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*'
    r'(\'[^\']*\'|"[^"]*"|(?![\'"])[^>\s]*))?(?:\s|/(?!>))*')
# The end of a start tag, allowing for '>' inside quoted attribute values.
_TAG_REST = re.compile(r'''
  <[a-zA-Z][^\t\n\r\f />\x00]*
  (?:[\s/]*
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*
      (?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*))?
      \s*)*
  )?\s*
''', re.VERBOSE)
_CHARREF = re.compile(r'&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]')
_ENTITYREF = re.compile(r'&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]')
_INCOMPLETE_REF = re.compile(r'&[a-zA-Z#]')
_END_TAG_NAME = re.compile(r'</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>')
_TAG_NAME = re.compile(r'([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*')
_DECL_NAME = re.compile(r'[a-zA-Z][-_.a-zA-Z0-9]*\s*')


class HTMLParser:
    """Find tags and other markup in HTML text and call a handler for each."""

    CDATA_CONTENT_ELEMENTS = ("script", "style")

    def __init__(self, *, convert_charrefs=True):
        """With [convert_charrefs] (the default) references in text are replaced
        and handle_data gets the result; otherwise they are reported on their own."""
        self.convert_charrefs = convert_charrefs
        self.reset()

    def reset(self):
        """Forget all input: unprocessed data, position and state."""
        self.rawdata = ''
        self.lasttag = '???'
        self.interesting = None
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0
        self.__starttag_text = None

    def feed(self, data):
        """Add [data] to the input and process as much of it as possible."""
        self.rawdata = self.rawdata + data
        self.goahead(False)

    def close(self):
        """Process everything left, as if the input ended here."""
        self.goahead(True)

    def getpos(self):
        """(line, column) of the current construct; lines count from 1."""
        return self.lineno, self.offset

    def get_starttag_text(self):
        """The source text of the most recent start tag."""
        return self.__starttag_text

    def set_cdata_mode(self, elem):
        self.cdata_elem = elem.lower()
        self.interesting = re.compile(r'</\s*%s\s*>' % self.cdata_elem, re.I)

    def clear_cdata_mode(self):
        self.interesting = None
        self.cdata_elem = None

    def updatepos(self, i, j):
        """Advance the position over rawdata[i:j]; return j."""
        if i >= j:
            return j
        newlines = self.rawdata.count('\n', i, j)
        if newlines:
            self.lineno += newlines
            self.offset = j - (self.rawdata.rindex('\n', i, j) + 1)
        else:
            self.offset += j - i
        return j

    # --- The scan ---

    def _emit_text(self, text):
        if self.convert_charrefs and not self.cdata_elem:
            text = unescape(text)
        self.handle_data(text)

    def _text_end(self, i, end):
        """Where the text starting at [i] stops: the next markup, or None to wait."""
        rawdata = self.rawdata
        if self.cdata_elem:
            found = self.interesting.search(rawdata, i)
            if found:
                return found.start()
            # The end tag may still arrive: wait for it.
            return len(rawdata) if end else None
        lt = rawdata.find('<', i)
        if not self.convert_charrefs:
            amp = rawdata.find('&', i)
            if amp >= 0 and (lt < 0 or amp < lt):
                return amp
        if lt >= 0:
            return lt
        if self.convert_charrefs and not end:
            # A reference cut in half by feed() must not be converted yet.
            amp = rawdata.rfind('&', max(i, len(rawdata) - 34))
            if amp >= 0 and not re.search(r'[\s;]', rawdata[amp:]):
                return None
        return len(rawdata)

    def goahead(self, end):
        rawdata = self.rawdata
        i = 0
        n = len(rawdata)
        while i < n:
            j = self._text_end(i, end)
            if j is None:
                break       # keep the text until the reference is complete
            if i < j:
                self._emit_text(rawdata[i:j])
            i = self.updatepos(i, j)
            if i == n:
                break
            if rawdata.startswith('<', i):
                k = self._parse_markup(i, end)
                if k < 0:
                    if not end:
                        break
                    # An unfinished construct at the very end: its first
                    # part (up to a '>' or the next '<') is text, and the
                    # scan resumes after it.
                    k = rawdata.find('>', i + 1)
                    if k < 0:
                        k = rawdata.find('<', i + 1)
                        k = i + 1 if k < 0 else k
                    else:
                        k += 1
                    self.handle_data(rawdata[i:k])
                i = self.updatepos(i, k)
            elif rawdata.startswith('&', i):
                k = self._parse_reference(i, end)
                if k < 0:
                    break
                i = self.updatepos(i, k)
            else:
                break
        if end and i < n and not self.cdata_elem:
            self._emit_text(rawdata[i:n])
            i = self.updatepos(i, n)
        elif end and i < n:
            self.handle_data(rawdata[i:n])
            i = self.updatepos(i, n)
        self.rawdata = rawdata[i:]

    def _parse_markup(self, i, end):
        """Handle the construct at rawdata[i] == '<'; return where it ends, or -1."""
        rawdata = self.rawdata
        if self.cdata_elem:
            found = self.interesting.match(rawdata, i)
            if not found:
                return -1 if not end else len(rawdata)
            self.handle_endtag(self.cdata_elem)
            self.clear_cdata_mode()
            return found.end()
        nxt = rawdata[i + 1:i + 2]
        if nxt.isascii() and nxt.isalpha():
            return self.parse_starttag(i)
        if rawdata.startswith('</', i):
            return self.parse_endtag(i)
        if rawdata.startswith('<!--', i):
            return self.parse_comment(i)
        if rawdata.startswith('<?', i):
            return self.parse_pi(i)
        if rawdata.startswith('<!', i):
            return self.parse_html_declaration(i)
        if i + 1 < len(rawdata) or end:
            self.handle_data('<')
            return i + 1
        return -1

    def _parse_reference(self, i, end):
        # Only without convert_charrefs: &#...; and &name; get their own calls.
        rawdata = self.rawdata
        found = _CHARREF.match(rawdata, i)
        if found:
            text = found.group()[2:-1]
            self.handle_charref(text)
            k = found.end()
            return k - 1 if rawdata[k - 1] != ';' else k
        found = _ENTITYREF.match(rawdata, i)
        if found:
            self.handle_entityref(found.group(1))
            k = found.end()
            return k - 1 if rawdata[k - 1] != ';' else k
        if _INCOMPLETE_REF.match(rawdata, i):
            if not end and re.match(r'&#?[a-zA-Z0-9]*$', rawdata[i:]):
                return -1
            # The name runs to the end of the input or is malformed.
            name = re.match(r'&#?[a-zA-Z0-9]*', rawdata[i:]).group()
            if end and len(name) == len(rawdata) - i:
                if name.startswith('&#'):
                    self.handle_charref(name[2:])
                else:
                    self.handle_entityref(name[1:])
                return len(rawdata)
            self.handle_data('&')
            return i + 1
        if i + 1 < len(rawdata) or end:
            self.handle_data('&')
            return i + 1
        return -1

    # --- Constructs ---

    def parse_starttag(self, i):
        rawdata = self.rawdata
        close = self._find_tag_end(i)
        if close < 0:
            return close
        self.__starttag_text = rawdata[i:close]
        opened = _TAG_OPEN.match(rawdata, i)
        tag = opened.group(1).lower()
        self.lasttag = tag
        attrs = []
        k = opened.end()
        while k < close:
            found = _ATTRIBUTE.match(rawdata, k)
            if not found:
                break
            name, rest, value = found.group(1, 2, 3)
            if not rest:
                value = None
            elif value[:1] == value[-1:] and value[:1] in ('"', "'") and len(value) > 1:
                value = value[1:-1]
            if value:
                value = unescape(value)
            attrs.append((name.lower(), value))
            k = found.end()
        tail = rawdata[k:close].strip()
        if tail not in ('>', '/>'):
            self.handle_data(rawdata[i:close])
            return close
        if tail.endswith('/>'):
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return close

    def _find_tag_end(self, i):
        """The index just past the '>' that closes the start tag at [i], or -1."""
        rawdata = self.rawdata
        found = _TAG_REST.match(rawdata, i)
        if not found:
            return -1
        j = found.end()
        following = rawdata[j:j + 1]
        if following == '>':
            return j + 1
        if following == '/':
            if rawdata.startswith('/>', j):
                return j + 2
            if rawdata.startswith('/', j) and j + 1 == len(rawdata):
                return -1
            return j + 1 if j > i else -1
        if following == '':
            return -1
        # Something unexpected inside the tag: let the next '>' close it.
        close = rawdata.find('>', j)
        return -1 if close < 0 else close + 1

    def parse_endtag(self, i):
        rawdata = self.rawdata
        close = rawdata.find('>', i + 1)
        if close < 0:
            return -1
        found = _END_TAG_NAME.match(rawdata, i)
        if found:
            self.handle_endtag(found.group(1).lower())
            return close + 1
        body = rawdata[i + 2:close]
        if not body:
            return close + 1            # "</>" is dropped
        named = _TAG_NAME.match(body)
        if named is None:
            self.handle_comment(body)   # "</!x>" and the like: a bogus comment
            return close + 1
        self.handle_endtag(named.group(1).lower())
        return close + 1

    def parse_comment(self, i, report=1):
        rawdata = self.rawdata
        close = rawdata.find('-->', i + 4)
        if close < 0:
            return -1
        if report:
            self.handle_comment(rawdata[i + 4:close])
        return close + 3

    def parse_pi(self, i):
        rawdata = self.rawdata
        close = rawdata.find('>', i + 2)
        if close < 0:
            return -1
        self.handle_pi(rawdata[i + 2:close])
        return close + 1

    def parse_html_declaration(self, i):
        rawdata = self.rawdata
        if rawdata.startswith('<![', i):
            close = rawdata.find(']]>', i + 3)
            if close < 0:
                return -1
            self.unknown_decl(rawdata[i + 3:close])
            return close + 3
        if rawdata[i:i + 9].lower() == '<!doctype':
            close = rawdata.find('>', i + 9)
            if close < 0:
                return -1
            self.handle_decl(rawdata[i + 2:close])
            return close + 1
        close = rawdata.find('>', i + 2)
        if close < 0:
            return -1
        self.handle_comment(rawdata[i + 2:close])
        return close + 1

    # --- Handlers for subclasses to override ---

    def handle_startendtag(self, tag, attrs):
        """An empty-element tag (<br/>): by default a start tag then an end tag."""
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
