"""The pages of the main window, one module each (built by ``gui.lazy_pages``)."""
