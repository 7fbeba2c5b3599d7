"""Placeholder."""

import streamlit as st

from cymap import ui

lang = ui.sidebar()
st.title("2_corridors")
