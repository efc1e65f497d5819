"""Shared by the service-module tests: `aws_support` (in this folder) holds their helpers."""
