"""The audit viewer: who did what to whom, when, why, with what result (VIEW_AUDIT)."""
