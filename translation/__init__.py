"""Offline machine translation over Argos Translate packages; no Qt."""
