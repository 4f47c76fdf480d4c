"""Slack and WeCom cannot draw markdown tables: each row becomes a bullet whose cells are named by their column."""

from adapters.slack.render import to_mrkdwn
from adapters.table_text import flatten_tables
from adapters.wecom.render import reply_markdown
from bot.messages import BotReply

ZH = """**2026Q4 培训完成率（按部门）**，合计 65.1%（97/149）

| 名称 | 完成率 | 已完成/应完成 |
|---|---|---|
| 研发部 | 51.2% | 22/43 |
| 财务部 | 无数据 | 0/0 |

口径：完成率 = …"""
EN = "| Course | Pass rate | Attempts |\n|:---|---:|---|\n| SEC-101 Information Security Basics | 93.2% (41/44) | 53 |"


def test_rows_become_bullets_with_their_column_names_in_the_tables_language():
    flat = flatten_tables(ZH)
    assert "• 研发部：完成率 51.2%；已完成/应完成 22/43" in flat and "• 财务部：完成率 无数据；已完成/应完成 0/0" in flat
    assert "|" not in flat and flat.startswith("**2026Q4") and flat.endswith("口径：完成率 = …")
    assert flatten_tables(EN) == "• SEC-101 Information Security Basics: Pass rate 93.2% (41/44); Attempts 53"


def test_text_without_a_table_is_unchanged():
    text = "a | b is not a table\n|just a pipe|\nno rule line"
    assert flatten_tables(text) == text


def test_slack_and_wecom_show_rows_not_pipes():
    assert "• 研发部：完成率 51.2%" in to_mrkdwn(ZH) and "|---|" not in to_mrkdwn(ZH)
    wecom = reply_markdown(BotReply(text=ZH))
    assert "• 研发部：完成率 51.2%" in wecom and "|---|" not in wecom
