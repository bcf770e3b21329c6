"""Writers that turn a plan or a profile into Markdown, CSV, ICS or PDF."""
