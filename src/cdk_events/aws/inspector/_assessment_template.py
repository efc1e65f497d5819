"""`AssessmentTemplate`: an Inspector assessment template wrapped from its L1 (no owned L2 in the CDK)."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from cdk_events.core import Construct, Node, Resource
from cdk_events.core._prop_checks import check_instance

from ._cfn_generated import CfnAssessmentTemplate


@runtime_checkable
class IAssessmentTemplate(Protocol):
    """An Inspector assessment template (mirrors `aws_inspector.IAssessmentTemplate`)."""

    @property
    def assessment_template_arn(self) -> str: ...

    @property
    def node(self) -> Node: ...


class AssessmentTemplate(Resource):
    """An assessment template (mirrors `aws_inspector.AssessmentTemplate`): only
    `from_cfn_assessment_template` exists, as in aws-cdk-lib."""

    def __init__(self, scope: Construct, id: str, assessment_template_arn: str) -> None:
        super().__init__(scope, id)
        self.assessment_template_arn = assessment_template_arn
        """The template ARN."""

    @staticmethod
    def from_cfn_assessment_template(scope: Construct, id: str,
                                     template: CfnAssessmentTemplate) -> IAssessmentTemplate:
        """The L2 view of an L1 template (its ARN is `Fn::GetAtt Arn`)."""
        check_instance(scope, "template", template, CfnAssessmentTemplate, "a CfnAssessmentTemplate")
        return AssessmentTemplate(scope, id, template.attr_arn)
