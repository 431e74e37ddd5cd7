"""switchlink: the headless daemon that drives the switch and serves the consoles; no Qt."""
