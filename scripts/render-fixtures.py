#!/usr/bin/env python3
"""Render the record fixtures (tests/fixtures/records/<name>.txt) as PDFs the way municipal
documents are made, so the whole pipeline (PDF -> text -> records) is tested on documents
it was not written against: tests/fixtures/rendered/<name>.pdf.

    scripts/render-fixtures.py            # all fixtures
    scripts/render-fixtures.py NAME ...   # some
    SCAN=1 scripts/render-fixtures.py NAME ...   # also NAME-scanned.pdf (OCR layer)

Not needed by referat or its tests (the PDFs are committed); regenerating needs
LibreOffice (writer, impress), fonts-crosextra-carlito, fonts-dejavu, fonts-liberation,
hyphen-da and `pip install python-docx python-pptx`; scans also tesseract-ocr-dan, qpdf,
poppler-utils and `pip install pillow`.

The text of a fixture is its truth: paragraphs become paragraphs, `- ` lines bullets,
`N. ` lines numbered paragraphs with a tab after the label, runs of ` | ` lines real tables,
short lines before a blank line headings, form feeds page breaks (one slide per page for
the slide decks). Each document gets one of four house styles (font, size, justification
with Danish hyphenation, a running header of the lines of `<name>.furniture` (all but page
numbers; a filing stamp is several) or the first line, a
`Side N af M` footer), so producers' differences are exercised, not one layout.
"""
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION  # noqa: F401  (kept for readers extending styles)
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Cm
from pptx import Presentation
from pptx.util import Emu, Pt as PPt

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tests/fixtures/records"
OUT = ROOT / "tests/fixtures/rendered"

# (font as the author chose it, size, justified+hyphenated, line spacing, bullet style)
STYLES = [
    ("Calibri", 11, True, 1.15, "symbol"),
    ("Arial", 10, False, 1.0, "dash"),
    ("Verdana", 10, True, 1.3, "symbol"),
    ("Times New Roman", 12, True, 1.0, "dash"),
]

TABLE = re.compile(r" \| ")
NUMBERED = re.compile(r"^(\d{1,3}\.)\s+(.*)$")


def blocks(text):
    """Paragraph blocks of a fixture page: lists of lines separated by blank lines."""
    out, cur = [], []
    for line in text.split("\n"):
        if line.strip():
            cur.append(line)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def is_heading(block, first):
    line = block[0]
    return (
        not first
        and len(block) == 1
        and len(line) < 70
        and not line.endswith((".", ":", ")"))
        and not line.startswith("- ")
        and not TABLE.search(line)
        and not NUMBERED.match(line)
        and not re.search(r"\d", line[:3])
    )


def set_language(doc, hyphenate):
    styles = doc.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "da-DK")
    rpr.append(lang)
    if hyphenate:
        settings = doc.settings.element
        auto = OxmlElement("w:autoHyphenation")
        settings.append(auto)


def add_field(run, code):
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)


def shade(cell, fill):
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def render_docx(name, text, furniture, style, path):
    font, size, justify, spacing, bullets = style
    doc = Document()
    set_language(doc, justify)
    normal = doc.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    normal.paragraph_format.line_spacing = spacing
    normal.paragraph_format.space_after = Pt(6)
    for s in ("Heading 1", "Heading 2", "Title", "List Bullet"):
        doc.styles[s].font.name = font
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.5)

    # Every line of the furniture but its page numbers (the footer numbers the pages):
    # a filing stamp is several lines ("Beskæftigelsesudvalget 2021-22" / "L 38 Bilag 1"
    # / "Offentligt").
    lines = [f for f in furniture if not re.fullmatch(r"(?:Side\s+)?\d+(?:\s+af\s+\d+|/\d+)?", f.strip())]
    header = lines or [text.split("\n", 1)[0].strip()]
    hp = sec.header.paragraphs[0]
    for k, line in enumerate(header):
        run = hp.add_run(line)
        if k + 1 < len(header):
            run.add_break()
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Side ")
    add_field(fp.add_run(), "PAGE")
    fp.add_run(" af ")
    add_field(fp.add_run(), "NUMPAGES")

    for pno, page in enumerate(text.split("\f")):
        if pno:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for bno, block in enumerate(blocks(page)):
            first = pno == 0 and bno == 0
            if all(TABLE.search(l) for l in block):
                rows = [l.split(" | ") for l in block]
                cols = max(len(r) for r in rows)
                table = doc.add_table(rows=len(rows), cols=cols)
                table.style = "Table Grid"
                for i, r in enumerate(rows):
                    for j in range(cols):
                        cell = table.cell(i, j)
                        cell.text = r[j] if j < len(r) else ""
                        # (A wide table is set smaller, as authors do, so that its
                        # narrow columns do not break words.)
                        if cols >= 6:
                            for run in cell.paragraphs[0].runs:
                                run.font.size = Pt(8)
                        if i == 0:
                            shade(cell, "D9E2F3")
                            for run in cell.paragraphs[0].runs:
                                run.bold = True
                doc.add_paragraph()
                continue
            if first:
                doc.add_paragraph(" ".join(block), style="Title")
                continue
            if is_heading(block, first):
                doc.add_paragraph(block[0], style="Heading 2")
                continue
            for line in block:
                if line.startswith("- "):
                    if bullets == "symbol":
                        p = doc.add_paragraph(line[2:], style="List Bullet")
                    else:
                        p = doc.add_paragraph(f"-\t{line[2:]}")
                        p.paragraph_format.left_indent = Cm(1)
                        p.paragraph_format.first_line_indent = Cm(-0.6)
                elif (m := NUMBERED.match(line)):
                    p = doc.add_paragraph(f"{m.group(1)}\t{m.group(2)}")
                    p.paragraph_format.left_indent = Cm(1)
                    p.paragraph_format.first_line_indent = Cm(-1)
                else:
                    p = doc.add_paragraph(line)
                if justify:
                    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.save(path)


