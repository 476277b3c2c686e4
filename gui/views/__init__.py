"""What the user sees: the article, the outline, the details panel, the status bar, the corpus
and comparison panels. Views follow the workspace themselves and hold no business logic."""
