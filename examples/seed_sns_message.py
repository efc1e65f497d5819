"""The seed example of the aws-events README: a CodeCommit commit rule that publishes to an SNS topic.

`repo.on_commit(...)` creates a rule for pushes to `master`; the first `SnsTopic` target gets a
text message built from the event (`codecommit.ReferenceEvent` fields become input-transformer
placeholders), the second an object whose `DataType` embeds the event's `detail-type`.
"""

from cdk_events import EventField, RuleTargetInput, targets
from cdk_events.aws import codecommit, sns
from cdk_events.core import App, Stack

app = App()
stack = Stack(app, "SeedSnsStack")

repo = codecommit.Repository(stack, "Repo", repository_name="my-repo")
topic = sns.Topic(stack, "Topic")

on_commit_rule = repo.on_commit("OnCommit", branches=["master"])
on_commit_rule.add_target(targets.SnsTopic(topic, message=RuleTargetInput.from_text(
    f"A commit was pushed to the repository {codecommit.ReferenceEvent.repository_name} "
    f"on branch {codecommit.ReferenceEvent.reference_name}")))

# A second rule for the same pushes, with a JSON message.
data_type_rule = repo.on_commit("OnCommitDataType", branches=["master"])
data_type_rule.add_target(targets.SnsTopic(topic, message=RuleTargetInput.from_object({
    "DataType": f"custom_{EventField.from_path('$.detail-type')}",
})))

app.synth()
