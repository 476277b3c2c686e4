"""The open document: its session (core document + undo stack), the workspace every view and
controller shares (session, selection, change signals), undoable commands, recovery copies and
background loading. No widgets here."""
