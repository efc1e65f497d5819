"""Shared by the Scheduler / Pipes tests: `scheduler_support` (in this folder) holds their helpers."""
