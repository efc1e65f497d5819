"""Assertions on synthesized CloudFormation, with the API of ``aws_cdk.assertions``.

A unit-test module written for ``aws_cdk.assertions`` runs unchanged after
``from cdk_events.assertions import Template, Match, Capture, Annotations``.
Failed assertions raise ``AssertionError`` with the AWS CDK's message texts.
"""

from ._annotations import Annotations, MetadataEntry, SynthesisMessage
from ._capture import Capture
from ._match import Match
from ._matcher import MatchCapture, Matcher, MatchFailure, MatchResult
from ._tags import Tags
from ._template import Template

__all__ = [
    "Annotations",
    "Capture",
    "Match",
    "MatchCapture",
    "MatchFailure",
    "MatchResult",
    "Matcher",
    "MetadataEntry",
    "SynthesisMessage",
    "Tags",
    "Template",
]

for _name in __all__:
    globals()[_name].__module__ = __name__
del _name
