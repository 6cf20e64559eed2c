"""kanbao (看报): read an archive of Chinese newspaper pages in the terminal."""

__version__ = "0.1.0"