def fill_body(frame, lines):
    """Paragraphs of a slide text frame: `- ` lines as Wingdings bullets, others plain."""
    for i, line in enumerate(lines):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        bullet = line.startswith("- ")
        run = p.add_run()
        run.text = line[2:] if bullet else line
        run.font.name = "Calibri"
        run.font.size = PPt(20)
        ppr = p._p.get_or_add_pPr()
        if bullet:
            bu_font = OxmlElement("a:buFont")
            bu_font.set("typeface", "Wingdings")
            bu_char = OxmlElement("a:buChar")
            bu_char.set("char", "\u00a7")
            ppr.append(bu_font)
            ppr.append(bu_char)
        else:
            ppr.append(OxmlElement("a:buNone"))


def render_pptx(text, path):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)  # 16:9
    layout = prs.slide_layouts[1]
    for no, page in enumerate(text.split("\f"), 1):
        lines = [l for l in page.split("\n") if l.strip()]
        if not lines:
            continue
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = lines[0]
        title_run = slide.shapes.title.text_frame.paragraphs[0].runs[0]
        title_run.font.name = "Calibri"
        if no % 2 == 0:  # expanded letter spacing, as designers set it on titles
            title_run._r.get_or_add_rPr().set("spc", "300")
        rest = lines[1:]
        rows = [l.split(" | ") for l in rest if TABLE.search(l)]
        before = [l for l in rest[: next((k for k, l in enumerate(rest) if TABLE.search(l)), len(rest))]]
        after = rest[len(before) + len(rows):] if rows else []
        body = slide.placeholders[1].text_frame
        body.clear()
        fill_body(body, before)
        if rows:
            # A real table below the body text, as PowerPoint makes it.
            cols = max(len(r) for r in rows)
            top = Emu(1500000 + 450000 * len(before))
            shape = slide.shapes.add_table(len(rows), cols, Emu(600000), top,
                                           prs.slide_width - Emu(1200000), Emu(370000 * len(rows)))
            for i, r in enumerate(rows):
                for j in range(cols):
                    cell = shape.table.cell(i, j)
                    cell.text = r[j] if j < len(r) else ""
                    for para in cell.text_frame.paragraphs:
                        for run in para.runs:
                            run.font.size = PPt(14)
                            run.font.name = "Calibri"
            if after:
                box = slide.shapes.add_textbox(Emu(600000), top + Emu(370000 * len(rows) + 200000),
                                               prs.slide_width - Emu(1200000), Emu(1000000))
                fill_body(box.text_frame, after)
        num = slide.shapes.add_textbox(prs.slide_width - Emu(900000), prs.slide_height - Emu(500000),
                                       Emu(600000), Emu(300000))
        num.text_frame.text = str(no)
    prs.save(path)


def convert(src, outdir):
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(outdir), str(src)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def scan(pdf, out, seed):
    """A scanned copy as an office scanner makes it: 200 dpi grey page images, slightly
    rotated and shifted, specks, blur, JPEG q65, and tesseract's invisible Danish OCR
    layer over each (as beu-bilag-56-scanned.pdf of the corpus was made)."""
    import random
    from PIL import Image, ImageFilter

    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as t:
        t = Path(t)
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(t / "p")], check=True)
        pages = []
        for i, png in enumerate(sorted(t.glob("p-*.png"))):
            im = Image.open(png).convert("L")
            im = im.rotate(rnd.uniform(-0.6, 0.6), resample=Image.BICUBIC, fillcolor=255)
            dx, dy = rnd.randint(-10, 10), rnd.randint(-10, 10)
            im = im.transform(im.size, Image.AFFINE, (1, 0, dx, 0, 1, dy), fillcolor=255)
            px = im.load()
            for _ in range(400):
                px[rnd.randrange(im.width), rnd.randrange(im.height)] = rnd.randint(0, 120)
            im = im.filter(ImageFilter.GaussianBlur(0.6))
            jpg = t / f"s-{i:03}.jpg"
            im.save(jpg, quality=65, dpi=(200, 200))
            base = t / f"o-{i:03}"
            subprocess.run(["tesseract", str(jpg), str(base), "-l", "dan", "pdf"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            pages.append(str(base) + ".pdf")
        subprocess.run(["qpdf", "--empty", "--pages", *pages, "--", str(out)], check=True)


def main(names):
    OUT.mkdir(parents=True, exist_ok=True)
    stems = names or sorted(p.stem for p in SRC.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for i, name in enumerate(stems):
            text = (SRC / f"{name}.txt").read_text(encoding="utf-8")
            furn_path = SRC / f"{name}.furniture"
            furniture = furn_path.read_text(encoding="utf-8").split("\n") if furn_path.exists() else []
            furniture = [f for f in furniture if f.strip()]
            if "slides" in name:
                src = tmp / f"{name}.pptx"
                render_pptx(text, src)
            else:
                src = tmp / f"{name}.docx"
                render_docx(name, text, furniture, STYLES[i % len(STYLES)], src)
            convert(src, tmp)
            (OUT / f"{name}.pdf").write_bytes((tmp / f"{name}.pdf").read_bytes())
            print(f"{name}.pdf")
            if os.environ.get("SCAN"):
                scan(OUT / f"{name}.pdf", OUT / f"{name}-scanned.pdf", seed=i)
                print(f"{name}-scanned.pdf")


if __name__ == "__main__":
    main(sys.argv[1:])
