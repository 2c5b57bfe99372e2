"""The app as a user installs it: from the wheel into a fresh venv, and as the frozen bundle."""
