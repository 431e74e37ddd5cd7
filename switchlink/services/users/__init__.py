"""Users, sessions and the audit trail (auth) and the commands over them (commands)."""
