"""QA in the window: the QA panel, checks run off the UI thread, the grid's QA filter."""
