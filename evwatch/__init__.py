"""The top layer: the ``evwatch`` command line and the daemon. They start the crawler, the
store and the alerts; nothing below imports them."""
