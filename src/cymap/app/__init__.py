"""The Streamlit side of cymap: the only code that imports Streamlit.

``ui`` holds the shared sidebar, the URL-bound widgets, cached loaders and the display helpers
the pages call; ``_compat`` what cymap does with Streamlit that Streamlit does not offer (router on a direct URL, the page-shell middleware of ``serve.py``); ``devserver`` starts the
dashboard for the browser tests and benchmarks.
"""
