"""Placeholder."""

import streamlit as st

from cymap import ui

lang = ui.sidebar()
st.title("1_metro")
