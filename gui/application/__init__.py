"""The program: the ``QApplication`` and its language, the main window that composes everything,
its actions and menus, crash reporting and screenshots. Only this package builds a window."""
