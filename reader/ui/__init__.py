"""The Textual reading app: the only part of kanbao that imports Textual."""
