"""Generate the sample knowledge base's PDF and DOCX documents, byte for byte the same on every run.

Run `python -m knowledge.samples.make_binaries` to (re)write them, or add `--check` to verify that the committed
files still match what this script produces (exit code 1 when they differ). The PDF is English and uses a core
PDF font, so no font file is needed on any machine; the DOCX is Chinese (Word files carry no fonts).
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

KB_DIR = Path(__file__).resolve().parent / "kb"
PDF_PATH = KB_DIR / "handbook" / "performance-review-guide.pdf"
DOCX_PATH = KB_DIR / "courses" / "data-101-data-analysis.docx"
FIXED_TIME = datetime(2026, 1, 5, 9, 0, 0, tzinfo=UTC)  # a constant date keeps the output reproducible
ZIP_TIME = (2026, 1, 5, 9, 0, 0)


@dataclass(frozen=True)
class Section:
    """One heading with its paragraphs; level 1 is a chapter, level 2 a section inside it."""

    level: int
    heading: str
    paragraphs: tuple[str, ...] = ()


# One list per PDF page: the page number is part of each chunk's citation, so the split is deliberate.
PERFORMANCE_GUIDE_PAGES: tuple[tuple[Section, ...], ...] = (
    (
        Section(
            1,
            "1. The performance review cycle",
            (
                "Every employee who has passed probation takes part in two formal reviews a year: a mid-year "
                "review in July and a year-end review in January. Employees still on probation are reviewed at "
                "the end of probation instead.",
                "Quarterly check-ins between the employee and the direct manager keep goals current between the "
                "two formal reviews. Goals agreed at a check-in are recorded in the HR system within one week.",
            ),
        ),
        Section(
            2,
            "1.1 Timeline of the year-end review",
            (
                "Week 1: employees write a self-assessment against their goals. Week 2: managers collect peer "
                "feedback from two to four colleagues chosen together with the employee. Week 3: managers propose "
                "ratings. Week 4: calibration meetings. Week 5: managers hold review conversations and the results "
                "are released in the HR system.",
            ),
        ),
        Section(
            1,
            "2. Goals",
            (
                "Each employee has three to five goals per half-year. Goals follow the SMART rule: specific, "
                "measurable, achievable, relevant and time-bound. At least one goal should describe a skill the "
                "employee wants to build, usually linked to a course in the training catalogue.",
            ),
        ),
    ),
    (
        Section(
            1,
            "3. Rating scale",
            (
                "Overall performance is rated on a five-point scale: 5 Outstanding, 4 Exceeds expectations, "
                "3 Meets expectations, 2 Partially meets expectations, 1 Does not meet expectations.",
                "To keep ratings fair across teams, the company uses a guideline distribution: about 10 percent "
                "of employees rated 5, about 20 percent rated 4, about 60 percent rated 3 and about 10 percent "
                "rated 2 or 1. The distribution is a guide for calibration, not a quota for small teams.",
            ),
        ),
        Section(
            2,
            "3.1 How the score is built",
            (
                "The overall score combines goal results (70 percent), values and behaviours (15 percent) and "
                "training (15 percent). The training part follows the Training-Performance Linkage Policy: "
                "the on-time completion rate of assigned courses counts for 10 percent and the first-attempt "
                "exam pass rate for 5 percent.",
            ),
        ),
        Section(
            1,
            "4. Calibration",
            (
                "In calibration meetings the managers of a department review proposed ratings together with the "
                "HR business partner, compare evidence across teams, and agree final ratings. A manager may not "
                "tell an employee a rating before calibration has finished.",
            ),
        ),
    ),
    (
        Section(
            1,
            "5. Outcomes of the review",
            (
                "Ratings feed into the annual salary review and the bonus. Employees rated 4 or 5 in two "
                "consecutive year-end reviews are eligible to be nominated for promotion, provided their training "
                "completion rate over the last 12 months is at least 90 percent.",
            ),
        ),
        Section(
            2,
            "5.1 Performance improvement plan",
            (
                "An employee rated 1, or rated 2 twice in a row, is placed on a performance improvement plan "
                "(PIP) that lasts 60 days. The plan lists specific targets, the support the company will give, "
                "and weekly check-ins. The HR business partner must approve a plan before it starts.",
            ),
        ),
        Section(
            1,
            "6. Disagreeing with a rating",
            (
                "An employee who disagrees with a final rating may file an appeal in the HR system within 10 "
                "working days of the results being released. The appeal is reviewed by the next-level manager "
                "and the HR business partner, who answer in writing within 15 working days.",
            ),
        ),
    ),
)


DATA_COURSE: tuple[Section, ...] = (
    Section(
        1,
        "数据分析基础（DATA-101）",
        (
            "本课程为文档课程，属于选修课程，全体员工均可在培训系统中自主报名，约3学时，应在报名后90天内完成。课程介绍日常工作中最常用的数据分析方法，"
            "完成课后练习并通过测验后可获得结业证书。",
        ),
    ),
    Section(
        2,
        "第一单元 数据分析的基本流程",
        (
            "一次完整的数据分析通常包括五个步骤：明确问题、获取数据、清洗数据、分析与可视化、得出结论并提出建议。"
            "动手之前先把业务问题写成一句话，例如“上季度哪个区域的客户流失最多，原因是什么”。",
        ),
    ),
    Section(
        2,
        "第二单元 数据清洗",
        (
            "清洗数据时重点检查四类问题：缺失值、重复记录、格式不一致（例如日期写法不同）和明显异常的数值。"
            "处理缺失值前先弄清缺失原因，不要直接删除整行数据。清洗步骤要记录下来，保证别人能够复现你的结果。",
        ),
    ),
    Section(
        2,
        "第三单元 描述性统计",
        (
            "平均数容易受到极端值影响。当数据分布偏斜时（例如收入、订单金额），应同时报告中位数。"
            "描述数据的离散程度可以使用标准差或四分位距。",
        ),
    ),
    Section(
        2,
        "第四单元 图表的选择",
        (
            "比较不同类别的数值用柱状图，展示随时间变化的趋势用折线图，显示两个变量之间的关系用散点图。"
            "饼图只适合展示不超过5个部分的占比。图表必须有标题、坐标轴名称和数据来源。",
        ),
    ),
    Section(
        2,
        "第五单元 相关与因果",
        (
            "两个指标同时上升，只说明它们相关，并不说明一个导致了另一个。例如，参加培训的员工绩效更高，"
            "也可能是因为绩效好的员工更愿意报名培训。要判断因果关系，需要对照组实验或更严谨的分析方法。",
        ),
    ),
    Section(
        2,
        "第六单元 数据安全",
        (
            "分析中使用的员工或客户个人信息属于机密或限制级数据，须按照信息安全基础（SEC-101）的要求处理。"
            "对外分享分析结果前，应先对数据进行脱敏或汇总，单个统计组的人数少于5人时不得单独展示。",
        ),
    ),
)

DATA_COURSE_TABLE: tuple[tuple[str, str], ...] = (
    ("分析目的", "推荐图表"),
    ("比较类别", "柱状图"),
    ("时间趋势", "折线图"),
    ("变量关系", "散点图"),
    ("构成占比（不超过5项）", "饼图"),
)


def build_pdf() -> bytes:
    """The English performance review guide, three pages, core Helvetica font (Latin-1 text only)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title("Performance Review Guide")
    pdf.set_author("Human Resources")
    pdf.set_subject("How performance reviews, ratings and calibration work")
    pdf.set_keywords("audience=all; lang=en")
    pdf.set_creator("knowledge/samples/make_binaries.py")
    pdf.set_producer("fpdf2")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    for page_number, sections in enumerate(PERFORMANCE_GUIDE_PAGES, start=1):
        pdf.add_page()
        if page_number == 1:
            pdf.set_font("Helvetica", "B", 18)
            pdf.multi_cell(0, 10, "Performance Review Guide", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 6, "Human Resources - applies to all employees", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        for section in sections:
            pdf.set_font("Helvetica", "B", 14 if section.level == 1 else 12)
            pdf.multi_cell(0, 8, section.heading, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 11)
            for paragraph in section.paragraphs:
                pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
            pdf.ln(2)
        pdf.set_auto_page_break(auto=False)  # the footer sits inside the bottom margin
        pdf.set_y(-15)
        pdf.set_font("Helvetica", "I", 8)
        pdf.cell(0, 10, f"Page {page_number} of {len(PERFORMANCE_GUIDE_PAGES)}", align="C")
        pdf.set_auto_page_break(auto=True, margin=20)
    return bytes(pdf.output())


def build_docx() -> bytes:
    """The Chinese DATA-101 course handout with real Word heading styles and one table."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = "数据分析基础（DATA-101）"
    props.subject = "Course handout: Data Analysis Basics"
    props.keywords = "course=DATA-101; audience=all; lang=zh"
    props.author = "人力资源部"
    props.last_modified_by = "人力资源部"
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    props.last_printed = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    for section in DATA_COURSE:
        document.add_heading(section.heading, level=section.level)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
        if section.heading.startswith("第四单元"):
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for left, right in DATA_COURSE_TABLE:
                cells = table.add_row().cells
                cells[0].text = left
                cells[1].text = right
    raw = io.BytesIO()
    document.save(raw)
    return _normalise_zip(raw.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and order so identical content gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def outputs() -> dict[Path, bytes]:
    """Every generated file and its expected bytes."""
    return {PDF_PATH: build_pdf(), DOCX_PATH: build_docx()}


def main(argv: list[str] | None = None) -> int:
    """Write the files, or with --check report any that differ from what would be generated."""
    parser = argparse.ArgumentParser(description="Generate the sample knowledge base's PDF and DOCX files.")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if a committed file is stale")
    args = parser.parse_args(argv)
    stale: list[Path] = []
    for path, content in outputs().items():
        if args.check:
            if not path.is_file() or path.read_bytes() != content:
                stale.append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        print(f"wrote {path} ({len(content)} bytes)")
    for path in stale:
        print(
            f"stale: {path} differs from the generator; run python -m knowledge.samples.make_binaries", file=sys.stderr
        )
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
