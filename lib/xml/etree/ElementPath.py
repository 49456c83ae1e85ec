"""The small XPath subset behind Element.find, findall, findtext and iterfind.

Supported: tag names (with "{uri}", "{*}", "{}" or a "prefix:" looked up in
the namespaces mapping), "*", ".", "..", "//", and the predicates [@attr],
[@attr='v'], [@attr!='v'], [tag], [tag='text'], [tag!='text'],
[.='text'], [.!='text'], [n], [last()] and [last()-n].

A path is compiled once into a list of steps (and cached); each step maps
the current list of elements to the next one.
"""

import re

# One token: a quoted string, a multi-character operator, a single
# punctuation character, a name (possibly "{uri}"-qualified), or space.
_TOKEN = re.compile(
    r"""\s*(?:("[^"]*"|'[^']*')|(//|\.\.|\(\)|!=|[/.*\[\]()@=-])|((?:\{[^}]*\})?[^\s/.*\[\]()@=!'"-][^\s/\[\]()@=!'"]*|\{[^}]*\}\*))""")

_cache = {}


def _tokenize(path, namespaces):
    """Splits [path] into (kind, text) pairs, kind being 'str', 'op' or 'name'."""
    tokens = []
    index = 0
    default_ns = namespaces.get("") if namespaces else None
    while index < len(path):
        match = _TOKEN.match(path, index)
        if match is None or match.end() == index:
            if path[index:].strip() == "":
                break
            raise SyntaxError("invalid path")
        index = match.end()
        quoted, op, name = match.groups()
        if quoted is not None:
            tokens.append(("str", quoted[1:-1]))
        elif op is not None:
            tokens.append(("op", op))
        elif name is not None:
            tokens.append(("name", name))
    # Qualify prefixed names, and plain tag names when there is a default.
    result = []
    for i, (kind, text) in enumerate(tokens):
        if kind == "name" and not text.startswith("{"):
            previous = tokens[i - 1] if i else None
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if ":" in text and namespaces:
                prefix, _, local = text.partition(":")
                if prefix not in namespaces:
                    raise SyntaxError("prefix %r not found in prefix map" % prefix)
                text = "{%s}%s" % (namespaces[prefix], local)
            elif (default_ns and previous != ("op", "@") and not text.isdigit()
                  and following != ("op", "()")):
                text = "{%s}%s" % (default_ns, text)
        result.append((kind, text))
    return result


def _tag_matcher(tag):
    """A test for element tags; None matches every child (the "*" step)."""
    if tag == "*":
        return None
    if tag.startswith("{*}"):
        local = tag[3:]
        if local == "*":
            return lambda t: isinstance(t, str)
        suffix = "}" + local
        return lambda t: isinstance(t, str) and (t == local or t.endswith(suffix))
    if tag.startswith("{}"):
        local = tag[2:]
        if local == "*":
            return lambda t: isinstance(t, str) and not t.startswith("{")
        return lambda t: t == local
    if tag.endswith("}*"):
        prefix = tag[:-1]
        return lambda t: isinstance(t, str) and t.startswith(prefix)
    return lambda t: t == tag


def _children(elements, test):
    for elem in elements:
        for child in elem:
            if test is None or test(child.tag):
                yield child


def _descendants(elements, test):
    seen = set()
    for elem in elements:
        for node in elem.iter():
            if node is elem or id(node) in seen:
                continue
            if test is None or test(node.tag):
                seen.add(id(node))
                yield node


def _parents(context, elements):
    parent_of = context.parent_map()
    seen = set()
    for elem in elements:
        parent = parent_of.get(id(elem))
        if parent is not None and id(parent) not in seen:
            seen.add(id(parent))
            yield parent


class _Context:
    """The element a search starts from, with a lazily built parent map."""

    def __init__(self, root):
        self.root = root
        self._parents = None

    def parent_map(self):
        if self._parents is None:
            parents = {}
            for elem in self.root.iter():
                for child in elem:
                    parents[id(child)] = elem
            self._parents = parents
        return self._parents


def _text_of(elem):
    return "".join(elem.itertext())


