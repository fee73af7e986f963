"""Plumbing written once: atomic writes, safe XML parsing, SQLite opening, safe input reading."""
