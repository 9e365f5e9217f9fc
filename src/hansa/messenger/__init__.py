"""The trade messenger: live one-to-one chat between a buyer's staff and a supplier's reps.

- ``models``: ``Conversation`` (one buyer member ↔ one supplier member, read markers on both
  sides), ``Message`` (client id for idempotent resends), ``ChatAttachment``, ``Presence``.
- ``services``: ``conversation_start`` (who answers: the product's rep, the picked rep, an
  online rep, else the owner), ``message_send`` (the one write path for the socket, the page,
  the API and uploads), ``conversation_mark_read``, presence.
- ``selectors``: the access rule (participants write; the owner and admins of either company
  read along), unread counters, history search, reps online, contacts.
- ``broadcast``: channel-layer groups and the after-commit delivery; ``consumers``: the
  ``/ws/messenger/`` WebSocket; ``views``/``apis``: pages (with polling fallback) and
  ``/api/v1/chats``.
"""
