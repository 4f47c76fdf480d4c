"""Archives of yearly, per-department versions of one page: the title says which version a passage belongs to."""

from knowledge.ingest import Ingestor
from retrieval.index import _versions_among
from retrieval.tokenize import Tokenizer
from tests.integration.retrieval.conftest import write

BODY = "## 住宿标准\n\n员工出差住宿标准为每晚{v}元，超出部分由个人承担，特殊情况须事先书面审批。\n"


def _archive(root):
    for year, values in ((2022, (500, 600)), (2023, (550, 650)), (2024, (700, 800))):
        for dept, value in zip(("研发部", "销售部"), values, strict=True):
            title = f"{dept}费用管理规定（{year}年版）"
            write(root / str(year) / f"{dept}.md", f"---\ntitle: {title}\n---\n# {title}\n\n" + BODY.format(v=value))


def test_versions_are_recognised_only_when_titles_are_near_twins():
    tokenizer = Tokenizer()

    def titles(*names):
        return {(name, frozenset(tokenizer.tokens(name))) for name in names}

    assert _versions_among(titles("研发部费用管理规定（2022年版）", "研发部费用管理规定（2023年版）", "销售部费用管理规定（2023年版）"))
    assert not _versions_among(titles("请假与休假制度", "Expense Policy", "信息安全基础"))


def test_the_version_whose_title_names_the_year_and_department_comes_first(index, tmp_path):
    _archive(tmp_path / "kb")
    Ingestor(index).ingest([tmp_path / "kb"])
    ranked = index._title_ranking("2023年研发部出差住一晚能报多少？", index._keyword_query("2023年研发部出差住一晚能报多少？", ""), [
        p.chunk_id for p in index.search("出差住宿标准", k=6, mode="bm25")])
    sources = [index.catalog.chunks([cid])[cid].source for cid in ranked]
    assert sources[0] == "2023/研发部.md"
    assert sources[-1].startswith(("2022/", "2024/"))  # another year's version ranks after every 2023 page
    top = index.search("2023年研发部出差住一晚能报多少？", k=1)[0]
    assert top.source == "2023/研发部.md" and "550元" in top.text
