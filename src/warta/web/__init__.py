"""The web side: the JSON API (``api``), its data functions (``queries``), the dashboard."""
