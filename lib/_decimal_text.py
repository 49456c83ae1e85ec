"""Decimal numbers as text: reading strings and tuples, and format().

Design notes
------------
Reading: parse_string() and parse_tuple() turn the constructor's input into
the four fields of a Decimal (sign, coefficient, exponent, kind) or report
it malformed; they build no objects, so decimal.py decides what an invalid
string becomes (a ConversionSyntax signal, then NaN).

Writing with format(): Decimal accepts the float presentation types e, E,
f, F, g, G, n and %, plus no type at all, with fill, alignment, sign, 'z',
zero padding, width, a ',' thousands separator and a precision.  Unlike
float formatting, no digits are ever invented: without a precision the
number is shown with exactly the digits it has, and with one it is rounded
(using the current context's rounding mode) but never padded with
significant digits past what 'f' and 'e' ask for.

The formatting work is split in three steps that mirror how a person would
write the number by hand: round the coefficient for the requested
precision, decide where the decimal point goes (that choice is the only
difference between the presentation types), then lay out sign, grouping
and padding.  decimal.py passes plain data (sign, coefficient, exponent,
kind), so this file needs no access to the Decimal class.
"""

from _decimal_math import round_to_digits, drop_digits, ndigits, pow10

_FINITE, _INFINITE, _QNAN, _SNAN = 0, 1, 2, 3


# ---------------------------------------------------------------------------
# Reading numbers: strings and (sign, digits, exponent) tuples.

def _ascii_digits(text):
    """[text] with non-ASCII decimal digits (and spaces) made ASCII."""
    out = []
    for ch in text:
        if ch < '\x80':
            out.append(ch)
        elif ch.isdecimal():
            out.append(str(int(ch)))
        elif ch.isspace():
            out.append(' ')
        else:
            return None
    return ''.join(out)


def _all_digits(text):
    return text != '' and text.isascii() and text.isdigit()


def parse_string(text):
    """(sign, coeff, exp, kind) for a numeric string, or None if invalid.

    Accepts surrounding whitespace, underscores between digits, an
    optional sign, 'Inf'/'Infinity', 'NaN' and 'sNaN' with an optional
    payload, in any letter case."""
    if not text.isascii():
        text = _ascii_digits(text)
        if text is None:
            return None
    text = text.strip().replace('_', '')
    if not text:
        return None
    sign = 0
    if text[0] in '+-':
        sign = 1 if text[0] == '-' else 0
        text = text[1:]
    lower = text.lower()
    if lower in ('inf', 'infinity'):
        return sign, 0, 0, _INFINITE
    if lower.startswith('nan') or lower.startswith('snan'):
        kind = _QNAN if lower[0] == 'n' else _SNAN
        payload = lower[3:] if kind == _QNAN else lower[4:]
        if payload == '':
            return sign, 0, 0, kind
        if not _all_digits(payload):
            return None
        return sign, int(payload), 0, kind
    exp = 0
    epos = lower.find('e')
    if epos >= 0:
        exponent = lower[epos + 1:]
        lower = lower[:epos]
        body = exponent[1:] if exponent[:1] in ('+', '-') else exponent
        if not _all_digits(body):
            return None
        exp = int(exponent)
    point = lower.find('.')
    if point >= 0:
        whole = lower[:point]
        fraction = lower[point + 1:]
    else:
        whole = lower
        fraction = ''
    if whole == '' and fraction == '':
        return None
    for part in (whole, fraction):
        if part and not _all_digits(part):
            return None
    return sign, int(whole + fraction), exp - len(fraction), _FINITE


def parse_tuple(value):
    """Fields from a (sign, digits, exponent) sequence."""
    if len(value) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exponent = value
    if sign not in (0, 1) or not isinstance(sign, int):
        raise ValueError('sign must be an integer with the value 0 or 1')
    if isinstance(exponent, str):
        kinds = {'F': _INFINITE, 'n': _QNAN, 'N': _SNAN}
        if exponent not in kinds:
            raise ValueError("string argument in the third position must "
                             "be 'F', 'n' or 'N'")
        kind = kinds[exponent]
        exponent = 0
    elif isinstance(exponent, int):
        kind = _FINITE
    else:
        raise ValueError('exponent must be an integer')
    if not isinstance(digits, (tuple, list)):
        raise ValueError('coefficient must be a tuple of digits')
    coeff = 0
    for digit in digits:
        if not isinstance(digit, int) or not 0 <= digit <= 9:
            raise ValueError('coefficient must be a tuple of digits')
        coeff = coeff * 10 + digit
    if kind == _INFINITE:
        coeff = 0
    return sign, coeff, exponent, kind


# ---------------------------------------------------------------------------
# format().


def _parse_spec(spec):
    """Split a format spec into its fields; ValueError when malformed."""
    fields = {'fill': ' ', 'align': None, 'sign': '-', 'z': False,
              'zero': False, 'width': 0, 'comma': False, 'precision': None,
              'type': None}
    i = 0
    n = len(spec)
    if n >= 2 and spec[1] in '<>=^':
        fields['fill'] = spec[0]
        fields['align'] = spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        fields['align'] = spec[0]
        i = 1
    if i < n and spec[i] in '+- ':
        fields['sign'] = spec[i]
        i += 1
    if i < n and spec[i] == 'z':
        fields['z'] = True
        i += 1
    if i < n and spec[i] == '0':
        fields['zero'] = True
        i += 1
    start = i
    while i < n and spec[i].isdigit():
        i += 1
    if i > start:
        fields['width'] = int(spec[start:i])
    if i < n and spec[i] == ',':
        fields['comma'] = True
        i += 1
    if i < n and spec[i] == '.':
        i += 1
        start = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == start:
            raise ValueError('invalid format string')
        fields['precision'] = int(spec[start:i])
    if i < n and spec[i] in 'eEfFgGn%':
        fields['type'] = spec[i]
        i += 1
    if i != n:
        raise ValueError('invalid format string')
    if fields['zero'] and fields['align'] is None:
        fields['fill'] = '0'
        fields['align'] = '='
    if fields['type'] == 'n' and fields['comma']:
        raise ValueError('invalid format string')
    return fields


