"""English names for common Chinese department names, since HR records hold only the Chinese one."""

from __future__ import annotations

# Longest match first: "客户服务" before "服务". A generic vocabulary, not one organisation's list.
_ZH_TO_EN = [
    ("人力资源", "Human Resources"), ("信息技术", "IT"), ("客户服务", "Customer Service"), ("研发", "R&D"),
    ("销售", "Sales"), ("市场", "Marketing"), ("运营", "Operations"), ("财务", "Finance"), ("法务", "Legal"),
    ("采购", "Procurement"), ("行政", "Administration"), ("生产", "Production"), ("质量", "Quality"),
    ("物流", "Logistics"), ("总部", "Headquarters"), ("客服", "Customer Service"), ("产品", "Product"),
]


def english_department_name(name_zh: str) -> str:
    """The usual English name of a Chinese department name ("销售部" -> "Sales"); "" when unknown."""
    for zh, en in _ZH_TO_EN:
        if zh in name_zh:
            return en
    return ""
