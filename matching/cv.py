"""Read a CV into plain text: PDF (pypdf), DOCX (python-docx), Markdown and plain text.

A scanned PDF has pages but no text layer; ranking it would silently match nothing, so it raises
`ScannedPdfError` with a message that says what to do instead.

A CV is a file from anywhere, so what is read is bounded: at most MAX_FILE_BYTES on disk, at most
MAX_TEXT_CHARS of text, and a DOCX (a zip) is refused before anything is unpacked when its members'
declared sizes exceed MAX_UNZIPPED_BYTES (a zip bomb) or its XML declares entities (billion laughs:
Word never writes a DTD). A PDF's own stream limits (pypdf) end a decompression bomb.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from matching.errors import CvReadError, ScannedPdfError

# Fewer letters than this in a whole PDF means there is no usable text layer.
_MIN_PDF_LETTERS = 40
# A real CV is a few pages: these bounds are far above any and far below what hurts the machine.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 20 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
_LIMITS = "fjordjobs reads at most 20 MB of text from a CV"
_MD_MARKUP = re.compile(r"(^\s{0,3}#{1,6}\s*|[*_`]{1,3}|^\s*[-+]\s+|!?\[([^\]]*)\]\([^)]*\))", re.MULTILINE)


def read_cv(path: Path | str) -> str:
    """The CV's text; raises CvReadError (or ScannedPdfError) with a one-line reason."""
    path = Path(path)
    if not path.is_file():
        raise CvReadError(f"CV not found: {path}")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CvReadError(f"the CV {path.name} is larger than {MAX_FILE_BYTES // 2**20} MB: {_LIMITS}")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        text = _read_pdf(path)
    elif suffix == ".docx":
        text = _read_docx(path)
    elif suffix in {".md", ".markdown"}:
        text = _strip_markdown(_read_text(path))
    elif suffix in {".txt", ".text", ""}:
        text = _read_text(path)
    else:
        raise CvReadError(f"cannot read a {suffix} CV ({path.name}): use PDF, DOCX, Markdown or plain text")
    if len(text) > MAX_TEXT_CHARS:
        raise CvReadError(f"the CV {path.name} holds more than 20 MB of text: {_LIMITS}")
    if not text.strip():
        raise CvReadError(f"the CV {path.name} has no text")
    return text


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _strip_markdown(text: str) -> str:
    return _MD_MARKUP.sub(lambda m: m.group(2) or " ", text)


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    pages: list[str] = []
    size = 0
    try:
        reader = PdfReader(path)
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1])
            if size > MAX_TEXT_CHARS:
                break
    except LimitReachedError as exc:
        raise CvReadError(f"the PDF {path.name} unpacks to more than a CV can hold: {_LIMITS}") from exc
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, RecursionError, MemoryError) as exc:
        raise CvReadError(f"cannot read the PDF {path.name}: {_one_line(exc)}") from exc
    text = "\n".join(pages)
    if sum(ch.isalpha() for ch in text) < _MIN_PDF_LETTERS:
        raise ScannedPdfError(
            f"{path.name} has no text layer (a scan or image?): export the CV as a text PDF, DOCX or .txt"
        )
    return text


def _check_docx_zip(path: Path) -> None:
    """Refuse a zip bomb (by the members' declared sizes, before unpacking) and XML entity declarations."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
                raise CvReadError(
                    f"the DOCX {path.name} unpacks to more than {MAX_UNZIPPED_BYTES // 2**20} MB "
                    f"(a zip bomb?): {_LIMITS}"
                )
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    with archive.open(member) as handle:
                        head = handle.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise CvReadError(
                            f"the DOCX {path.name} declares XML entities, which Word never writes: refused"
                        )
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise CvReadError(f"cannot read the DOCX {path.name}: {_one_line(exc)}") from exc


def _read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    _check_docx_zip(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, LxmlError, zipfile.BadZipFile) as exc:
        raise CvReadError(f"cannot read the DOCX {path.name}: {_one_line(exc)}") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)
