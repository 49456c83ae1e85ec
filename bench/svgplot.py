"""A small SVG chart writer for the benchmark suite, with no dependencies.

    import svgplot
    svg = svgplot.bar_chart('Echo, requests/s', ['1 KiB', '10 KiB'],
                            [('gilpy', [52000, 31000]), ('CPython', [14000, 9000])],
                            unit='req/s', caption='2 cores, Linux 6.1')
    svgplot.save('echo.svg', svg)

Design notes. Two kinds of chart cover what bench/suite.py needs to show:
grouped bars (one group per category, one bar per interpreter, horizontal
or vertical, optionally with a log scale, a reference line such as "1.0x"
and a per-category marker such as the ideal wall time) and cumulative
distribution lines on a log-scaled x axis (latency: the left edge is the
typical case, the right tail is the p99 and worse). Every chart gets a
title, axes with round-numbered ticks, a legend and a caption, which is
where the suite writes the machine and the interpreter versions, so that
a picture copied out of the README still says where it came from.

The output is plain SVG 1.1 built as text: every piece of user text goes
through escape(), numbers are written with a fixed small precision, and
the document is one <svg> element, so any XML parser accepts it. Sizes are
in pixels of a 760-wide canvas; browsers scale it.
"""

import math

FONT = 'system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif'
# Colours chosen to stay distinguishable for the common colour-vision
# deficiencies; the first three are the suite's three interpreters.
PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02',
           '#a6761d', '#666666']
# Dash patterns tell apart the lines that share a colour in a CDF chart.
DASHES = ['', '6 3', '2 3', '8 3 2 3']
WIDTH = 760


def escape(text):
    """Return [text] safe inside an SVG element or attribute."""
    return (str(text).replace('&', '&amp;').replace('<', '&lt;')
            .replace('>', '&gt;').replace('"', '&quot;'))


def fmt_number(value):
    """A short human label for [value]: 3 significant digits, k/M suffixes."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 'n/a'
    size = abs(value)
    if size >= 1e6:
        return _trim('%.3g' % (value / 1e6)) + 'M'
    if size >= 1e4:
        return _trim('%.3g' % (value / 1e3)) + 'k'
    if size >= 100:
        return '%.0f' % value
    if size == 0:
        return '0'
    return _trim('%.3g' % value)


def _trim(text):
    # '%.3g' may produce exponents for small numbers; keep them, but never
    # leave a dangling '.0'.
    return text[:-2] if text.endswith('.0') else text


def nice_ticks(low, high, count=5):
    """Round-numbered ticks (steps of 1, 2 or 5 times a power of ten) that
    cover [low, high] with about [count] intervals."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 5, 10):
        step = mult * power
        if step >= raw:
            break
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.5:
        ticks.append(round(value, 12))
        value += step
    return ticks


def log_ticks(low, high):
    """Ticks on a log axis whose first is <= [low] and last >= [high] (both
    > 0): decades, with 2 and 5 between them when the range is narrow
    enough for those to be read."""
    first = math.floor(math.log10(low))
    last = math.ceil(math.log10(high))
    if last == first:
        last += 1
    mults = (1, 2, 5) if last - first <= 3 else (1,)
    ticks = [mult * 10 ** exp for exp in range(first, last + 1) for mult in mults
             if mult * 10 ** exp <= 10 ** last]
    while len(ticks) > 2 and ticks[1] <= low:
        ticks.pop(0)
    while len(ticks) > 2 and ticks[-2] >= high:
        ticks.pop()
    return ticks


class _Canvas:
    """Accumulates SVG elements; text() and line() keep the call sites short."""

    def __init__(self, height):
        self.height = height
        self.parts = []

    def add(self, element):
        self.parts.append(element)

    def text(self, x, y, content, size=12, anchor='start', weight='normal',
             fill='#222', extra=''):
        self.add('<text x="%.1f" y="%.1f" font-size="%d" text-anchor="%s" '
                 'font-weight="%s" fill="%s"%s>%s</text>'
                 % (x, y, size, anchor, weight, fill, extra, escape(content)))

    def line(self, x1, y1, x2, y2, stroke='#ccc', width=1, dash=''):
        dash_attr = ' stroke-dasharray="%s"' % dash if dash else ''
        self.add('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" '
                 'stroke-width="%g"%s/>' % (x1, y1, x2, y2, stroke, width, dash_attr))

    def render(self):
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
                'viewBox="0 0 %d %d" font-family="%s">\n'
                '<rect width="100%%" height="100%%" fill="#ffffff"/>\n'
                % (WIDTH, self.height, WIDTH, self.height, escape(FONT)))
        return head + '\n'.join(self.parts) + '\n</svg>\n'


