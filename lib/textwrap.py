"""Paragraph wrapping (wrap, fill, shorten) and indentation helpers (dedent, indent).

Design notes
------------
Wrapping is three passes over one paragraph:

  1. Normalise whitespace: expand tabs, then turn every ASCII whitespace
     character into a space.  Only ASCII counts: U+00A0 and friends are
     non-breaking on purpose.
  2. Cut the text into chunks.  A chunk is a run of whitespace, a word, a
     word piece ending in a hyphen that may be broken after ("well-" of
     "well-known"), or an em-dash ("--" between words).  A line may end
     between any two chunks and nowhere else, except inside a word too long
     for any line.
  3. Fill lines greedily from the chunk list, which is kept reversed so the
     next chunk is popped off its end.  With drop_whitespace, whitespace
     chunks at the start of a continuation line and at the end of any line
     are dropped.  With max_lines, the last allowed line gets the
     placeholder, backing off whole chunks until it fits.

The chunking rules are those of CPython's word-separator regular expression,
implemented as a hand-written scanner (_chunks below), so that importing
textwrap does not pull in re.

Subclass hooks keep CPython's names and signatures so that subclasses
written for CPython still work: _munge_whitespace, _split,
_fix_sentence_endings, _handle_long_word, _wrap_chunks and _split_chunks.
CPython's wordsep_re / wordsep_simple_re / sentence_end_re class attributes
are not provided.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# The characters that count as breakable whitespace.
_ASCII_SPACES = '\t\n\x0b\x0c\r '
_SPACE_SET = frozenset(_ASCII_SPACES)
# Characters that may precede an em-dash, besides word characters.
_DASH_NEIGHBOURS = frozenset('!"\'&.,?')


# --- Chunking ----------------------------------------------------------------

def _is_word_char(c):
    return c.isalnum() or c == '_'


def _is_letter(c):
    # A word character that is not a digit: hyphen breaks need letters.
    return (c.isalnum() or c == '_') and not c.isdigit()


def _may_touch_dash(c):
    return _is_word_char(c) or c in _DASH_NEIGHBOURS


def _space_runs(text):
    """Chunks when hyphens do not break: alternating space and non-space runs."""
    chunks = []
    start, end = 0, len(text)
    while start < end:
        stop = start + 1
        in_space = text[start] in _SPACE_SET
        while stop < end and (text[stop] in _SPACE_SET) == in_space:
            stop += 1
        chunks.append(text[start:stop])
        start = stop
    return chunks


def _chunks(text):
    """Split [text] into whitespace runs, em-dashes and (hyphen-broken) words."""
    size = len(text)

    def dash_run_end(at):
        # An em-dash is two or more hyphens with a word or punctuation
        # character before them and a word character after: the index just
        # past the hyphens, or -1 when [at] does not start one.
        if at == 0 or not _may_touch_dash(text[at - 1]):
            return -1
        stop = at
        while stop < size and text[stop] == '-':
            stop += 1
        if stop - at >= 2 and stop < size and _is_word_char(text[stop]):
            return stop
        return -1

    def breaks_after(at):
        # May a chunk end just after the hyphen at text[at]?  It needs two
        # letters (or letter, hyphen, letter) before it and two letters (or
        # letter, hyphen, letter) after it: "ab-cd", "a-b-cd", not "a-b".
        before = ((at >= 2 and _is_letter(text[at - 2]) and _is_letter(text[at - 1])) or
                  (at >= 3 and _is_letter(text[at - 3]) and text[at - 2] == '-'
                   and _is_letter(text[at - 1])))
        if not before or at + 1 >= size or not _is_letter(text[at + 1]):
            return False
        if at + 2 < size and _is_letter(text[at + 2]):
            return True
        return at + 3 < size and text[at + 2] == '-' and _is_letter(text[at + 3])

    chunks = []
    pos = 0
    while pos < size:
        if text[pos] in _SPACE_SET:
            stop = pos + 1
            while stop < size and text[stop] in _SPACE_SET:
                stop += 1
        else:
            stop = dash_run_end(pos)
            if stop < 0:
                # A word runs to whitespace, the end, an em-dash, or just
                # past a breakable hyphen, whichever comes first.
                stop = pos + 1
                while stop < size:
                    c = text[stop]
                    if c == '-' and breaks_after(stop):
                        stop += 1
                        break
                    if c in _SPACE_SET:
                        break
                    if _may_touch_dash(text[stop - 1]) and dash_run_end(stop) > 0:
                        break
                    stop += 1
        chunks.append(text[pos:stop])
        pos = stop
    return chunks


def _ends_sentence(chunk):
    # A lowercase ASCII letter, then . ! or ?, then at most one closing quote.
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in '.!?' and 'a' <= chunk[-2] <= 'z'


# --- The wrapper ---------------------------------------------------------------

class TextWrapper:
    """Wraps paragraphs to a column width; the attributes are the options.

    width, initial_indent (first line), subsequent_indent (other lines),
    expand_tabs and tabsize, replace_whitespace, fix_sentence_endings (two
    spaces after a sentence), break_long_words, drop_whitespace,
    break_on_hyphens, and max_lines with its placeholder.  Indents count
    towards the width.
    """

    # str.translate table mapping each breakable whitespace character to ' '.
    unicode_whitespace_trans = {ord(c): ord(' ') for c in _ASCII_SPACES}

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- Hooks a subclass may override -----------------------------------

    def _munge_whitespace(self, text):
        """Expand tabs and turn other whitespace into spaces, as configured."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Cut normalised text into the chunks lines are built from."""
        if self.break_on_hyphens:
            return _chunks(text)
        return _space_runs(text)

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    def _fix_sentence_endings(self, chunks):
        """Widen the single space after a sentence end to two, in place."""
        i = 0
        last = len(chunks) - 1
        while i < last:
            if chunks[i + 1] == ' ' and _ends_sentence(chunks[i]):
                chunks[i + 1] = '  '
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Place (part of) a chunk wider than a whole line.

        [reversed_chunks] ends with the chunk; [cur_line] and [cur_len] are
        the line so far and its length, [width] the room for text on it.
        """
        # Even when the indent leaves no room, take at least one character
        # so that wrapping always makes progress.
        room = width - cur_len if width >= 1 else 1
        if self.break_long_words:
            word = reversed_chunks[-1]
            cut = room
            if self.break_on_hyphens and len(word) > room:
                # Prefer to cut just after a hyphen that follows real text.
                hyphen = word.rfind('-', 0, room)
                if hyphen > 0 and word[:hyphen].strip('-'):
                    cut = hyphen + 1
            cur_line.append(word[:cut])
            reversed_chunks[-1] = word[cut:]
        elif not cur_line:
            # Unbreakable: give it a line of its own, overlong if need be.
            # If the line already has text, the next line will take it.
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Fill lines from [chunks] (consumed) and return them, indents included."""
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        limit = self.max_lines
        if limit is not None:
            last_indent = self.subsequent_indent if limit > 1 else self.initial_indent
            if len(last_indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        drop = self.drop_whitespace
        pending = chunks
        pending.reverse()
        lines = []
        while pending:
            prefix = self.subsequent_indent if lines else self.initial_indent
            room = self.width - len(prefix)
            if drop and lines and not pending[-1].strip():
                pending.pop()
            line = []
            used = 0
            while pending and used + len(pending[-1]) <= room:
                chunk = pending.pop()
                line.append(chunk)
                used += len(chunk)
            if pending and len(pending[-1]) > room:
                self._handle_long_word(pending, line, used, room)
                used = sum(len(c) for c in line)
            if drop and line and not line[-1].strip():
                used -= len(line.pop())
            if not line:
                continue
            if limit is None or len(lines) + 1 < limit or (
                    self._nothing_left(pending) and used <= room):
                lines.append(prefix + ''.join(line))
            else:
                self._end_with_placeholder(lines, line, used, prefix, room)
                break
        return lines

    # -- Helpers of _wrap_chunks -------------------------------------------

    def _nothing_left(self, pending):
        # Is this the last line anyway?  A lone trailing space chunk that
        # would be dropped does not count as more text.
        if not pending:
            return True
        return self.drop_whitespace and len(pending) == 1 and not pending[0].strip()

    def _end_with_placeholder(self, lines, line, used, prefix, room):
        # The text goes on past max_lines: end [line] with the placeholder,
        # dropping chunks from its end until both fit and the line does
        # not end in whitespace.
        mark = self.placeholder
        while line:
            if line[-1].strip() and used + len(mark) <= room:
                lines.append(prefix + ''.join(line) + mark)
                return
            used -= len(line.pop())
        # Nothing of this line fits beside the placeholder: put it on the
        # previous line if there is room, else on a line of its own.
        if lines:
            previous = lines[-1].rstrip()
            if len(previous) + len(mark) <= self.width:
                lines[-1] = previous + mark
                return
        lines.append(prefix + mark.lstrip())

    # -- Public interface --------------------------------------------------

    def wrap(self, text):
        """Wrap one paragraph into a list of lines no wider than self.width.

        Tabs are expanded and all other whitespace, newlines included,
        becomes spaces first (unless the options say otherwise).
        """
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Like wrap(), but return the lines joined with newlines."""
        return '\n'.join(self.wrap(text))


# --- Module-level shortcuts --------------------------------------------------

def wrap(text, width=70, **kwargs):
    """Wrap one paragraph; keyword arguments are TextWrapper options."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Wrap one paragraph and join the lines; options as for TextWrapper."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse runs of whitespace, then cut [text] to [width] with a placeholder.

    Whole words are kept; if even the first does not fit, only the
    placeholder (default ' [...]', stripped) remains.
    """
    collapsed = ' '.join(text.split())
    return TextWrapper(width=width, max_lines=1, **kwargs).fill(collapsed)


# --- Indentation ---------------------------------------------------------------

def _common_prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a[:n]


def dedent(text):
    """Strip the leading spaces and tabs that all non-blank lines share.

    Tabs and spaces are compared literally ("\\t" and "    " share nothing).
    Lines holding only spaces and tabs become empty and do not count.
    """
    lines = text.split('\n')
    margin = None
    for i, line in enumerate(lines):
        body = line.lstrip(' \t')
        if not body:
            lines[i] = ''
            continue
        lead = line[:len(line) - len(body)]
        if margin is None or margin.startswith(lead):
            margin = lead
        elif not lead.startswith(margin):
            # The usual cases (same indent, deeper indent) skip this scan.
            margin = _common_prefix(margin, lead)
    if margin:
        cut = len(margin)
        lines = [line[cut:] for line in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Put [prefix] before each line of [text] for which [predicate] is true.

    By default every line that is not empty or all whitespace is prefixed.
    Line endings are kept as they are.
    """
    if predicate is None:
        return ''.join(prefix + line if line.strip() else line
                       for line in text.splitlines(True))
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
