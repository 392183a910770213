"""The browser view: the coordination network as one self-contained HTML page.

``network.build_view`` turns a store's in-memory model into agencies (and
directives) and their links under the user's filters; ``page.render_html``
draws it with pyvis/vis-network in-line (no CDN); ``screenshot`` opens a page
in offline headless Chromium (tests and the docs picture).
"""
