"""The read-only web dashboard behind ``evwatch serve``: pages, SVG charts, the Atom feed."""
