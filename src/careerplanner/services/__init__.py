"""Use cases the window and the command line share; mutations return what changed."""
