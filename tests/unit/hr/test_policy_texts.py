"""The default policy's clause texts load whole (a comma inside a YAML flow mapping once cut them short) and its
Chinese texts use full-width punctuation."""

from pydantic import BaseModel

from hr.policy import load_policy
from hr.policy.model import DEFAULT_POLICY_FILE
from tests.unit.test_zh_punctuation import HALF_WIDTH_NEXT_TO_CJK


def _sections(model: BaseModel, path: str = "policy"):
    """Every nested policy model with its dotted path."""
    yield path, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _sections(value, f"{path}.{name}")
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield from _sections(item, f"{path}.{name}.{key}")


def test_no_clause_text_is_split_into_stray_keys() -> None:
    policy = load_policy(DEFAULT_POLICY_FILE)
    stray = {path: sorted(k for k, v in (model.model_extra or {}).items() if v is None)  # "≥ 90 is excellent": None
             for path, model in _sections(policy)}
    stray = {path: keys for path, keys in stray.items() if keys}
    assert stray == {}
    assert policy.specialist.satisfaction_score.text_en.endswith("≥ 90 is excellent")
    assert policy.specialist.exam_pass_rate.text_zh.endswith("≥95%为优秀")


def test_chinese_clause_texts_use_full_width_punctuation() -> None:
    policy = load_policy(DEFAULT_POLICY_FILE)
    texts = {path: model.text_zh for path, model in _sections(policy) if getattr(model, "text_zh", None)}
    assert texts and {path: text for path, text in texts.items() if HALF_WIDTH_NEXT_TO_CJK.search(text)} == {}
