"""The default complaint catalogue, deadlines, calendar and spike settings."""
