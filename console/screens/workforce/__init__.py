"""The workforce tab: the S1 monthly planning formula and the volume forecast (issue 18)."""