def _predicate(tokens, i):
    """Reads one [...] predicate starting after '['; returns (filter, next index)."""
    body = []
    while i < len(tokens) and tokens[i] != ("op", "]"):
        body.append(tokens[i])
        i += 1
    if i >= len(tokens):
        raise SyntaxError("invalid predicate")
    kinds = "".join(_shape(token) for token in body)
    values = [text for _, text in body]
    if kinds == "@n":
        key = values[1]
        return (lambda ctx, elems: [e for e in elems if e.get(key) is not None]), i + 1
    if kinds in ("@n=s", "@n!=s"):
        key, value = values[1], values[-1]
        if "!=" in values:
            return (lambda ctx, elems: [e for e in elems
                                        if e.get(key) is not None and e.get(key) != value]), i + 1
        return (lambda ctx, elems: [e for e in elems if e.get(key) == value]), i + 1
    if kinds in ("n", "*"):
        if kinds == "n" and values[0].isdigit():
            return _position(int(values[0]) - 1), i + 1
        test = _tag_matcher(values[0])
        return (lambda ctx, elems: [e for e in elems
                                    if any(test is None or test(c.tag) for c in e)]), i + 1
    if kinds in ("n=s", "n!=s", ".=s", ".!=s"):
        value = values[-1]
        negate = "!=" in values
        if kinds[0] == ".":
            return (lambda ctx, elems: [e for e in elems
                                        if (_text_of(e) == value) != negate]), i + 1
        test = _tag_matcher(values[0])

        def select(ctx, elems):
            out = []
            for e in elems:
                for c in e:
                    if (test is None or test(c.tag)) and (_text_of(c) == value) != negate:
                        out.append(e)
                        break
            return out
        return select, i + 1
    if kinds == "n()" and values[0] == "last":
        return _position(-1), i + 1
    if kinds == "n()-n" and values[0] == "last" and values[-1].isdigit():
        return _position(-1 - int(values[-1])), i + 1
    if kinds.endswith("()") or "()" in kinds:
        raise SyntaxError("unsupported function")
    raise SyntaxError("invalid predicate")


def _shape(token):
    kind, text = token
    if kind == "str":
        return "s"
    if kind == "name":
        return "n"
    return text


def _position(index):
    """Keeps elements that are the [index]th child of their parent with their tag."""

    def select(ctx, elems):
        parent_of = ctx.parent_map()
        out = []
        for elem in elems:
            parent = parent_of.get(id(elem))
            if parent is None:
                continue
            same = [c for c in parent if c.tag == elem.tag]
            try:
                if same[index] is elem:
                    out.append(elem)
            except IndexError:
                pass
        return out
    return select


def _compile(path, namespaces):
    if path[-1:] == "/":
        path = path + "*"
    tokens = _tokenize(path, namespaces)
    if tokens and tokens[0] in (("op", "/"), ("op", "//")):
        raise SyntaxError("cannot use absolute path on element")
    steps = []
    i = 0
    expect_step = True
    while i < len(tokens):
        token = tokens[i]
        if token == ("op", "/"):
            if expect_step:
                raise SyntaxError("invalid path")
            expect_step = True
            i += 1
            continue
        if token == ("op", "["):
            if expect_step or not steps:
                raise SyntaxError("invalid path")
            if i + 1 < len(tokens) and tokens[i + 1][0] == "name" and tokens[i + 1][1].isdigit() \
                    and int(tokens[i + 1][1]) < 1:
                raise SyntaxError("XPath position >= 1 expected")
            select, i = _predicate(tokens, i + 1)
            steps.append(select)
            continue
        if not expect_step and token != ("op", "//"):
            raise SyntaxError("invalid path")
        if token == ("op", "//"):
            i += 1
            if i >= len(tokens):
                raise SyntaxError("invalid descendant")
            target = tokens[i]
            if target == ("op", "*"):
                test = None
            elif target[0] == "name":
                test = _tag_matcher(target[1])
            else:
                raise SyntaxError("invalid descendant")
            steps.append(lambda ctx, elems, test=test: list(_descendants(elems, test)))
        elif token == ("op", "."):
            pass
        elif token == ("op", ".."):
            steps.append(lambda ctx, elems: list(_parents(ctx, elems)))
        elif token == ("op", "*"):
            steps.append(lambda ctx, elems: list(_children(elems, None)))
        elif token[0] == "name":
            test = _tag_matcher(token[1])
            steps.append(lambda ctx, elems, test=test: list(_children(elems, test)))
        else:
            raise SyntaxError("invalid path")
        expect_step = False
        i += 1
    return steps


def _steps(path, namespaces):
    key = (path, tuple(sorted(namespaces.items())) if namespaces else None)
    steps = _cache.get(key)
    if steps is None:
        steps = _compile(path, namespaces)
        if len(_cache) > 100:
            _cache.clear()
        _cache[key] = steps
    return steps


def iterfind(elem, path, namespaces=None):
    steps = _steps(path, namespaces)
    context = _Context(elem)
    result = [elem]
    for step in steps:
        result = step(context, result)
        if not result:
            break
    return iter(result)


def find(elem, path, namespaces=None):
    return next(iterfind(elem, path, namespaces), None)


def findall(elem, path, namespaces=None):
    return list(iterfind(elem, path, namespaces))


def findtext(elem, path, default=None, namespaces=None):
    found = find(elem, path, namespaces)
    if found is None:
        return default
    return found.text or ""
