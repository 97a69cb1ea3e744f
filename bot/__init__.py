"""arrestwatch: watches regional news for arrests of activists, journalists and protesters."""

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/arrestwatch/arrestwatch"
USER_AGENT = f"arrestwatch/{__version__} (+{PROJECT_URL})"
