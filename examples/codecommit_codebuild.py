"""Start a CodeBuild project on every commit to the `master` branch of a CodeCommit repository
(the aws-events README's first example), passing the commit id to the build."""

from cdk_events import EventField, RuleTargetInput
from cdk_events.aws import codebuild, codecommit
from cdk_events.core import App, Stack
from cdk_events.targets import CodeBuildProject

app = App()
stack = Stack(app, "CommitBuildStack")

repo = codecommit.Repository(stack, "MyRepo", repository_name="aws-cdk-events")
# as the seed writes it: an owned project built from the repository (its buildspec.yml)
project = codebuild.Project(stack, "MyProject", source=codebuild.Source.code_commit(repository=repo))

repo.on_commit("OnCommit", branches=["master"], target=CodeBuildProject(
    project,
    event=RuleTargetInput.from_object({"sourceVersion": EventField.from_path("$.detail.commitId")}),
))

app.synth()
