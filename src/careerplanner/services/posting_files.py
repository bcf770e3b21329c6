"""Reading a job posting the user gives: a .txt, .md, .html or .pdf file, standard input, or
pasted text. Bad input is one clear ``UsageError`` line each (empty, binary, over 1 MB, not
text in any encoding we know), and nothing is saved.

``read_posting_file`` is the one door for files. It tells binary data apart as the app's shared
reader does (``files.looks_binary``), but decodes for itself: a posting saved by a browser or a
word processor is often Windows-1252, which the shared reader refuses and this one reads (and
says so), as a posting must.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from careerplanner.core import limits
from careerplanner.errors import UsageError
from careerplanner.files import looks_binary

#: A posting is a page or two of text; anything bigger is not one (or not only one).
MAX_BYTES = 1024 * 1024
#: The files the window offers to open (anything else is read as text if it is text).
FILE_FILTER = "Job postings (*.txt *.md *.html *.htm *.pdf);;All files (*)"
#: Tried in this order; the note says which one was used when it is not UTF-8.
_FALLBACK_ENCODING = ("cp1252", "Windows-1252 (Western European)")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Control characters a text file does not hold (tab, line ends and form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class PostingText:
    text: str
    source: str  # the file's name, "standard input" or "the pasted text"
    #: Said to the user beside the result, e.g. that the file was not UTF-8; "" when all is well.
    note: str = ""


def read_posting_file(path: Path | str) -> PostingText:
    """The text of the posting in ``path`` ("-" reads standard input in the caller)."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UsageError(f"{path} is a folder; give the posting's file")
        if size > MAX_BYTES:
            raise UsageError(_too_big(name, size))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"There is no file {path}; check the name") from None
    except PermissionError:
        raise UsageError(f"{path} cannot be read: permission denied") from None
    except OSError as error:
        raise UsageError(f"{path} cannot be read: {error.strerror or error}") from None
    return read_posting_bytes(raw, name, path.suffix)


def read_posting_bytes(raw: bytes, name: str, suffix: str = "") -> PostingText:
    """The text of a posting given as bytes: a PDF by its signature, HTML by its suffix (or
    its first tag), anything else as plain text."""
    if len(raw) > MAX_BYTES:
        raise UsageError(_too_big(name, len(raw)))
    if not raw.strip():
        raise UsageError(f"{name} is empty; put the posting's text in it, or paste the text")
    if raw.startswith(b"%PDF-"):
        return _checked(_pdf_text(raw, name), name, "")
    text, note = _decode(raw, name)
    if suffix.lower() in _HTML_SUFFIXES or re.match(r"\s*<(!doctype\s+html|html)\b", text, re.I):
        text = html_text(text)
    return _checked(text, name, note)


def check_pasted_text(text: str) -> PostingText:
    """Pasted text, checked as a file would be: not empty, not over 1 MB, no binary data."""
    if not text.strip():
        raise UsageError("There is no posting yet: paste its text or open its file")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise UsageError(_too_big("The pasted text", size))
    return _checked(text, "The pasted text", "")


def default_title(text: str, fallback: str = "Job posting") -> str:
    """A title for a posting: its first line of words, cut to a profile name's length."""
    for line in text.splitlines():
        words = re.sub(r"^[\s#*>•·\-–—=_]+|[\s#*=_]+$", "", line).strip()
        if re.search(r"[^\W_]", words):
            return _cut(" ".join(words.split()), limits.MAX_NAME_LENGTH)
    return fallback


def html_text(html: str) -> str:
    """What a browser shows of an HTML page, roughly: the words, a line per block, no scripts."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _checked(text: str, name: str, note: str) -> PostingText:
    if not text.strip():
        raise UsageError(f"{name} has no text in it; put the posting's text in it, or paste it")
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise UsageError(
            f"{name} is not a text file (it holds binary data); save the posting as .txt, "
            ".md, .html or .pdf"
        )
    return PostingText(_CONTROL.sub(" ", text), name, note)


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    """The bytes as text: UTF-8 (with or without a byte-order mark), UTF-16 with one, or else
    Windows-1252, which most other Western text files are (the note then says so)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), ""
        except UnicodeDecodeError:
            pass
    if looks_binary(raw) or b"\x00" in raw:
        raise UsageError(
            f"{name} is not a text file (it holds binary data); save the posting as .txt, "
            ".md, .html or .pdf"
        )
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    encoding, described = _FALLBACK_ENCODING
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        raise UsageError(
            f"{name} is not UTF-8 text, nor {described}; save it as UTF-8 text and try again"
        ) from None
    return text, f"{name} is not UTF-8; it was read as {described}: check any accented letters"


def _pdf_text(raw: bytes, name: str) -> str:
    from pypdf import PdfReader  # only when a PDF comes in: it takes a moment to import

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UsageError(f"{name} is a password-protected PDF; copy its text and paste it")
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except UsageError:
        raise
    except Exception as error:  # a damaged PDF can fail anywhere in the parser: say so, once
        raise UsageError(
            f"{name} is a PDF that cannot be read ({type(error).__name__}); copy its text and "
            "paste it instead"
        ) from None


def _too_big(name: str, size: int) -> str:
    return (
        f"{name} is {size / 1024 / 1024:.1f} MB; a posting is at most 1 MB of text: save "
        "only the posting itself"
    )


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:-") + "…"


class _TextOfHtml(HTMLParser):
    _HIDDEN = frozenset(("script", "style", "noscript", "template", "head"))
    _BLOCKS = frozenset(
        (
            "address",
            "article",
            "aside",
            "blockquote",
            "br",
            "dd",
            "div",
            "dl",
            "dt",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hr",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "table",
            "td",
            "th",
            "tr",
            "ul",
        )
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")
            if tag == "li":
                self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
