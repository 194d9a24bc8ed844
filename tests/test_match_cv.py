"""CV readers: every format gives the same words; a scan gets a one-line error."""

from __future__ import annotations

from pathlib import Path

import pytest

from matching.cv import read_cv
from matching.errors import CvReadError, ScannedPdfError

CVS = Path(__file__).parent / "fixtures" / "cv"


@pytest.mark.parametrize("name", ["cv.pdf", "cv.docx", "cv.md", "cv.txt"])
def test_each_format_yields_the_cv_text(name: str) -> None:
    text = read_cv(CVS / name)
    assert "Backend Developer" in text
    assert "PostgreSQL" in text
    assert "**" not in text and "##" not in text


def test_docx_tables_are_read() -> None:
    assert "AWS Certified Developer" in read_cv(CVS / "cv.docx")


def test_scanned_pdf_raises_a_one_line_error() -> None:
    with pytest.raises(ScannedPdfError) as info:
        read_cv(CVS / "scanned.pdf")
    message = str(info.value)
    assert "no text layer" in message and "\n" not in message


def test_missing_and_unsupported_files(tmp_path: Path) -> None:
    with pytest.raises(CvReadError, match="CV not found"):
        read_cv(tmp_path / "nope.pdf")
    odt = tmp_path / "cv.odt"
    odt.write_bytes(b"x")
    with pytest.raises(CvReadError, match="use PDF, DOCX, Markdown or plain text"):
        read_cv(odt)
