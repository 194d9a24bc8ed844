"""Hostile CV files: a zip-bomb DOCX, a billion-laughs DOCX and a PDF decompression bomb end in one
line, quickly and without unpacking the bomb (issue 14 item 11)."""

from __future__ import annotations

import resource
import zipfile
import zlib
from pathlib import Path

import pytest

from matching.cv import read_cv
from matching.errors import CvReadError
from tests.test_match_cv import CVS


def _docx_with(tmp_path: Path, name: str, document_xml: bytes) -> Path:
    """A DOCX made from the fixture CV with word/document.xml replaced."""
    path = tmp_path / name
    with zipfile.ZipFile(CVS / "cv.docx") as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = document_xml if item.filename == "word/document.xml" else src.read(item)
            dst.writestr(item.filename, data)
    return path


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_zip_bomb_docx_is_refused_before_unpacking(tmp_path: Path) -> None:
    # 200 MB of spaces inside the document (the bound is 100 MB) compresses to well under 1 MB.
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(CVS / "cv.docx") as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                dst.writestr(item.filename, src.read(item))
        with dst.open("word/document.xml", "w", force_zip64=True) as handle:
            block = b" " * (1 << 20)
            for _ in range(200):
                handle.write(block)
    assert path.stat().st_size < 10 * 2**20
    before = _max_rss_mb()
    with pytest.raises(CvReadError) as info:
        read_cv(path)
    message = str(info.value)
    assert "zip bomb" in message and "20 MB" in message and "\n" not in message
    assert _max_rss_mb() - before < 200


def test_billion_laughs_docx_is_refused(tmp_path: Path) -> None:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    ]
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [' + "".join(entities) + "]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
        "<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    with pytest.raises(CvReadError) as info:
        read_cv(_docx_with(tmp_path, "laughs.docx", xml))
    assert "entities" in str(info.value) and "\n" not in str(info.value)


def test_pdf_decompression_bomb_ends_in_one_line(tmp_path: Path) -> None:
    # One page whose content stream inflates to 200 MB of spaces (pypdf stops at 75 MB).
    z = zlib.compressobj(1)
    chunk = b" " * (1 << 20)
    stream = b"".join(z.compress(chunk) for _ in range(200)) + z.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length "
        + str(len(stream)).encode()
        + b" /Filter /FlateDecode >>\nstream\n"
        + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bytes(out))
    before = _max_rss_mb()
    with pytest.raises(CvReadError) as info:
        read_cv(path)
    assert "\n" not in str(info.value)
    assert _max_rss_mb() - before < 500


def test_a_huge_text_cv_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(b"python developer " * (2 * 2**20))
    with pytest.raises(CvReadError, match="20 MB of text"):
        read_cv(path)
