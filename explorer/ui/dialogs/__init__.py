"""Small dialogs the views open (confirmations, resize); all non-blocking (`open()`, never `exec()`)."""