def _wrap(text, width=118):
    """Split a caption into lines of at most [width] characters."""
    lines, current = [], ''
    for word in str(text).split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = (current + ' ' + word).strip()
    if current:
        lines.append(current)
    return lines


def _header(canvas, title, subtitle):
    canvas.text(20, 28, title, size=17, weight='bold')
    if subtitle:
        canvas.text(20, 47, subtitle, size=12, fill='#555')


def _legend(canvas, names, y, styles=None):
    """A single row of swatches, right-aligned; returns nothing."""
    widths = [28 + 7 * len(n) for n in names]
    x = WIDTH - 20 - sum(widths)
    for i, name in enumerate(names):
        colour, dash = styles[i] if styles else (PALETTE[i % len(PALETTE)], '')
        if styles:
            canvas.line(x, y - 4, x + 18, y - 4, stroke=colour, width=2.5, dash=dash)
        else:
            canvas.add('<rect x="%.1f" y="%.1f" width="12" height="12" rx="2" fill="%s"/>'
                       % (x, y - 10, colour))
        canvas.text(x + (22 if styles else 16), y, name, size=12)
        x += widths[i]


def _caption(canvas, caption, top):
    y = top
    for line in _wrap(caption):
        canvas.text(20, y, line, size=10.5, fill='#666')
        y += 14


class _Scale:
    """Maps data values to pixels along one axis, linear or log10."""

    def __init__(self, low, high, start_px, end_px, log=False):
        self.log = log
        if log:
            low, high = math.log10(low), math.log10(high)
        self.low, self.high = low, high if high > low else low + 1
        self.start_px, self.end_px = start_px, end_px

    def __call__(self, value):
        if self.log:
            value = math.log10(max(value, 10 ** self.low))
        frac = (value - self.low) / (self.high - self.low)
        return self.start_px + frac * (self.end_px - self.start_px)


def _value_range(values, log, reference, markers):
    seen = [v for v in values if v is not None and not math.isnan(v)]
    seen += [m for m in (markers or []) if m is not None]
    if reference is not None:
        seen.append(reference)
    if log:
        positive = [v for v in seen if v > 0] or [1.0]
        # Half the smallest value as the floor, so that the shortest bar and
        # a marker equal to it are still visible on a log axis.
        ticks = log_ticks(min(positive) / 2, max(positive))
    else:
        ticks = nice_ticks(min([0.0] + seen), max([1e-12] + seen))
    return ticks


