"""journalkit's built-in plugins (installed as ``journalkit_plugins``).

Each module here is a plugin registered through the ``journalkit``
entry-point group, exactly as an outside journal's plugin would be, and uses
only journalkit's public API: copy one to start your own.
"""
