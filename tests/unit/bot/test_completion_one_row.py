"""A completion report narrowed to one department or course ("only R&D" after the table) leads with that row's
figure and says its scope; it led with the whole report's total and "Scope: the whole company"."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.present.analytics import render_completion
from bot.present.names import Names
from hr.rules.rates import Rate

NAMES = Names({}, {"rnd": ("研发部", "R&D"), "sales": ("销售部", "Sales")})
REPORT = SimpleNamespace(by="department", period="2026", total=Rate(457, 556),
                         rows=[SimpleNamespace(key="rnd", completion=Rate(104, 131)),
                               SimpleNamespace(key="sales", completion=Rate(107, 143))])


@pytest.mark.parametrize(("language", "wanted"), [("en", "training completion · R&D**: 79.4% (104/131)"),
                                                  ("zh", "培训完成率 · 研发部**：79.4%（104/131）")])
def test_one_row_asked_for_leads_the_reply(language, wanted):
    row = REPORT.rows[0]
    text = render_completion(REPORT, [row], NAMES, language, "Scope: R&D.", row)
    assert wanted in text.splitlines()[0]


def test_the_whole_table_leads_with_its_total():
    text = render_completion(REPORT, REPORT.rows, NAMES, "en", "Scope: the whole company.")
    assert text.splitlines()[0] == "**2026 training completion by department**: total 82.2% (457/556)"


def test_a_table_names_its_lowest_and_highest_part():
    report = SimpleNamespace(by="department", period="2026", total=Rate(60, 100),
                             rows=[SimpleNamespace(key="corp", completion=Rate(60, 100)),
                                   SimpleNamespace(key="rnd", completion=Rate(10, 40)),
                                   SimpleNamespace(key="sales", completion=Rate(30, 40)),
                                   SimpleNamespace(key="fin", completion=Rate(20, 20))])
    text = render_completion(report, report.rows, NAMES, "zh", "范围：全公司。")
    assert text.splitlines()[1] == "最低：研发部 25.0%；最高：fin 100.0%"  # the head office row is the total again
