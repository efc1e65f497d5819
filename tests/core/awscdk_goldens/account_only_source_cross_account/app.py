import aws_cdk as cdk
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_sqs as sqs

app = cdk.App()
source = cdk.Stack(app, "Source", env={"account": "111111111111"})
target = cdk.Stack(app, "Target", env={"account": "222222222222", "region": "eu-west-1"})
rule = events.Rule(source, "Rule", rule_name="source-rule", schedule=events.Schedule.rate(cdk.Duration.hours(1)))
rule.add_target(targets.SqsQueue(sqs.Queue(target, "Queue")))
app.synth()
