"""The dashboard server: `streamlit run serve.py` serves app.py and its pages.

Same as `streamlit run app.py`, plus one middleware that tells the browser where the server
root is, so a page opened at its own address (/reach, /metro …) connects at once instead of
first probing a health endpoint below the page path (src/cymap/app/_compat.py).
"""

import streamlit as st
from starlette.middleware import Middleware

from cymap.app._compat import BaseUrlHint

app = st.App(
    "app.py",
    middleware=[Middleware(BaseUrlHint, base_path=st.get_option("server.baseUrlPath"))],
)
