"""Differences between sequences: SequenceMatcher and the text diffs built
on it (ndiff/Differ, unified_diff, context_diff), plus get_close_matches.

Design notes
------------
SequenceMatcher finds the longest run of equal elements shared by a and b,
then does the same in the unmatched stretches on either side of it, until
nothing is left; those runs are the matching blocks and everything else is
derived from them (opcodes, ratio, grouped opcodes).  Which run wins when
several are equally long decides every diff printed, and programs compare
that output with CPython's, so the rule is fixed: the run starting earliest
in a, then earliest in b.

Elements of b are indexed by value.  Two kinds are left out of the index
and so can never start a run: "junk" (the isjunk predicate says so) and,
with autojunk, "popular" elements (more than 1% of a b of 200 or more
items).  A run found without them is then grown over equal popular
neighbours and after that over equal junk neighbours.

Differ prints "- ", "+ " and "  " lines.  For a block of replaced lines it
looks for the most similar pair of lines (ratio above 0.75), prints that
pair with "? " guide lines marking the changed characters, and handles the
lines above and below the pair the same way.

Left out: HtmlDiff and the command-line demo.
"""

import collections

__all__ = ['get_close_matches', 'ndiff', 'restore', 'SequenceMatcher',
           'Differ', 'IS_CHARACTER_JUNK', 'IS_LINE_JUNK', 'context_diff',
           'unified_diff', 'diff_bytes', 'Match']

Match = collections.namedtuple('Match', 'a b size')


def _similarity(matched, total):
    # Twice the matched elements over all elements; two empty sequences
    # are identical.
    return 2.0 * matched / total if total else 1.0


