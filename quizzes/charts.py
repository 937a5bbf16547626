"""Server-rendered SVG charts: no JavaScript, labelled, readable without colour.

Pure functions: labels and numbers in, SVG markup out. Every bar and point
carries its number as text, and pages show the same numbers in a table.
"""

from html import escape

WIDTH = 640
HEIGHT = 300
MARGIN_LEFT = 44
MARGIN_RIGHT = 12
MARGIN_TOP = 24
MARGIN_BOTTOM = 96


def _frame(title, description, body, y_max, y_label, width=WIDTH):
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    ticks = []
    for i in range(5):
        value = y_max * i / 4
        y = MARGIN_TOP + plot_h - plot_h * i / 4
        ticks.append(
            f'<line x1="{MARGIN_LEFT}" x2="{width - MARGIN_RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#c9d1da" stroke-width="1"/>'
            f'<text x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value:g}</text>'
        )
    return (
        f'<svg class="chart" viewBox="0 0 {width} {HEIGHT}" width="{width}" height="{HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"
        f'<text x="4" y="14">{escape(y_label)}</text>' + "".join(ticks) + body + "</svg>"
    )


def _label(x, text, slot=64):
    # Crowded labels stand steeper, so neighbours do not overlap.
    # Long labels are shortened; the table beside every chart carries them in full.
    text = escape(text if len(text) <= 22 else text[:21] + "…")
    y = HEIGHT - MARGIN_BOTTOM + 16
    angle = 35 if slot >= 32 else 65
    return f'<text x="{x:.1f}" y="{y}" text-anchor="end" transform="rotate(-{angle} {x:.1f} {y})">{text}</text>'


def bar_chart(bars, *, title, description="", y_max=None, y_label="", width=WIDTH):
    """Vertical bars for (label, value) pairs; each bar has its value written above it."""
    bars = list(bars)
    top = y_max or max([v for _, v in bars] + [1])
    plot_w = width - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    slot = plot_w / max(len(bars), 1)
    parts = []
    for i, (label, value) in enumerate(bars):
        value = value or 0
        h = plot_h * min(value, top) / top
        x = MARGIN_LEFT + i * slot + slot * 0.15
        y = MARGIN_TOP + plot_h - h
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" height="{h:.1f}" fill="#0b4f8a" '
            f'stroke="#1b1f24" stroke-width="1"><title>{escape(str(label))}: {value:g}</title></rect>'
            f'<text x="{x + slot * 0.35:.1f}" y="{y - 4:.1f}" text-anchor="middle">{value:g}</text>'
        )
        parts.append(_label(x + slot * 0.5, str(label), slot))
    return _frame(title, description, "".join(parts), top, y_label, width)


def line_chart(points, *, title, description="", y_max=100, y_label="", width=WIDTH):
    """A line through (label, value) points, with a square marker and the value at each."""
    points = list(points)
    plot_w = width - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    step = plot_w / max(len(points), 1)
    coords = []
    parts = []
    for i, (label, value) in enumerate(points):
        value = value or 0
        x = MARGIN_LEFT + step * (i + 0.5)
        y = MARGIN_TOP + plot_h - plot_h * min(value, y_max) / y_max
        coords.append(f"{x:.1f},{y:.1f}")
        parts.append(
            f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="#0b4f8a"/>'
            f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle">{value:g}</text>'
        )
        parts.append(_label(x + 4, str(label), step))
    line = f'<polyline points="{" ".join(coords)}" fill="none" stroke="#0b4f8a" stroke-width="2"/>' if coords else ""
    return _frame(title, description, line + "".join(parts), y_max, y_label, width)
