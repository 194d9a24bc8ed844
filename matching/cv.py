"""Read a CV into plain text: PDF (pypdf), DOCX (python-docx), Markdown and plain text.

A scanned PDF has pages but no text layer; ranking it would silently match nothing, so it raises
`ScannedPdfError` with a message that says what to do instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from matching.errors import CvReadError, ScannedPdfError

# Fewer letters than this in a whole PDF means there is no usable text layer.
_MIN_PDF_LETTERS = 40
_MD_MARKUP = re.compile(r"(^\s{0,3}#{1,6}\s*|[*_`]{1,3}|^\s*[-+]\s+|!?\[([^\]]*)\]\([^)]*\))", re.MULTILINE)


def read_cv(path: Path | str) -> str:
    """The CV's text; raises CvReadError (or ScannedPdfError) with a one-line reason."""
    path = Path(path)
    if not path.is_file():
        raise CvReadError(f"CV not found: {path}")
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
    if not text.strip():
        raise CvReadError(f"the CV {path.name} has no text")
    return text


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
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, OSError, ValueError) as exc:
        raise CvReadError(f"cannot read the PDF {path.name}: {exc}") from exc
    if sum(ch.isalpha() for ch in text) < _MIN_PDF_LETTERS:
        raise ScannedPdfError(
            f"{path.name} has no text layer (a scan or image?): export the CV as a text PDF, DOCX or .txt"
        )
    return text


def _read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise CvReadError(f"cannot read the DOCX {path.name}: {exc}") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)