def bar_chart(title, categories, series, unit='', subtitle='', caption='',
              horizontal=True, log=False, reference=None, reference_label='',
              markers=None, marker_label='ideal'):
    """Grouped bars: one group per entry of [categories], one bar per
    (name, values) pair of [series] (values may hold None for "no figure").
    [reference] draws a dashed line across the chart (e.g. 1.0 for a ratio);
    [markers] (one value or None per category) draws a short black tick on
    each group, e.g. the ideal wall time. Returns the SVG document as text."""
    nseries = max(1, len(series))
    all_values = [v for _, vals in series for v in vals]
    ticks = _value_range(all_values, log, reference, markers)
    bar = 14 if horizontal else 18
    gap = 12
    group = nseries * bar + gap
    caption_lines = len(_wrap(caption))
    top = 78 if subtitle else 64
    if horizontal:
        label_w = 14 + 6.6 * max([len(str(c)) for c in categories] + [4])
        plot_left, plot_right = 20 + label_w, WIDTH - 70
        plot_h = group * len(categories)
        height = top + plot_h + 46 + 14 * caption_lines + 10
        scale = _Scale(ticks[0], ticks[-1], plot_left, plot_right, log)
        plot_top, plot_bottom = top, top + plot_h
    else:
        plot_left, plot_right = 70, WIDTH - 20
        plot_top = top
        plot_bottom = top + 260
        height = plot_bottom + 58 + 14 * caption_lines + 10
        scale = _Scale(ticks[0], ticks[-1], plot_bottom, plot_top, log)
        slot = (plot_right - plot_left) / max(1, len(categories))
    canvas = _Canvas(height)
    _header(canvas, title, subtitle)
    _legend(canvas, [name for name, _ in series], top - 14)

    # The grid and its tick labels, drawn first so that the bars cover them.
    for tick in ticks:
        pos = scale(tick)
        label = fmt_number(tick)
        if horizontal:
            canvas.line(pos, plot_top, pos, plot_bottom, stroke='#e6e6e6')
            canvas.text(pos, plot_bottom + 16, label, size=11, anchor='middle', fill='#444')
        else:
            canvas.line(plot_left, pos, plot_right, pos, stroke='#e6e6e6')
            canvas.text(plot_left - 6, pos + 4, label, size=11, anchor='end', fill='#444')
    if horizontal:
        canvas.line(plot_left, plot_top, plot_left, plot_bottom, stroke='#888')
        canvas.text((plot_left + plot_right) / 2, plot_bottom + 34,
                    unit + (' (log scale)' if log else ''), size=12, anchor='middle',
                    fill='#444')
    else:
        canvas.line(plot_left, plot_bottom, plot_right, plot_bottom, stroke='#888')
        canvas.text(18, (plot_top + plot_bottom) / 2, unit + (' (log scale)' if log else ''),
                    size=12, anchor='middle', fill='#444',
                    extra=' transform="rotate(-90 18 %.1f)"' % ((plot_top + plot_bottom) / 2))

    base = scale(ticks[0])
    for ci, category in enumerate(categories):
        if horizontal:
            y0 = plot_top + ci * group + gap / 2
            canvas.text(plot_left - 8, y0 + nseries * bar / 2 + 4, category, size=12,
                        anchor='end')
        else:
            x0 = plot_left + ci * slot + (slot - nseries * bar) / 2
            canvas.text(plot_left + ci * slot + slot / 2, plot_bottom + 16, category,
                        size=12, anchor='middle')
        for si, (name, values) in enumerate(series):
            value = values[ci] if ci < len(values) else None
            colour = PALETTE[si % len(PALETTE)]
            missing = value is None or (isinstance(value, float) and math.isnan(value))
            if horizontal:
                y = y0 + si * bar
                if missing:
                    canvas.text(plot_left + 4, y + bar - 3, 'no figure', size=10, fill='#999')
                    continue
                end = scale(value if not log else max(value, ticks[0]))
                canvas.add('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s">'
                           '<title>%s: %s</title></rect>'
                           % (min(base, end), y + 1, abs(end - base), bar - 2, colour,
                              escape(name), escape(fmt_number(value))))
                canvas.text(max(base, end) + 4, y + bar - 3, fmt_number(value), size=10.5,
                            fill='#333')
            else:
                x = x0 + si * bar
                if missing:
                    continue
                end = scale(value if not log else max(value, ticks[0]))
                canvas.add('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s">'
                           '<title>%s: %s</title></rect>'
                           % (x + 1, min(base, end), bar - 2, abs(end - base), colour,
                              escape(name), escape(fmt_number(value))))
                canvas.text(x + bar / 2, min(base, end) - 3, fmt_number(value), size=9.5,
                            anchor='middle', fill='#333')
        marker = markers[ci] if markers and ci < len(markers) else None
        if marker is not None:
            pos = scale(marker)
            if horizontal:
                canvas.line(pos, y0 - 3, pos, y0 + nseries * bar + 3, stroke='#111', width=2)
            else:
                canvas.line(x0 - 3, pos, x0 + nseries * bar + 3, pos, stroke='#111', width=2)
    if reference is not None:
        pos = scale(reference)
        if horizontal:
            canvas.line(pos, plot_top - 4, pos, plot_bottom, stroke='#333', dash='4 3')
            canvas.text(pos + 3, plot_top - 2, reference_label, size=10, fill='#333')
        else:
            canvas.line(plot_left, pos, plot_right, pos, stroke='#333', dash='4 3')
            canvas.text(plot_right - 2, pos - 3, reference_label, size=10, anchor='end',
                        fill='#333')
    if markers and any(m is not None for m in markers):
        canvas.text(20, top - 10, '| black tick: ' + marker_label, size=10.5, fill='#333')
    caption_top = (plot_bottom + 62) if horizontal else (plot_bottom + 50)
    _caption(canvas, caption, caption_top)
    return canvas.render()