class SequenceMatcher:
    """Compares two sequences of hashable elements.  b is indexed once, so
    comparing many sequences against one fixed b is cheap: set b with
    set_seq2() and vary a with set_seq1()."""

    def __init__(self, isjunk=None, a='', b='', autojunk=True):
        self.isjunk = isjunk
        self.autojunk = autojunk
        self.a = self.b = None
        self.set_seqs(a, b)

    def set_seqs(self, a, b):
        self.set_seq1(a)
        self.set_seq2(b)

    def set_seq1(self, a):
        if a is not self.a:
            self.a = a
            self._forget_results()

    def set_seq2(self, b):
        if b is not self.b:
            self.b = b
            self._forget_results()
            self._b_counts = None
            self._build_index()

    def _forget_results(self):
        self.matching_blocks = None
        self.opcodes = None

    def _build_index(self):
        """Fill b2j (element -> ascending positions in b), bjunk and
        bpopular."""
        where = {}
        for pos, item in enumerate(self.b):
            where.setdefault(item, []).append(pos)
        self.bjunk = set()
        if self.isjunk:
            self.bjunk = {item for item in where if self.isjunk(item)}
        self.bpopular = set()
        size = len(self.b)
        if self.autojunk and size >= 200:
            ceiling = size // 100 + 1
            self.bpopular = {item for item, spots in where.items()
                             if item not in self.bjunk and len(spots) > ceiling}
        for item in self.bjunk | self.bpopular:
            del where[item]
        self.b2j = where

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        """The longest block of a[alo:ahi] equal to a block of b[blo:bhi],
        as Match(a, b, size); size 0 when there is none."""
        a, b = self.a, self.b
        ahi = len(a) if ahi is None else ahi
        bhi = len(b) if bhi is None else bhi
        start_a, start_b, size = alo, blo, 0
        # ending_at[j] is the length of the common run ending at the
        # previous a element and b[j]; a run is extended by one when the
        # current a element also sits at b[j + 1].
        ending_at = {}
        for i in range(alo, ahi):
            here = {}
            for j in self.b2j.get(a[i], ()):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                length = here[j] = ending_at.get(j - 1, 0) + 1
                if length > size:
                    start_a, start_b, size = i - length + 1, j - length + 1, length
            ending_at = here
        junk = self.bjunk
        for want_junk in (False, True):
            start_a, start_b, size = self._grow(start_a, start_b, size, alo, ahi, blo, bhi,
                                                lambda item: (item in junk) == want_junk)
        return Match(start_a, start_b, size)

    def _grow(self, i, j, size, alo, ahi, blo, bhi, allowed):
        """Extend the block (i, j, size) left and right over equal elements
        of b that [allowed] accepts, staying inside the bounds."""
        a, b = self.a, self.b
        while i > alo and j > blo and allowed(b[j - 1]) and a[i - 1] == b[j - 1]:
            i, j, size = i - 1, j - 1, size + 1
        while (i + size < ahi and j + size < bhi and allowed(b[j + size])
               and a[i + size] == b[j + size]):
            size += 1
        return i, j, size

    def get_matching_blocks(self):
        """The Match blocks in ascending order, adjacent ones merged, with a
        final Match(len(a), len(b), 0)."""
        if self.matching_blocks is not None:
            return self.matching_blocks
        blocks = []
        stretches = [(0, len(self.a), 0, len(self.b))]
        while stretches:
            alo, ahi, blo, bhi = stretches.pop()
            i, j, size = self.find_longest_match(alo, ahi, blo, bhi)
            if not size:
                continue
            blocks.append((i, j, size))
            if alo < i and blo < j:
                stretches.append((alo, i, blo, j))
            if i + size < ahi and j + size < bhi:
                stretches.append((i + size, ahi, j + size, bhi))
        merged = []
        for i, j, size in sorted(blocks):
            if merged:
                pi, pj, psize = merged[-1]
                if pi + psize == i and pj + psize == j:
                    merged[-1] = (pi, pj, psize + size)
                    continue
            merged.append((i, j, size))
        merged.append((len(self.a), len(self.b), 0))
        self.matching_blocks = [Match(*block) for block in merged]
        return self.matching_blocks

    def get_opcodes(self):
        """(tag, i1, i2, j1, j2) steps turning a into b; tag is 'equal',
        'replace', 'delete' or 'insert'."""
        if self.opcodes is not None:
            return self.opcodes
        steps = []
        done_a = done_b = 0
        for i, j, size in self.get_matching_blocks():
            gap_a, gap_b = i > done_a, j > done_b
            if gap_a or gap_b:
                tag = 'replace' if gap_a and gap_b else ('delete' if gap_a else 'insert')
                steps.append((tag, done_a, i, done_b, j))
            if size:
                steps.append(('equal', i, i + size, j, j + size))
            done_a, done_b = i + size, j + size
        self.opcodes = steps
        return steps

    def get_grouped_opcodes(self, n=3):
        """Yield lists of opcodes, one per hunk, each with at most [n]
        equal elements of context at either end."""
        steps = list(self.get_opcodes()) or [('equal', 0, 1, 0, 1)]
        tag, i1, i2, j1, j2 = steps[0]
        if tag == 'equal':             # only the tail of a leading match
            steps[0] = (tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2)
        tag, i1, i2, j1, j2 = steps[-1]
        if tag == 'equal':             # only the head of a trailing match
            steps[-1] = (tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n))
        hunk = []
        for tag, i1, i2, j1, j2 in steps:
            if tag == 'equal' and i2 - i1 > 2 * n:
                # A long match ends one hunk and starts the next.
                hunk.append((tag, i1, i1 + n, j1, j1 + n))
                yield hunk
                hunk = []
                i1, j1 = i2 - n, j2 - n
            hunk.append((tag, i1, i2, j1, j2))
        if hunk and not (len(hunk) == 1 and hunk[0][0] == 'equal'):
            yield hunk

    def ratio(self):
        """Similarity in [0, 1]: 2 * matched elements / all elements."""
        matched = sum(block.size for block in self.get_matching_blocks())
        return _similarity(matched, len(self.a) + len(self.b))

    def quick_ratio(self):
        """An upper bound on ratio() that ignores element order."""
        if self._b_counts is None:
            self._b_counts = collections.Counter(self.b)
        left = dict(self._b_counts)
        matched = 0
        for item in self.a:
            if left.get(item, 0) > 0:
                left[item] -= 1
                matched += 1
        return _similarity(matched, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        """An upper bound on ratio() from the lengths alone."""
        len_a, len_b = len(self.a), len(self.b)
        return _similarity(min(len_a, len_b), len_a + len_b)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    """Up to [n] of [possibilities] whose similarity to [word] is at least
    [cutoff], most similar first."""
    if not n > 0:
        raise ValueError("n must be > 0: %r" % (n,))
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError("cutoff must be in [0.0, 1.0]: %r" % (cutoff,))
    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    scored = []
    for candidate in possibilities:
        matcher.set_seq1(candidate)
        # Cheap upper bounds first; ratio() is the expensive one.
        if (matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff
                and matcher.ratio() >= cutoff):
            scored.append((matcher.ratio(), candidate))
    # Equal scores are ordered by the candidate itself, highest first.
    scored.sort(reverse=True)
    return [candidate for _, candidate in scored[:n]]


def IS_LINE_JUNK(line, pat=None):
    """True for a line that is blank or holds a lone '#'."""
    if pat is not None:
        return pat(line) is not None
    return line.strip() in ('', '#')


def IS_CHARACTER_JUNK(ch, ws=" \t"):
    """True for a space or a tab."""
    return ch in ws


# ---------------------------------------------------------------------------
# ndiff / Differ


def _prefixed(prefix, lines, lo, hi):
    return [prefix + lines[k] for k in range(lo, hi)]


class Differ:
    """Line-by-line comparison for people: each output line starts with
    '- ' (only in a), '+ ' (only in b), '  ' (in both) or '? ' (a guide
    line marking changed characters of the line above)."""

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        """Yield the delta lines from a to b."""
        matcher = SequenceMatcher(self.linejunk, a, b)
        for tag, alo, ahi, blo, bhi in matcher.get_opcodes():
            if tag == 'equal':
                yield from _prefixed('  ', a, alo, ahi)
            elif tag == 'delete':
                yield from _prefixed('- ', a, alo, ahi)
            elif tag == 'insert':
                yield from _prefixed('+ ', b, blo, bhi)
            else:
                yield from self._replace(a, alo, ahi, b, blo, bhi)

    def _replace(self, a, alo, ahi, b, blo, bhi):
        """Delta for replacing a[alo:ahi] with b[blo:bhi], both non-empty."""
        threshold = 0.75
        best, best_i, best_j = 0.74, None, None
        same_i = same_j = None         # first pair of identical lines
        chars = SequenceMatcher(self.charjunk)
        for j in range(blo, bhi):
            chars.set_seq2(b[j])
            for i in range(alo, ahi):
                if a[i] == b[j]:
                    if same_i is None:
                        same_i, same_j = i, j
                    continue
                chars.set_seq1(a[i])
                if (chars.real_quick_ratio() > best and chars.quick_ratio() > best
                        and chars.ratio() > best):
                    best, best_i, best_j = chars.ratio(), i, j
        if best >= threshold:
            identical = False
        elif same_i is not None:
            # Nothing is similar enough, but an unchanged line can anchor
            # the two halves.
            best_i, best_j, identical = same_i, same_j, True
        else:
            yield from self._unpaired(a, alo, ahi, b, blo, bhi)
            return
        yield from self._around(a, alo, best_i, b, blo, best_j)
        if identical:
            yield '  ' + a[best_i]
        else:
            yield from self._pair(a[best_i], b[best_j])
        yield from self._around(a, best_i + 1, ahi, b, best_j + 1, bhi)

    def _unpaired(self, a, alo, ahi, b, blo, bhi):
        # The shorter side is shown first.
        removed = _prefixed('- ', a, alo, ahi)
        added = _prefixed('+ ', b, blo, bhi)
        if bhi - blo < ahi - alo:
            return added + removed
        return removed + added

    def _around(self, a, alo, ahi, b, blo, bhi):
        """Delta for the lines left over above or below a paired line."""
        if alo < ahi and blo < bhi:
            yield from self._replace(a, alo, ahi, b, blo, bhi)
        elif alo < ahi:
            yield from _prefixed('- ', a, alo, ahi)
        elif blo < bhi:
            yield from _prefixed('+ ', b, blo, bhi)

    def _pair(self, old, new):
        """Two similar lines with guide lines under each: '^' for changed,
        '-' for removed and '+' for added characters."""
        marks_old, marks_new = [], []
        matcher = SequenceMatcher(self.charjunk, old, new)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            symbol = {'equal': ' ', 'replace': '^', 'delete': '-', 'insert': '+'}[tag]
            if tag != 'insert':
                marks_old.append(symbol * (i2 - i1))
            if tag != 'delete':
                marks_new.append(symbol * (j2 - j1))
        for prefix, line, marks in (('- ', old, marks_old), ('+ ', new, marks_new)):
            yield prefix + line
            guide = _guide(line, ''.join(marks))
            if guide:
                yield '? %s\n' % guide


def _guide(line, marks):
    # Under an unchanged tab the guide keeps the tab, so that the marks
    # stay aligned with the characters above them.
    shown = ''.join(ch if mark == ' ' and ch.isspace() else mark
                    for ch, mark in zip(line, marks))
    return shown.rstrip()


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """A Differ delta of two lists of lines."""
    return Differ(linejunk, charjunk).compare(a, b)


def restore(delta, which):
    """Recover sequence 1 or 2 from an ndiff delta."""
    try:
        own = {1: '- ', 2: '+ '}[int(which)]
    except KeyError:
        raise ValueError('unknown delta choice (must be 1 or 2): %r' % (which,)) from None
    for line in delta:
        if line[:2] in ('  ', own):
            yield line[2:]


# ---------------------------------------------------------------------------
# Patch-style diffs


def _require_str(a, b, names):
    for side in (a, b):
        if side and not isinstance(side[0], str):
            raise TypeError('lines to compare must be str, not %s (%r)'
                            % (type(side[0]).__name__, side[0]))
    for value in names:
        if not isinstance(value, str):
            raise TypeError('all arguments must be str, not: %r' % (value,))


def _header(marker, name, date, lineterm):
    return '%s %s%s%s' % (marker, name, '\t' + date if date else '', lineterm)


def _unified_range(start, stop):
    # "first,count" with 1-based first; a count of 1 is left out, and an
    # empty range names the line before it.
    count = stop - start
    if count == 1:
        return str(start + 1)
    return '%d,%d' % (start + 1 if count else start, count)


def unified_diff(a, b, fromfile='', tofile='', fromfiledate='',
                 tofiledate='', n=3, lineterm='\n'):
    """Yield a unified diff ("---", "+++", "@@" hunks) turning a into b."""
    _require_str(a, b, (fromfile, tofile, fromfiledate, tofiledate, lineterm))
    first_hunk = True
    for hunk in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if first_hunk:
            first_hunk = False
            yield _header('---', fromfile, fromfiledate, lineterm)
            yield _header('+++', tofile, tofiledate, lineterm)
        yield '@@ -%s +%s @@%s' % (_unified_range(hunk[0][1], hunk[-1][2]),
                                   _unified_range(hunk[0][3], hunk[-1][4]), lineterm)
        for tag, i1, i2, j1, j2 in hunk:
            if tag == 'equal':
                yield from (' ' + line for line in a[i1:i2])
                continue
            yield from ('-' + line for line in a[i1:i2])
            yield from ('+' + line for line in b[j1:j2])


def _context_range(start, stop):
    # "first,last" (1-based, inclusive), or a single number for ranges of
    # at most one line.
    first = start + 1 if stop > start else start
    if stop - start <= 1:
        return str(first)
    return '%d,%d' % (first, stop)


_CONTEXT_MARK = {'equal': '  ', 'replace': '! ', 'delete': '- ', 'insert': '+ '}


def context_diff(a, b, fromfile='', tofile='', fromfiledate='',
                 tofiledate='', n=3, lineterm='\n'):
    """Yield a context diff ("***"/"---" sections per hunk) turning a into b."""
    _require_str(a, b, (fromfile, tofile, fromfiledate, tofiledate, lineterm))
    first_hunk = True
    for hunk in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if first_hunk:
            first_hunk = False
            yield _header('***', fromfile, fromfiledate, lineterm)
            yield _header('---', tofile, tofiledate, lineterm)
        tags = {step[0] for step in hunk}
        yield '***************' + lineterm
        yield '*** %s ****%s' % (_context_range(hunk[0][1], hunk[-1][2]), lineterm)
        # Each side is listed only when something changed on it.
        if tags & {'replace', 'delete'}:
            for tag, i1, i2, _, _ in hunk:
                if tag != 'insert':
                    yield from (_CONTEXT_MARK[tag] + line for line in a[i1:i2])
        yield '--- %s ----%s' % (_context_range(hunk[0][3], hunk[-1][4]), lineterm)
        if tags & {'replace', 'insert'}:
            for tag, _, _, j1, j2 in hunk:
                if tag != 'delete':
                    yield from (_CONTEXT_MARK[tag] + line for line in b[j1:j2])


def diff_bytes(dfunc, a, b, fromfile=b'', tofile=b'', fromfiledate=b'',
               tofiledate=b'', n=3, lineterm=b'\n'):
    """Run the str diff function [dfunc] over bytes.  Bytes pass through
    unchanged: they are mapped to str with surrogateescape and back."""
    def to_text(data):
        try:
            return data.decode('ascii', 'surrogateescape')
        except AttributeError as err:
            raise TypeError('all arguments must be bytes, not %s (%r)'
                            % (type(data).__name__, data)) from err
    a = [to_text(x) for x in a]
    b = [to_text(x) for x in b]
    texts = [to_text(x) for x in (fromfile, tofile, fromfiledate, tofiledate)]
    lines = dfunc(a, b, *texts, n, to_text(lineterm))
    for line in lines:
        yield line.encode('ascii', 'surrogateescape')
