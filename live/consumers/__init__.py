"""The live game's two sockets: the host's projector (``host.py``) and each player's phone (``player.py``)."""

from .host import HostConsumer
from .player import PlayerConsumer

__all__ = ["HostConsumer", "PlayerConsumer"]
