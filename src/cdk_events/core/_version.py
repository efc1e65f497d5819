"""The version of cdk-events (written into tree.json's construct info; `cdk_events.__version__`)."""

VERSION = "0.1.0"
