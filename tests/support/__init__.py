"""Test helpers shared by every test package: the tiny copy-model Argos package and its corpus."""
