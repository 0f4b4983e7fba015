"""LangChain's fake chat models, recording what they were sent (for the critique chain tests)."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage
from pydantic import Field


class RecordingChatModel(GenericFakeChatModel):
    """LangChain's fake chat model that also keeps the messages it was sent."""

    seen: list[list[Any]] = Field(default_factory=list)

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.seen.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def fake_model(*contents: str) -> RecordingChatModel:
    return RecordingChatModel(messages=iter([AIMessage(content=c) for c in contents]))
