"""Headless subcommands of main.py; each module owns one subcommand."""
