"""Chart drawing on a matplotlib ``Figure``: no Qt, no pyplot."""
