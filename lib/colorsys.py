"""Conversions between RGB and the YIQ, HLS and HSV colour systems.

Design notes
------------
Every coordinate is a float in [0, 1], except I and Q of YIQ, which may be
negative.  The HLS and HSV conversions share the same hexagonal-cone idea:
find the largest and smallest RGB component, derive lightness or value from
them, and place the hue by which component is largest.  Hue is a fraction of
a full turn (0 = red, 1/3 = green, 2/3 = blue).

YIQ uses the coefficients of the NTSC matrix; the inverse is given by its
numeric entries so that results agree to the last bit with other
implementations.  RGB results outside [0, 1] are clamped.
"""

__all__ = ["rgb_to_yiq", "yiq_to_rgb", "rgb_to_hls", "hls_to_rgb",
           "rgb_to_hsv", "hsv_to_rgb"]

ONE_THIRD = 1.0 / 3.0
ONE_SIXTH = 1.0 / 6.0
TWO_THIRD = 2.0 / 3.0


def _clamp(x):
    return 0.0 if x < 0.0 else 1.0 if x > 1.0 else x


# --- YIQ ---------------------------------------------------------------------------

def rgb_to_yiq(r, g, b):
    y = 0.30 * r + 0.59 * g + 0.11 * b
    i = 0.74 * (r - y) - 0.27 * (b - y)
    q = 0.48 * (r - y) + 0.41 * (b - y)
    return (y, i, q)


def yiq_to_rgb(y, i, q):
    r = y + 0.9468822170900693 * i + 0.6235565819861433 * q
    g = y - 0.27478764629897834 * i - 0.6356910791873801 * q
    b = y - 1.1085450346420322 * i + 1.7090069284064666 * q
    return (_clamp(r), _clamp(g), _clamp(b))


# --- Hue shared by HLS and HSV -------------------------------------------------------

def _hue(r, g, b, high, spread):
    """The hue in [0, 1) of a colour whose largest component is [high]."""
    # How far each component is below the maximum, as a fraction of the spread.
    rc = (high - r) / spread
    gc = (high - g) / spread
    bc = (high - b) / spread
    if r == high:
        h = bc - gc
    elif g == high:
        h = 2.0 + rc - bc
    else:
        h = 4.0 + gc - rc
    return (h / 6.0) % 1.0


# --- HLS ---------------------------------------------------------------------------

def rgb_to_hls(r, g, b):
    high = max(r, g, b)
    low = min(r, g, b)
    total = high + low
    spread = high - low
    lightness = total / 2.0
    if low == high:
        return 0.0, lightness, 0.0
    if lightness <= 0.5:
        saturation = spread / total
    else:
        # 2.0 - high - low, not 2.0 - total: the rounding differs.
        saturation = spread / (2.0 - high - low)
    return _hue(r, g, b, high, spread), lightness, saturation


def hls_to_rgb(h, l, s):
    if s == 0.0:
        return l, l, l
    if l <= 0.5:
        m2 = l * (1.0 + s)
    else:
        m2 = l + s - l * s
    m1 = 2.0 * l - m2
    return (_hls_channel(m1, m2, h + ONE_THIRD), _hls_channel(m1, m2, h),
            _hls_channel(m1, m2, h - ONE_THIRD))


def _hls_channel(m1, m2, hue):
    # One RGB component: a trapezoid over the hue circle between m1 and m2.
    hue = hue % 1.0
    if hue < ONE_SIXTH:
        return m1 + (m2 - m1) * hue * 6.0
    if hue < 0.5:
        return m2
    if hue < TWO_THIRD:
        return m1 + (m2 - m1) * (TWO_THIRD - hue) * 6.0
    return m1


# --- HSV ---------------------------------------------------------------------------

def rgb_to_hsv(r, g, b):
    high = max(r, g, b)
    low = min(r, g, b)
    if low == high:
        return 0.0, 0.0, high
    spread = high - low
    return _hue(r, g, b, high, spread), spread / high, high


def hsv_to_rgb(h, s, v):
    if s == 0.0:
        return v, v, v
    sector = int(h * 6.0)
    f = (h * 6.0) - sector
    p = v * (1.0 - s)
    q = v * (1.0 - s * f)
    t = v * (1.0 - s * (1.0 - f))
    # The six sectors of the hue circle, red to magenta.
    sector = sector % 6
    return ((v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q))[sector]
