"""What the window and the command line share: making, translating and checking projects."""
