"""Rendering stage: Jinja environments with baked translations, locale negotiation, Babel formatting."""
