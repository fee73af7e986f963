"""The Qt desktop: windows, models over the core, background workers, dialogs."""
