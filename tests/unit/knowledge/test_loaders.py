"""Every supported format loads with title, headings and pages; bad files fail with one clear reason."""

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from knowledge.document import LoadError
from knowledge.loaders import load_file


def _pdf(path, pages):
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    pdf.set_title("Travel Guide")
    pdf.set_keywords("course=SEC-101; audience=all")
    pdf.output(str(path))


def test_markdown_heading_path_and_front_matter(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("---\ntitle: Leave\naudience: [hr]\n---\n# Leave\n## Annual\n### Carry over\nUp to 5 days.\n",
                    encoding="utf-8")
    doc = load_file(path)
    assert doc.title == "Leave" and doc.meta["audience"] == ["hr"]
    assert doc.blocks[0].heading_path == ("Annual", "Carry over")


def test_html_drops_scripts_and_keeps_headings(tmp_path):
    path = tmp_path / "p.html"
    path.write_text("<html><head><title>福利</title><script>x()</script></head><body><h2>餐补</h2>"
                    "<p>每天补贴30元。</p></body></html>", encoding="utf-8")
    doc = load_file(path)
    assert doc.title == "福利" and doc.blocks[0].heading_path == ("餐补",) and "x()" not in doc.blocks[0].text


def test_gb18030_text_file(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("培训管理规定\n第一章 总则\n员工每年须完成40学时培训。".encode("gb18030"))
    doc = load_file(path)
    assert doc.title == "培训管理规定" and doc.blocks[-1].heading_path == ("第一章 总则",)


def test_pdf_pages_and_keywords(tmp_path):
    path = tmp_path / "guide.pdf"
    _pdf(path, ["Per diem is 50 dollars.", "Receipts are due in 30 days."])
    doc = load_file(path)
    assert doc.title == "Travel Guide" and [b.page for b in doc.blocks] == [1, 2]
    assert doc.meta["course"] == "SEC-101"


def test_docx_headings_and_tables(tmp_path):
    path = tmp_path / "c.docx"
    document = docx.Document()
    document.core_properties.title = "数据分析基础"
    document.add_heading("第一章 指标", level=1)
    document.add_paragraph("完成率等于完成人数除以应完成人数。")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "指标"
    table.rows[0].cells[1].text = "完成率"
    document.save(str(path))
    doc = load_file(path)
    assert doc.title == "数据分析基础" and doc.blocks[0].heading_path == ("第一章 指标",)
    assert "指标 | 完成率" in doc.blocks[0].text


def test_docx_table_stays_under_its_own_heading(tmp_path):
    path = tmp_path / "t.docx"
    document = docx.Document()
    document.add_heading("Allowances", level=2)
    table = document.add_table(rows=2, cols=2)
    for r, (city, amount) in enumerate([("Tier 1 city", "600 yuan"), ("Other city", "400 yuan")]):
        table.rows[r].cells[0].text, table.rows[r].cells[1].text = city, amount
    document.add_heading("Approvals", level=2)
    document.add_paragraph("Trips abroad need the CEO's approval.")
    merged = document.add_table(rows=1, cols=3)
    merged.rows[0].cells[0].merge(merged.rows[0].cells[1]).text = "Spanning"
    merged.rows[0].cells[2].text = "end"
    document.save(str(path))
    blocks = {b.heading_path[-1]: b.text for b in load_file(path).blocks}
    assert "Tier 1 city | 600 yuan" in blocks["Allowances"] and "600 yuan" not in blocks["Approvals"]
    assert "Spanning | end" in blocks["Approvals"]  # a merged cell is read once


@pytest.mark.parametrize("name,content,reason", [
    ("empty.md", b"", "empty"),
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "corrupt"),
    ("broken.docx", b"PK\x03\x04 not a zip", "corrupt"),
    ("data.xlsx", b"whatever", "unsupported"),
    ("binary.txt", b"\x00\x01\x02text", "binary"),
])
def test_bad_files_fail_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=reason):
        load_file(path)


def test_encrypted_pdf_is_refused(tmp_path):
    plain = tmp_path / "plain.pdf"
    _pdf(plain, ["secret"])
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt("pw")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(LoadError, match="encrypted"):
        load_file(locked)


def test_faq_text_splits_per_question(tmp_path):
    path = tmp_path / "faq.txt"
    path.write_text("人事常见问题\n问：工资几号发？\n答：每月15日。\nQ: How do I get a work certificate?\nA: Ask HR.\n",
                    encoding="utf-8")
    doc = load_file(path)
    assert [b.heading_path for b in doc.blocks][-2:] == [("工资几号发？",), ("How do I get a work certificate?",)]
    assert "每月15日" in doc.blocks[-2].text


def test_html_table_rows_keep_cells_apart(tmp_path):
    path = tmp_path / "t.html"
    path.write_text("<html><body><h2>补贴</h2><table><tr><td>交通补贴</td><td>每月300元</td></tr></table></body></html>",
                    encoding="utf-8")
    assert "交通补贴 | 每月300元" in load_file(path).blocks[0].text
