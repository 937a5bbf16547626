"""A QR code as inline SVG, drawn here by segno: no image service, nothing loaded from another site.

Pure: a text in, SVG markup out. The SVG scales to its box (a viewBox, no size)
and carries no style attribute, so the strict CSP allows it inline.
"""

import segno


def qr_svg(text, title):
    """The QR code of ``text`` as an accessible <svg role="img"> named ``title``."""
    code = segno.make(text, error="m")
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None, title=title)
    return svg.replace("<svg ", '<svg role="img" ', 1)
