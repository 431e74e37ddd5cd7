"""The screens the shell adds."""
