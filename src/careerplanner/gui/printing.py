"""Printable HTML (a plan, a progress report) laid out on A4 pages as a PDF by Qt's text engine.

Qt breaks pages wherever the text reaches the bottom, so a month's heading could end a page
alone, or its table of items be cut in two. Before printing, ``keep_with_next`` lays the
document out once and walks down it: a heading whose unit (the heading with what follows it, up
to and including its first table or list) would cross the bottom of a page, although it fits on
a page of its own, starts the next page instead. The breaks go into the HTML as
``page-break-before`` (Qt lays out a break set in place on a block badly: a table after it was
drawn over the moved text). The PDF says its language (English) and title in its XMP metadata;
Qt writes no tagged PDF, so that is as far as Qt lets a document describe itself to a screen
reader.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from html import escape

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextBlock, QTextDocument, QTextTable

LANGUAGE = "en"
_HEADING_TAG = re.compile(r"<h[1-6](?=[\s>])", re.IGNORECASE)
_BREAK = ' style="page-break-before: always"'


def pdf_from_html(html: str, title: str) -> bytes:
    """The HTML on A4 pages with 15 mm margins, each heading kept with what follows it."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator("Career Planner")
    writer.setDocumentXmpMetadata(_xmp(title))
    # Lay out in the page's own size (points, as Qt prints at 72 dpi), so the breaks found
    # here are the ones printed.
    page = QSizeF(writer.pageLayout().paintRect(QPageLayout.Unit.Point).size())
    document = laid_out(keep_with_next(html, page), page)
    document.print_(writer)
    del writer  # finishes the PDF
    return bytes(buffer.data())


def laid_out(html: str, page: QSizeF) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(html)
    document.setPageSize(page)
    return document


def keep_with_next(html: str, page: QSizeF) -> str:
    """``html`` with a page break before each heading that would otherwise end a page without
    its first content (see the module's docstring)."""
    height = page.height()
    shift = 0.0  # how far the breaks chosen so far push everything below them down
    chosen = []
    for number, top, bottom in heading_units(laid_out(html, page)):
        top, bottom = top + shift, bottom + shift
        if bottom - top > height or top % height == 0:
            continue  # taller than a page, or already at the top of one
        if math.floor(top / height) != math.floor((bottom - 1) / height):
            next_page = math.ceil(top / height) * height
            shift += next_page - top
            chosen.append(number)
    return _with_breaks(html, chosen)


def heading_units(document: QTextDocument) -> Iterator[tuple[int, float, float]]:
    """For each heading, in order: its number among the document's headings, and the top and
    bottom of its unit on the (continuous) pages."""
    elements = _top_level(document)
    number = -1
    for n, (kind, top, bottom) in enumerate(elements):
        if kind != "heading":
            continue
        number += 1
        for next_kind, _top, next_bottom in elements[n + 1 :]:
            if next_kind == "heading":
                break
            bottom = next_bottom
            if next_kind in ("table", "list"):
                break
        yield number, top, bottom


def _top_level(document: QTextDocument) -> list[tuple[str, float, float]]:
    """The document's top-level elements (heading, paragraph, list, table), each with its top
    and bottom."""
    layout = document.documentLayout()
    frames = {frame.firstPosition(): frame for frame in document.rootFrame().childFrames()}
    found = []
    block: QTextBlock = document.begin()
    while block.isValid():
        frame = frames.get(block.position())
        if frame is not None:
            rect = layout.frameBoundingRect(frame)
            found.append(
                ("table" if isinstance(frame, QTextTable) else "frame", rect.top(), rect.bottom())
            )
            block = document.findBlock(frame.lastPosition() + 1)
            continue
        kind = "paragraph"
        if block.blockFormat().headingLevel():
            kind = "heading"
        elif block.textList() is not None:
            kind = "list"
        rect = layout.blockBoundingRect(block)
        found.append((kind, rect.top(), rect.bottom()))
        block = block.next()
    return found


def _with_breaks(html: str, numbers: list[int]) -> str:
    wanted = set(numbers)
    count = -1

    def mark(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return match.group(0) + (_BREAK if count in wanted else "")

    return _HEADING_TAG.sub(mark, html)


def _xmp(title: str) -> bytes:
    return f"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{LANGUAGE}</rdf:li></rdf:Bag></dc:language>
   <dc:creator><rdf:Seq><rdf:li>Career Planner</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()
