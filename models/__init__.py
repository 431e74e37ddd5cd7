"""The hotline floor's domain: plain typed objects and their rules; no Qt, no ZeroMQ."""
