"""cdk_events.aws.inspector: Amazon Inspector (Classic) assessment templates, import-only (the
`aws_cdk.aws_inspector` counterpart: the L1 classes and `AssessmentTemplate.from_cfn_assessment_template`)."""

from typing import TYPE_CHECKING

from ...core._public import lazy_exports

if TYPE_CHECKING:
    from ._assessment_template import AssessmentTemplate, IAssessmentTemplate
    from ._cfn_generated import CfnAssessmentTemplate

__all__ = ["AssessmentTemplate", "CfnAssessmentTemplate", "IAssessmentTemplate"]

lazy_exports(globals(), {
    "AssessmentTemplate": "._assessment_template",
    "IAssessmentTemplate": "._assessment_template",
    "CfnAssessmentTemplate": "._cfn_generated",
})
