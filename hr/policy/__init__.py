"""The KPI policy: a YAML file HR edits, loaded into a typed model the rules read."""

from hr.policy.model import Policy, load_policy

__all__ = ["Policy", "load_policy"]
