"""What every screen reuses: the Qt bridge over the client library, the base table model,
remembered preferences and the screen contract the shell relies on."""
