"""Cross-account: a CodeCommit repository in account 111111111111 (us-west-1) triggers a CodeBuild
project in account 222222222222 (us-east-1) — the aws-events README example.

cdk-events wires it as the CDK does: the rule in Stack1 targets Stack2's default event bus (with
a role, because the regions differ), Stack2 gets a copy of the rule with the project as target,
and a support stack `EventBusPolicy-111111111111-us-east-1-222222222222` lets account
111111111111 put events on that bus. Deploy the support stack and Stack2 before Stack1 (the
manifest's dependencies say so).
"""

from cdk_events.aws import codebuild, codecommit
from cdk_events.core import App, Environment, Stack
from cdk_events.targets import CodeBuildProject

app = App()
account1 = "111111111111"  # the seed writes 11-digit accounts: an account id has 12 digits
account2 = "222222222222"

stack1 = Stack(app, "Stack1", env=Environment(account=account1, region="us-west-1"))
repo = codecommit.Repository(stack1, "Repository", repository_name="myrepository")

stack2 = Stack(app, "Stack2", env=Environment(account=account2, region="us-east-1"))
# the seed leaves the project's props open (`{ /* ... */ }`): a build spec is the least a project needs
project = codebuild.Project(stack2, "Project", build_spec=codebuild.BuildSpec.from_object(
    {"version": "0.2", "phases": {"build": {"commands": ["./build.sh"]}}}))

repo.on_commit("OnCommit", target=CodeBuildProject(project))

app.synth()
