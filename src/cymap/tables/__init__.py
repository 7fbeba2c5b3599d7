"""Tables of the pages rendered as static HTML (``html``)."""
