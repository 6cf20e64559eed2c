"""The app's screens: the three-pane main screen and the key help."""