def _round_for(fields, coeff, exp, sign, rounding):
    """Apply the precision of [fields] to coeff*10**exp."""
    kind = fields['type']
    precision = fields['precision']
    if precision is None:
        if coeff == 0 and exp > 0 and kind in 'fF%':
            exp = 0           # a zero is shown as plain '0' in 'f' form
        return coeff, exp
    if kind in 'eE':
        coeff, exp, _ = round_to_digits(coeff, exp, precision + 1, sign,
                                        rounding)
        short = precision + 1 - ndigits(coeff)
        if coeff and short > 0:
            # 'e' shows exactly precision digits after the point.
            coeff *= pow10(short)
            exp -= short
    elif kind in 'fF%':
        target = -precision
        if exp < target:
            coeff, _ = drop_digits(coeff, target - exp, sign, rounding)
            exp = target
        elif exp > target and coeff:
            # Zero padding keeps the value and shows the asked-for places.
            coeff *= pow10(exp - target)
            exp = target
        elif exp > target:
            exp = target
    else:
        coeff, exp, _ = round_to_digits(coeff, exp, max(precision, 1), sign,
                                        rounding)
    return coeff, exp


def _point_position(fields, coeff, exp, digits):
    """Where the decimal point goes, counted from the left of [digits]."""
    kind = fields['type']
    left = exp + len(digits)
    if kind in 'eE':
        if coeff == 0 and fields['precision'] is not None:
            return 1 - fields['precision']
        return 1
    if kind in 'fF%':
        return left
    if exp <= 0 and left > -6:
        return left
    return 1


def _group(intpart, width_left, comma):
    """Insert ',' every three digits, zero-filling up to [width_left]."""
    if not comma:
        if len(intpart) < width_left:
            intpart = '0' * (width_left - len(intpart)) + intpart
        return intpart
    groups = []
    used = 0
    digits = intpart
    while True:
        size = min(max(len(digits), width_left - used, 1), 3)
        chunk = digits[-size:] if digits else ''
        digits = digits[:-size] if len(digits) > size else ''
        chunk = '0' * (size - len(chunk)) + chunk
        groups.append(chunk)
        used += size
        if not digits and used >= width_left:
            break
        used += 1
    return ','.join(reversed(groups))


def _pad(fields, sign, body, number_like):
    """Lay out sign and body in the field width with fill and alignment."""
    width = fields['width']
    align = fields['align'] or '>'
    fill = fields['fill']
    total = len(sign) + len(body)
    if total >= width:
        return sign + body
    gap = width - total
    if align == '<':
        return sign + body + fill * gap
    if align == '^':
        before = gap // 2
        return fill * before + sign + body + fill * (gap - before)
    if align == '=':
        return sign + fill * gap + body
    return fill * gap + sign + body


def format_decimal(spec, sign, coeff, exp, kind, capitals, rounding):
    """The text of format(Decimal, spec) for the given parts."""
    fields = _parse_spec(spec)
    ptype = fields['type']
    if ptype is None:
        if fields['precision'] is None and not spec:
            return None                     # caller uses str()
        ptype = 'G' if capitals else 'g'
        fields['type'] = ptype
    if ptype == 'n':
        fields['type'] = ptype = 'g'
    sign_char = '-' if sign else ''
    if kind != _FINITE:
        if kind == _INFINITE:
            body = 'Infinity'
        elif kind == _QNAN:
            body = 'NaN' + (str(coeff) if coeff else '')
        else:
            body = 'sNaN' + (str(coeff) if coeff else '')
        if ptype == '%':
            body += '%'
        if not sign and fields['sign'] in '+ ':
            sign_char = fields['sign']
        if fields['align'] == '=' and fields['fill'] == '0' and \
                fields['zero']:
            fields['fill'] = ' '
            fields['align'] = '>'
        return _pad(fields, sign_char, body, False)
    if ptype == '%':
        exp += 2
    coeff, exp = _round_for(fields, coeff, exp, sign, rounding)
    if coeff == 0 and fields['z']:
        sign = 0
        sign_char = ''
    if not sign and fields['sign'] in '+ ':
        sign_char = fields['sign']
    digits = str(coeff)
    dot = _point_position(fields, coeff, exp, digits)
    if dot <= 0:
        intpart = '0'
        fracpart = '0' * (-dot) + digits
    elif dot >= len(digits):
        intpart = digits + '0' * (dot - len(digits))
        fracpart = ''
    else:
        intpart = digits[:dot]
        fracpart = digits[dot:]
    shown_exp = exp + len(digits) - dot
    suffix = ''
    if ptype in 'eE' or (ptype in 'gG' and shown_exp != 0):
        letter = 'e' if ptype in 'eg' else 'E'
        suffix = '%s%+d' % (letter, shown_exp)
    if ptype == '%':
        suffix += '%'
    tail = ('.' + fracpart if fracpart else '') + suffix
    if fields['align'] == '=' and fields['fill'] == '0' and fields['zero']:
        width_left = fields['width'] - len(sign_char) - len(tail)
        intpart = _group(intpart, width_left, fields['comma'])
    else:
        intpart = _group(intpart, 0, fields['comma'])
    return _pad(fields, sign_char, intpart + tail, True)