def cdf_chart(title, lines, unit='ms', subtitle='', caption='', log_x=True):
    """Cumulative distributions: [lines] is a list of (name, samples,
    colour index, dash index); each is drawn as the fraction of samples
    at or below x, so the right-hand end of a line is its worst case."""
    positive = [v for _, samples, _, _ in lines for v in samples if v > 0]
    if not positive:
        positive = [1.0]
    positive.sort()
    # The far-left tail (the fastest 0.5%) is clipped to the axis so that a
    # few lucky samples do not squeeze the interesting part of the chart.
    low, high = positive[len(positive) // 200], positive[-1]
    if log_x:
        ticks = log_ticks(low, high)
    else:
        ticks = nice_ticks(0.0, high)
    legend_rows = (len(lines) + 1) // 2
    top = (78 if subtitle else 64) + 16 * legend_rows
    plot_left, plot_right = 70, WIDTH - 30
    plot_top, plot_bottom = top, top + 300
    caption_lines = len(_wrap(caption))
    height = plot_bottom + 50 + 14 * caption_lines + 10
    canvas = _Canvas(height)
    _header(canvas, title, subtitle)
    xscale = _Scale(ticks[0], ticks[-1], plot_left, plot_right, log_x)
    yscale = _Scale(0.0, 1.0, plot_bottom, plot_top)

    for tick in ticks:
        pos = xscale(tick)
        canvas.line(pos, plot_top, pos, plot_bottom, stroke='#e6e6e6')
        canvas.text(pos, plot_bottom + 16, fmt_number(tick), size=11, anchor='middle',
                    fill='#444')
    for frac in (0.0, 0.25, 0.5, 0.75, 0.9, 0.99):
        pos = yscale(frac)
        canvas.line(plot_left, pos, plot_right, pos,
                    stroke='#e6e6e6' if frac not in (0.5, 0.99) else '#cfcfcf')
        canvas.text(plot_left - 6, pos + 4, '%g' % frac, size=11, anchor='end', fill='#444')
    canvas.line(plot_left, plot_bottom, plot_right, plot_bottom, stroke='#888')
    canvas.line(plot_left, plot_top, plot_left, plot_bottom, stroke='#888')
    canvas.text((plot_left + plot_right) / 2, plot_bottom + 34,
                unit + (' (log scale)' if log_x else ''), size=12, anchor='middle', fill='#444')
    mid = (plot_top + plot_bottom) / 2
    canvas.text(18, mid, 'fraction of samples <= x', size=12, anchor='middle', fill='#444',
                extra=' transform="rotate(-90 18 %.1f)"' % mid)

    for name, samples, colour_index, dash_index in lines:
        values = sorted(v for v in samples if v == v)
        if not values:
            continue
        colour = PALETTE[colour_index % len(PALETTE)]
        dash = DASHES[dash_index % len(DASHES)]
        n = len(values)
        # A step line: at each sample the fraction jumps to i/n. Long runs of
        # samples are thinned to at most ~400 points, which a 700-pixel-wide
        # line cannot tell apart anyway.
        stride = max(1, n // 400)
        points = []
        prev_y = yscale(0.0)
        for i in range(0, n, stride):
            x = xscale(max(values[i], ticks[0]))
            y = yscale(min(n, i + stride) / n)
            points.append('%.1f,%.1f %.1f,%.1f' % (x, prev_y, x, y))
            prev_y = y
        dash_attr = ' stroke-dasharray="%s"' % dash if dash else ''
        canvas.add('<polyline fill="none" stroke="%s" stroke-width="2"%s points="%s">'
                   '<title>%s</title></polyline>'
                   % (colour, dash_attr, ' '.join(points), escape(name)))

    # The legend goes in rows of two under the title, since CDF charts
    # usually carry more lines than a single row holds.
    for i, (name, _, colour_index, dash_index) in enumerate(lines):
        row, col = divmod(i, 2)
        x = 20 + col * 370
        y = top - 16 * legend_rows + 16 * row - 4
        canvas.line(x, y - 4, x + 22, y - 4, stroke=PALETTE[colour_index % len(PALETTE)],
                    width=2.5, dash=DASHES[dash_index % len(DASHES)])
        canvas.text(x + 28, y, name, size=11.5)
    _caption(canvas, caption, plot_bottom + 50)
    return canvas.render()


def save(path, svg):
    """Write [svg] to [path] as UTF-8."""
    with open(path, 'w', encoding='utf-8') as f:
        f.write(svg)
