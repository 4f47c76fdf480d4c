"""The help text: what the mentor can do for this person's role, built from the tool registry."""

from __future__ import annotations

from bot.tools.registry import offered

_INTRO = {"zh": "我是 Mentor，你的学习助手。你可以这样问我：", "en": "I'm Mentor, your learning assistant. You can ask me:"}
_OUTRO = {"zh": "测验中随时可以说“退出测验”；需要确认的操作会先给你预览。",
          "en": "During a quiz you can say \"stop the quiz\" at any time; changes are previewed before you confirm."}


def help_text(language: str, role: str = "employee") -> str:
    """One line per tool the role is offered: what it does and an example request."""
    zh = language == "zh"
    lines = [_INTRO["zh" if zh else "en"]]
    for tool in offered(role):
        if not tool.routable or not tool.examples:
            continue
        example = tool.examples[0][0 if zh else 1]
        about = tool.about_zh if zh else tool.about_en.rstrip(".")
        lines.append(f"- {about}：“{example}”" if zh else f"- {about}: \"{example}\"")
    lines.append(_OUTRO["zh" if zh else "en"])
    return "\n".join(lines)


def short_help(language: str, role: str = "employee") -> str:
    """One line of what the mentor can do, added when a message matched nothing it knows."""
    names = [t.about_zh if language == "zh" else t.about_en.split(":")[0].split(";")[0].rstrip(".").lower()
             for t in offered(role) if t.routable and t.examples][:6]
    if language == "zh":
        return "我还能帮你：" + "；".join(names) + "。说“帮助”看示例。"
    return "I can also help with: " + "; ".join(names) + ". Say \"help\" for examples."
