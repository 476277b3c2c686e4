"""What the user does: files, corrections, review, corpus mode and comparison. Each controller
gets the workspace and the views it needs in its constructor and never reaches the window."""
