"""Modal dialogs. Logic asks through the small functions of ``prompts`` (tests replace them);
the preferences, the shortcuts sheet and the crash report are dialogs of their own."""
