"""What to do with an analysed report: post it, ask an operator, or only record it.

False alerts cost a human-rights channel its credibility; missed ones cost the
detainee. Reports the rules are unsure about therefore go to a person.
"""

from __future__ import annotations

import html
from typing import Literal

from bot.core.analysis.result import Analysis
from bot.core.models import Settings

Decision = Literal["alert", "review", "seen"]


def triage(analysis: Analysis, settings: Settings) -> Decision:
    """'alert' when the rules flag an arrest with confidence ≥ post_score; 'review'
    when the score falls in [review_score, post_score) or an arrest is flagged with
    less confidence; 'seen' otherwise."""
    if analysis.arrest and analysis.score >= settings.post_score:
        return "alert"
    if analysis.score >= settings.review_score:
        return "review"
    return "seen"


def review_buttons(item_id: int) -> dict[str, object]:
    """The inline keyboard under a review request (callback data ≤ 64 bytes)."""
    return {
        "inline_keyboard": [
            [
                {"text": "✅ Approve", "callback_data": f"approve:{item_id}"},
                {"text": "❌ Reject", "callback_data": f"reject:{item_id}"},
            ]
        ]
    }


def review_request(alert_html: str, analysis: Analysis) -> str:
    """The operators' copy of a doubtful alert: why it is doubtful, then the post."""
    reasons = ", ".join(analysis.reasons) or "none"
    head = (
        f"🤔 <b>Doubtful report</b> (score {analysis.score:.2f}). Approve to post it to the channel.\n"
        f"<i>Rules: {html.escape(reasons[:250])}</i>\n\n"
    )
    return head + alert_html
