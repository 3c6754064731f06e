#!/usr/bin/env python3
"""Writes the small hand-made PDFs the bad-input tests use into tests/data/bad/.

Each is a minimal, valid-by-construction PDF (correct xref offsets) unless it
is meant to be broken. Run again to regenerate the same bytes; the outputs are
committed so the tests need nothing but this repository. The two encrypted
fixtures were made once from text.pdf with qpdf (not a build dependency):
  qpdf --encrypt secret secret 256 -- bad/text.pdf bad/encrypted.pdf
  qpdf --encrypt "" owner 256 -- bad/text.pdf bad/encrypted-no-user-password.pdf
"""
import os
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bad")


def pdf(objects):
    """objects: list of bytes bodies for objects 1..n; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_page_pdf(lines, size=(595, 842)):
    content = b"BT /F1 12 Tf 72 %d Td 14 TL\n" % (size[1] - 72)
    for line in lines:
        content += b"(" + line.encode("latin-1") + b") Tj T*\n"
    content += b"ET"
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % size,
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    write("text.pdf", text_page_pdf(["Budget 2023", "Total 362.62"]))
    # A page tree that holds no page at all.
    write("zero-pages.pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]))
    # One page of 20000 x 20000 points: rendering it naively would need
    # gigabytes; the program must refuse to allocate that.
    write("huge-page.pdf", text_page_pdf(["A very large page"], size=(20000, 20000)))
    # Every page a blank (white) image and no text: a scan of nothing.
    img = zlib.compress(b"\xff" * (64 * 64))
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(3))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count 3 >>"]
    img_obj = 3 + 2 * 3
    for i in range(3):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (4 + 2 * i, img_obj))
        objs.append(stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q"))
    objs.append(stream(img, b"/Type /XObject /Subtype /Image /Width 64 /Height 64 "
                            b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"))
    write("blank-images.pdf", pdf(objs))
    # A real header, then the file stops: what an interrupted download leaves.
    whole = text_page_pdf(["Interrupted download"] * 20)
    write("truncated.pdf", whole[: len(whole) // 3])
    # Only a header and garbage.
    write("header-only.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4)
    write("page.html.pdf", b"<!DOCTYPE html>\n<html><head><title>404</title></head>"
                           b"<body>Not found</body></html>\n")
    write("empty.pdf", b"")
    write("notes.txt.pdf", "预算说明：本表无数据。\n".encode("utf-8"))
    # Many pages of text, for the page limit.
    n = 300
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
            stream(b"BT /F1 12 Tf 72 770 Td (Page text 1.00) Tj ET")]
    for i in range(n):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + n))
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    write("many-pages.pdf", pdf(objs))


if __name__ == "__main__":
    main()
