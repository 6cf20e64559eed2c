"""The app's panes and lines: issue list, article list, article view, status bar."""
