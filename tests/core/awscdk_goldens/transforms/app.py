import aws_cdk as cdk
from aws_cdk import aws_sqs as sqs

app = cdk.App()
a = cdk.Stack(app, "A")
a.add_transform("AWS::Serverless-2016-10-31")
sqs.CfnQueue(a, "Q")
b = cdk.Stack(app, "B")
b.template_options.transforms = ["AWS::Serverless-2016-10-31"]
sqs.CfnQueue(b, "Q")
c = cdk.Stack(app, "C")
c.add_transform("X1")
c.add_transform("X2")
sqs.CfnQueue(c, "Q")
app.synth()
